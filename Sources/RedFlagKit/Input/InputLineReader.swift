/// Splits a byte source into lines (LF, CRLF or CR), tracking 1-based line numbers.
///
/// A line longer than `maxLineBytes` is skipped without being held in memory and returned as
/// `tooLong` (its bytes empty), so memory stays bounded whatever the input.
final class InputLineReader {
    private let source: InputByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 0
    private var atStart = true
    private let maxLineBytes: Int

    init(source: InputByteSource, maxLineBytes: Int = 1 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
    }

    /// The next line's bytes and number, or nil at the end.
    func next() throws -> (bytes: ArraySlice<UInt8>, line: Int, tooLong: Bool)? {
        var skipping = false
        while true {
            if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                var bytes = buffer[position..<end]
                position = end + 1
                if buffer[end] == 0x0D {
                    if position >= buffer.count { try refill() }
                    if position < buffer.count, buffer[position] == 0x0A { position += 1 }
                }
                stripBOM(&bytes)
                line += 1
                return skipping || bytes.count > maxLineBytes ? ([], line, true) : (bytes, line, false)
            }
            if buffer.count - position > maxLineBytes {
                // Too long: drop what is buffered and keep reading to the line's end.
                skipping = true
                atStart = false
                buffer.removeAll(keepingCapacity: true)
                position = 0
            }
            let before = buffer.count - position
            try refill()
            if buffer.count - position == before {
                guard position < buffer.count || skipping else { return nil }
                var bytes = buffer[position...]
                position = buffer.count
                stripBOM(&bytes)
                line += 1
                return skipping ? ([], line, true) : (bytes, line, false)
            }
        }
    }
    private func refill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: try source.read())
    }

    private func stripBOM(_ bytes: inout ArraySlice<UInt8>) {
        guard atStart else { return }
        atStart = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    }
}
