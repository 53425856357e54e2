import Foundation
import RedFlagCore

public enum UNXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "UNXMLParser is not written yet")
    }
}
