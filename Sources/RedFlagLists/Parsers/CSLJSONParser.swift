import Foundation
import RedFlagCore

public enum CSLJSONParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "CSLJSONParser is not written yet")
    }
}
