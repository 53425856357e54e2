import Foundation

// Build-time tool of the EmbedProjectData plugin:
//   ProjectDataEmbedder LISTS_DIR OUTPUT.swift PACKAGE_DIR
// writes OUTPUT.swift holding every file under LISTS_DIR (named by its path there) and the git
// commit of PACKAGE_DIR (nil when git or the repository is absent). A UTF-8 text file is a string
// literal (quotes, backslashes and control characters escaped), which a process reads with one
// copy, no decoding (a fresh `redflag screen` reads a megabyte of tables); any other file is
// base64. OUTPUT is rewritten only when its text changes, so a build with nothing new recompiles
// nothing.
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: ProjectDataEmbedder LISTS_DIR OUTPUT PACKAGE_DIR\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])
let package = URL(fileURLWithPath: arguments[3])

func literal(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where c.value < 0x20: out += "\\u{\(String(c.value, radix: 16))}"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

/// Regular files under `folder`, sorted; hidden files and folders skipped.
func files(under folder: URL) -> [URL] {
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                       options: [.skipsHiddenFiles]) else { return [] }
    var files: [URL] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
        files.append(url.standardizedFileURL)
    }
    return files.sorted { $0.path < $1.path }
}

/// `git -C package ARGS` output, or nil when git is missing or fails (not a checkout).
func git(_ args: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", package.path] + args
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}

let commit = git(["rev-parse", "--short=12", "HEAD"])
var text = "// Generated at build time by the EmbedProjectData plugin from Lists/. Do not edit; not committed.\n"
text += "enum EmbeddedProjectData {\n"
text += "    static let commit: String? = \(commit.map(literal) ?? "nil")\n"
let found = files(under: root)
// FNV-1a over the name tables (path and bytes, in path order): a match index built with other
// name knowledge normalised the listed names otherwise, so it records this and is refused later.
var digest: UInt64 = 0xcbf2_9ce4_8422_2325
for url in found.sorted(by: { $0.path < $1.path }) where url.path.hasPrefix(root.path + "/names/") {
    let bytes = Array(url.path.dropFirst(root.path.count + 1).utf8) + [0] + Array((try? Data(contentsOf: url)) ?? Data())
    for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
}
text += "    static let namesDigest: UInt64 = \(digest)\n"
var texts: [(name: String, text: String)] = [], binaries: [(name: String, base64: String)] = []
for url in found {
    var name = url.path
    if name.hasPrefix(root.path + "/") { name.removeFirst(root.path.count + 1) }
    do {
        let data = try Data(contentsOf: url)
        if let decoded = String(validating: data, as: UTF8.self), Data(decoded.utf8) == data {
            texts.append((name, decoded))
        } else {
            binaries.append((name, data.base64EncodedString()))
        }
    } catch {
        FileHandle.standardError.write(Data("ProjectDataEmbedder: cannot read \(url.path): \(error)\n".utf8))
        exit(66)
    }
}
text += "    static let texts: [String: String] = [\n"
for (name, contents) in texts { text += "        \(literal(name)): \(literal(contents)),\n" }
if texts.isEmpty { text += "        :\n" }
text += "    ]\n"
text += "    static let base64: [String: String] = [\n"
for (name, contents) in binaries { text += "        \(literal(name)): \"\(contents)\",\n" }
if binaries.isEmpty { text += "        :\n" }
text += "    ]\n}\n"
do {
    if (try? Data(contentsOf: output)) != Data(text.utf8) {
        try Data(text.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("ProjectDataEmbedder: cannot write \(output.path): \(error)\n".utf8))
    exit(73)
}
