import CLibXML2
import Foundation
import RedFlagCore

/// A forward-only, hardened XML reader over libxml2's `xmlTextReader`, used by every XML list parser.
///
/// Why streaming: the SDN and EU files are ~20 MB and OFAC's Advanced XML is over 100 MB, so no DOM
/// is ever built. Why hardened: list files come from the network and are parsed unattended, so the
/// reader never touches the network, never loads a DTD or an external entity (a process-wide entity
/// loader refuses every request), refuses documents that use entity references at all (no list
/// format needs them; they are how XXE and "billion laughs" attacks work), and reports every libxml2
/// error as `RedFlagError.badData` with the file, line and libxml2's message instead of printing it.
///
/// Element names are compared by local name (any namespace: OFAC changed its namespace in 2024)
/// against `StaticString`s, without creating a Swift `String` per node.
public final class XMLStreamReader {
    /// The kinds of node a parser needs to tell apart (others are reported as `.other`).
    public enum NodeType: Sendable, Equatable {
        case element, endElement, text, other
    }

    /// The file being read, for error messages.
    public let path: String
    private let reader: xmlTextReaderPtr
    private let fd: Int32
    /// The document when read from memory (a member of a ZIP archive): libxml2 reads it in place.
    private let buffer: UnsafeMutableRawBufferPointer?
    private let errors: ErrorSink

    /// What `read()` found at the current node. Kept behind a pointer the reader owns: a class's
    /// stored properties are checked for exclusive access at run time on every read and write,
    /// and with several per node over millions of nodes those checks cost more than libxml2's
    /// own work. One reader is used by one thread, and nothing else sees the pointer.
    private struct Cursor {
        var nodeType: NodeType = .other
        var depth = 0
        var isEmptyElement = false
        var localName: UnsafePointer<CChar>?
    }

    private let cursor: UnsafeMutablePointer<Cursor>

    /// Type of the current node.
    public var nodeType: NodeType { cursor.pointee.nodeType }
    /// Depth of the current node (the root element is 0).
    public var depth: Int { cursor.pointee.depth }
    /// Whether the current element is written `<x/>` (no end-element event follows).
    public var isEmptyElement: Bool { cursor.pointee.isEmptyElement }
    private var localNamePointer: UnsafePointer<CChar>? { cursor.pointee.localName }

