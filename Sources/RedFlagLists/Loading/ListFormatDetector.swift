import Foundation
import RedFlagCore

/// Tells which list format a file is in from its content, never its name: downloads get renamed,
/// and a wrong guess would parse one list as another.
///
/// Only the first 64 KB are read: the XML root element (local name and namespace), the CSV
/// header or preamble, the shape of the first OFAC legacy CSV row, or `{` + `"results"` for the
/// CSL JSON, or an XLSX workbook (OFSI's ConList.xlsx). Other ZIPs, gzip, UTF-16 and binary files
/// are refused with a message saying what to use.
public enum ListFormatDetector {
    /// What a file was detected to be.
    public struct Detection: Sendable, Equatable {
        public var format: ListFormat
        /// For the OFAC legacy CSV set: which of the four files this one is.
        public var ofacPart: OFACLegacyCSVParser.Part?

        public init(format: ListFormat, ofacPart: OFACLegacyCSVParser.Part? = nil) {
            self.format = format
            self.ofacPart = ofacPart
        }
    }

    /// Bytes read to decide.
    static let headSize = 64 * 1024

    static let ofsiCSVURL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"

    /// Detects the format of the file at `url`. Throws `fileNotFound` (exit 66) for a missing
    /// file and `badData`/`unknownFormat` (exit 65) for an empty, binary or unknown one.
    public static func detect(_ url: URL) throws -> Detection {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw RedFlagError.fileNotFound(path: url.path)
        }
        if isDirectory.boolValue {
            throw RedFlagError.unreadable(path: url.path, reason: "is a folder: name the list files in it")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw RedFlagError.unreadable(path: url.path, reason: "permission denied or not a file")
        }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: headSize)
        return try detect(head: head, path: url.path)
    }

    /// Detects the format from the first bytes of a file named `path` in messages.
    public static func detect(head: Data, path: String) throws -> Detection {
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let firstIndex = bytes.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw RedFlagError.badData(path: path, location: "line 1", message: "empty file")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // An XLSX names its parts in the local headers near the start; which list it holds is
            // the parser's to check (OFSI's `Last Updated` row and ConList header).
            if containsASCII(bytes, "xl/workbook.xml") || containsASCII(bytes, "xl/worksheets/") {
                return Detection(format: .ofsiXLSX)
            }
            throw RedFlagError.unknownFormat(path: path, message:
                "a ZIP archive, not a list file: unzip it (OFAC *.ZIP) and give the XML or CSV inside")
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw RedFlagError.unknownFormat(path: path, message: "gzip-compressed file: gunzip it first")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw RedFlagError.unknownFormat(path: path, message: "UTF-16 text is not supported: save the file as UTF-8")
        }
        if looksBinary(bytes) {
            throw RedFlagError.badData(path: path, location: "line 1", message: "binary data, not a list file (XML, CSV or JSON expected)")
        }
        switch bytes[firstIndex] {
        case UInt8(ascii: "<"):
            return try detectXML(Array(bytes[firstIndex...]), path: path)
        case UInt8(ascii: "{"):
            if containsASCII(bytes, "\"results\"") { return Detection(format: .cslJSON) }
            throw RedFlagError.unknownFormat(path: path, message: "JSON without a \"results\" array: not a CSL JSON download")
        default:
            return try detectCSV(bytes, path: path)
        }
    }

    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var control = 0
        for b in bytes.prefix(8192) {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x1A && b != 0x0C { control += 1 }
        }
        return control * 100 > min(bytes.count, 8192)
    }

    private static func containsASCII(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        for i in 0...(bytes.count - n.count) where bytes[i] == n[0] && Array(bytes[i..<(i + n.count)]) == n { return true }
        return false
    }

    // MARK: XML

    private static func detectXML(_ bytes: [UInt8], path: String) throws -> Detection {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let root = rootElement(text) else {
            throw RedFlagError.badData(path: path, location: "line 1",
                                       message: "XML without a root element in the first \(headSize / 1024) KB (truncated?)")
        }
        let local = root.name.split(separator: ":").last.map(String.init) ?? root.name
        switch (local, root.namespace) {
        case ("sdnList", _): return Detection(format: .ofacXML)
        case ("sanctionsData", _): return Detection(format: .ofacEnhancedXML)
        case ("Sanctions", "http://www.un.org/sanctions/1.0"): return Detection(format: .ofacAdvancedXML)
        case ("CONSOLIDATED_LIST", _): return Detection(format: .unXML)
        case ("export", "http://eu.europa.ec/fpi/fsd/export"): return Detection(format: .euXML)
        case ("Designations", _): return Detection(format: .fcdoXML)
        default:
            let ns = root.namespace.map { " in namespace \($0)" } ?? ""
            throw RedFlagError.unknownFormat(path: path, message: "XML root element <\(root.name)>\(ns) is not a known list format")
        }
    }

    /// The root element's qualified name and the namespace its prefix (or the default) maps to.
    static func rootElement(_ text: String) -> (name: String, namespace: String?)? {
        var s = Substring(text)
        while true {
            s = s.drop(while: \.isWhitespace)
            if s.hasPrefix("<?") {
                guard let end = s.range(of: "?>") else { return nil }
                s = s[end.upperBound...]
            } else if s.hasPrefix("<!--") {
                guard let end = s.range(of: "-->") else { return nil }
                s = s[end.upperBound...]
            } else if s.hasPrefix("<!") {
                // DOCTYPE, possibly with an internal subset in brackets.
                var depth = 0
                var index = s.startIndex
                while index < s.endIndex {
                    let c = s[index]
                    if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ">" && depth <= 0 { break }
                    index = s.index(after: index)
                }
                guard index < s.endIndex else { return nil }
                s = s[s.index(after: index)...]
            } else if s.hasPrefix("<") {
                break
            } else {
                return nil
            }
        }
        guard let close = s.firstIndex(of: ">") else { return nil }
        let tag = s[s.index(after: s.startIndex)..<close]
        let name = String(tag.prefix(while: { !$0.isWhitespace && $0 != "/" }))
        guard !name.isEmpty else { return nil }
        let prefix = name.contains(":") ? String(name.split(separator: ":")[0]) : nil
        let attribute = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        return (name, attributeValue(attribute, in: tag))
    }

    /// The value of attribute `name` (`name="v"` or `name='v'`) in a start tag's text.
    private static func attributeValue(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while let r = rest.range(of: name) {
            var s = rest[r.upperBound...].drop(while: \.isWhitespace)
            rest = rest[r.upperBound...]
            guard s.first == "=" else { continue }
            s = s.dropFirst().drop(while: \.isWhitespace)
            guard let quote = s.first, quote == "\"" || quote == "'" else { continue }
            s = s.dropFirst()
            guard let end = s.firstIndex(of: quote) else { return nil }
            return String(s[..<end])
        }
        return nil
    }

    // MARK: CSV

    private static func detectCSV(_ bytes: [UInt8], path: String) throws -> Detection {
        // Windows-1252 decodes every byte, so the header is read whatever the file's encoding.
        let reader = CSVReader(data: Data(bytes), path: path, encoding: .windows1252)
        var records: [CSVRecord] = []
        do {
            while records.count < 2, let r = try reader.next() {
                if !r.isBlank { records.append(r) }
            }
        } catch {
            // A 64 KB cut through a long quoted field: judge by what was read.
        }
        guard let first = records.first else {
            throw RedFlagError.unknownFormat(path: path, message: "line 1: no CSV header or record")
        }
        let head = first[0].trimmingCharacters(in: .whitespaces).lowercased()
        if head == "_id" && first.fields.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "source" }) {
            return Detection(format: .cslCSV)
        }
        if head.hasPrefix("last updated") { return Detection(format: .ofsiCSV) }
        if head.hasPrefix("report date") { return Detection(format: .fcdoCSV) }
        if let part = OFACLegacyCSVParser.part(ofFirstRecord: first.fields) {
            return Detection(format: .ofacCSV, ofacPart: part)
        }
        let shown = first.fields.prefix(6).joined(separator: ",").prefix(120)
        throw RedFlagError.unknownFormat(path: path, message:
            "line \(first.line): not a known list format (CSV starting \"\(shown)\" matches no CSL, OFAC, OFSI or UK Sanctions List layout)")
    }
}
