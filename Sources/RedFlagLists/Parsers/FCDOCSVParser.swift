import Foundation
import RedFlagCore

public enum FCDOCSVParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "FCDOCSVParser is not written yet")
    }
}