    /// No network, dictionary-interned names, CDATA as text. Deliberately without NOENT, DTDLOAD,
    /// DTDATTR, DTDVALID, XINCLUDE and HUGE: entities stay unexpanded and libxml2's limits apply.
    private static let parserOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
        | XML_PARSE_NOCDATA.rawValue)

    /// Opens `url` for streaming. Throws `fileNotFound` / `unreadable` when the file cannot be opened.
    public init(url: URL) throws {
        Self.setUpOnce
        path = url.path
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw FileManager.default.fileExists(atPath: url.path)
                ? RedFlagError.unreadable(path: url.path, reason: String(cString: strerror(errno)))
                : RedFlagError.fileNotFound(path: url.path)
        }
        // Reading from a descriptor (not xmlReaderForFile) keeps the document itself from going
        // through the external entity loader, which is set to refuse everything.
        guard let reader = xmlReaderForFd(fd, url.absoluteString, nil, Self.parserOptions) else {
            close(fd)
            throw RedFlagError.unreadable(path: url.path, reason: "libxml2 could not create a reader")
        }
        self.fd = fd
        self.buffer = nil
        self.reader = reader
        self.errors = ErrorSink()
        self.cursor = Self.newCursor()
        configure()
    }

    /// Reads the document in `bytes` (copied), named `path` in messages ("ConList.xlsx:
    /// xl/worksheets/sheet1.xml"), with the same protections as a file.
    public init(bytes: [UInt8], path: String) throws {
        Self.setUpOnce
        self.path = path
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        buffer.copyBytes(from: bytes)
        guard let reader = xmlReaderForMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count),
                                              nil, nil, Self.parserOptions) else {
            buffer.deallocate()
            throw RedFlagError.unreadable(path: path, reason: "libxml2 could not create a reader")
        }
        self.fd = -1
        self.buffer = buffer
        self.reader = reader
        self.errors = ErrorSink()
        self.cursor = Self.newCursor()
        configure()
    }

    private static func newCursor() -> UnsafeMutablePointer<Cursor> {
        let cursor = UnsafeMutablePointer<Cursor>.allocate(capacity: 1)
        cursor.initialize(to: Cursor())
        return cursor
    }

    private func configure() {
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error)
        }, Unmanaged.passUnretained(errors).toOpaque())
        // Belt and braces: never substitute entities, never load or validate against a DTD.
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_SUBST_ENTITIES.rawValue), 0)
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_LOADDTD.rawValue), 0)
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_VALIDATE.rawValue), 0)
    }

    deinit {
        xmlFreeTextReader(reader)
        if fd >= 0 { close(fd) }
        buffer?.deallocate()
        cursor.deinitialize(count: 1)
        cursor.deallocate()
    }

    /// Advances to the next node. Returns false at the end of the document; throws `badData` (with
    /// the line and libxml2's message) on malformed, truncated or hostile input.
    public func read() throws -> Bool {
        let r = xmlTextReaderRead(reader)
        if let failure = errors.first { throw badData(failure.message, line: failure.line > 0 ? failure.line : nil) }
        if r < 0 { throw badData("malformed XML", line: nil) }
        let c = cursor
        if r == 0 {
            c.pointee.nodeType = .other
            return false
        }
        c.pointee.depth = Int(xmlTextReaderDepth(reader))
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            c.pointee.nodeType = .element
            c.pointee.isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
            c.pointee.localName = xmlTextReaderConstLocalName(reader).map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            c.pointee.nodeType = .endElement
            c.pointee.isEmptyElement = false
            c.pointee.localName = xmlTextReaderConstLocalName(reader).map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            c.pointee.nodeType = .text
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw badData("entity references are not accepted in list files (possible XXE or entity-expansion attack)", line: nil)
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            // A DOCTYPE is harmless on its own, but entity declarations in it are how the attacks
            // start; refuse them before any reference could be reached.
            if Self.internalSubsetDeclaresEntities(reader) {
                throw badData("DTD entity declarations are not accepted in list files (possible XXE or entity-expansion attack)", line: nil)
            }
            c.pointee.nodeType = .other
        default:
            c.pointee.nodeType = .other
        }
        return true
    }

    /// Whether the current element or end element has local name `name` (any namespace).
    @inline(__always)
    public func isNamed(_ name: StaticString) -> Bool {
        guard let p = localNamePointer else { return false }
        return name.withUTF8Buffer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                strncmp(p, c.baseAddress!, c.count) == 0 && p[c.count] == 0
            }
        }
    }

    /// The local name of the current element as a `String` (for messages and rare dynamic lookups).
    public var localName: String { localNamePointer.map { String(cString: $0) } ?? "" }

    /// The value of the current element's attribute `name` (no namespace), nil when absent.
    public func attribute(_ name: StaticString) -> String? {
        withAttribute(name) { b in String(decoding: b, as: UTF8.self) }
    }

    /// Like `attribute(_:)`, but trimmed, and nil when absent or empty (EU writes every attribute,
    /// empty meaning "no value").
    public func nonEmptyAttribute(_ name: StaticString) -> String? {
        guard let v = withAttribute(name, Self.trimmedString), !v.isEmpty else { return nil }
        return v
    }

    /// Calls `body` with the bytes of attribute `name` (freed afterwards), nil when absent.
    private func withAttribute<T>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        // Multi-character StaticString literals are NUL-terminated, so the C API can read the name
        // in place; a one-scalar literal has no pointer and is copied.
        let value: UnsafeMutablePointer<xmlChar>?
        if name.hasPointerRepresentation {
            value = xmlTextReaderGetAttribute(reader, name.utf8Start)
        } else {
            value = xmlTextReaderGetAttribute(reader, Array(name.description.utf8) + [0])
        }
        guard let v = value else { return nil }
        defer { xmlFreeCString(v) }
        return body(UnsafeBufferPointer(start: v, count: strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))))
    }

    /// The text inside the current element (concatenated text and CDATA, child elements' text
    /// included), consuming it up to its end tag. Trimmed of ASCII whitespace. Empty for `<x/>`.
    public func readElementText() throws -> String {
        guard nodeType == .element, !isEmptyElement else { return "" }
        let start = depth
        // Almost every value is one text node: trim its bytes before making the String, without
        // Foundation's slower Unicode-aware trimming.
        var single: String?
        var bytes: [UInt8] = []
        var parts = 0
        while try read() {
            if nodeType == .text, let v = xmlTextReaderConstValue(reader) {
                let buffer = UnsafeBufferPointer(start: v, count: strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self)))
                parts += 1
                if parts == 1 {
                    single = Self.trimmedString(buffer)
                    bytes = Array(buffer)
                } else {
                    bytes.append(contentsOf: buffer)
                }
            } else if nodeType == .endElement, depth == start {
                break
            }
        }
        if parts <= 1 { return single ?? "" }
        return bytes.withUnsafeBufferPointer { Self.trimmedString($0) }
    }

    private static func trimmedString(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x0A || b[lo] == 0x0D || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x0A || b[hi - 1] == 0x0D || b[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// The value of the current text node ("" on other nodes).
    public var textValue: String {
        guard nodeType == .text, let v = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
    }

    /// `readElementText()`, nil when empty.
    public func readNonEmptyText() throws -> String? {
        let t = try readElementText()
        return t.isEmpty ? nil : t
    }

    /// Calls `body` once for each child element of the current element, with the reader positioned
    /// on that child. `body` may read the child (`readElementText`, a nested `forEachChild`) or
    /// ignore it; unread content is skipped. Returns with the reader on the current element's end.
    public func forEachChild(_ body: () throws -> Void) throws {
        guard nodeType == .element, !isEmptyElement else { return }
        let parent = depth
        while try read() {
            if nodeType == .element, depth == parent + 1 {
                try body()
            } else if nodeType == .endElement, depth == parent {
                return
            }
        }
    }

    /// The parser's current line, for messages about records.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// A `badData` error for this file at the current (or the given) line.
    public func badData(_ message: String, line: Int? = nil) -> RedFlagError {
        let l = line ?? self.line
        return RedFlagError.badData(path: path, location: l > 0 ? "line \(l)" : nil, message: message)
    }

    // MARK: - Set-up and safety

    /// Initialises libxml2 once and replaces its external entity loader with one that refuses
    /// every URL, so no DTD, external entity or XInclude can ever be fetched or opened.
    private static let setUpOnce: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    private static func internalSubsetDeclaresEntities(_ reader: xmlTextReaderPtr) -> Bool {
        guard let node = xmlTextReaderCurrentNode(reader), let doc = node.pointee.doc,
              let subset = doc.pointee.intSubset else { return false }
        return subset.pointee.entities != nil || subset.pointee.pentities != nil
    }
}

/// Collects the first error libxml2 reports for one reader (warnings are ignored: they do not
/// affect the data read).
private final class ErrorSink {
    struct Failure {
        var message: String
        var line: Int
    }

    var first: Failure?

    func record(_ error: xmlErrorPtr) {
        guard first == nil else { return }
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
        // Errors inside an entity's replacement text carry the entity's own line numbers and no
        // file; 0 makes the reader report its own position in the document instead.
        let line = error.pointee.file == nil ? 0 : Int(error.pointee.line)
        first = Failure(message: message.trimmingCharacters(in: .whitespacesAndNewlines), line: line)
    }
}

/// Frees a string libxml2 allocated for the caller.
private func xmlFreeCString(_ p: UnsafeMutablePointer<xmlChar>) {
    redflag_xml_free(p)
}
