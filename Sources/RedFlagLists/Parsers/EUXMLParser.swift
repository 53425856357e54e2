import Foundation
import RedFlagCore

public enum EUXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "EUXMLParser is not written yet")
    }
}
