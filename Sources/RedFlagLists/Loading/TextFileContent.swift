import Foundation
import RedFlagCore

/// A text list file read whole, with the encoding its bytes are in: UTF-8 when they are valid
/// UTF-8, else Windows-1252 (OFSI publishes ConList.csv that way; every byte decodes, so nothing
/// is lost). Used by the UK CSV readers, whose files are small enough to read at once.
struct TextFileContent {
    let data: Data
    let encoding: CSVReader.Encoding

    init(url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw RedFlagError.fileNotFound(path: url.path) }
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let valid = data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
        encoding = valid ? .utf8 : .windows1252
    }

    /// A CSV reader over the content, named by `url` in its errors.
    func reader(_ url: URL) -> CSVReader { CSVReader(data: data, path: url.path, encoding: encoding) }

    var sha256: String { SHA256.hex(data) }
}
