import Foundation
import RedFlagCore

public enum FCDOXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "FCDOXMLParser is not written yet")
    }
}
