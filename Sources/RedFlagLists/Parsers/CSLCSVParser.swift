import Foundation
import RedFlagCore

public enum CSLCSVParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "CSLCSVParser is not written yet")
    }
}
