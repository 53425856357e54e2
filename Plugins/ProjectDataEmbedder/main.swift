import Foundation

// Build-time tool of the EmbedProjectData plugin:
//   ProjectDataEmbedder LISTS_DIR OUTPUT.swift COMMIT FILE...
// writes OUTPUT.swift holding each FILE (named by its path under LISTS_DIR) as base64 and the
// commit (empty: unknown). Base64 string literals keep the compiler fast on any file content.
let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: ProjectDataEmbedder LISTS_DIR OUTPUT COMMIT FILE...\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let output = URL(fileURLWithPath: arguments[2])
let commit = arguments[3]

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

var text = "// Generated at build time by the EmbedProjectData plugin from Lists/. Do not edit; not committed.\n"
text += "enum EmbeddedProjectData {\n"
text += "    static let commit: String? = \(commit.isEmpty ? "nil" : literal(commit))\n"
text += "    static let files: [String: String] = [\n"
for path in arguments.dropFirst(4) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    var name = url.path
    if name.hasPrefix(root + "/") { name.removeFirst(root.count + 1) }
    do {
        let data = try Data(contentsOf: url)
        text += "        \(literal(name)): \"\(data.base64EncodedString())\",\n"
    } catch {
        FileHandle.standardError.write(Data("ProjectDataEmbedder: cannot read \(path): \(error)\n".utf8))
        exit(66)
    }
}
if arguments.count == 4 { text += "        :\n" }
text += "    ]\n}\n"
do {
    // Rewrite only on change, so an unchanged catalog does not recompile the module.
    if (try? Data(contentsOf: output)) != Data(text.utf8) {
        try Data(text.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("ProjectDataEmbedder: cannot write \(output.path): \(error)\n".utf8))
    exit(73)
}
