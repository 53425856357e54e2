import Foundation
import RedFlagCore

public enum OFACXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "OFACXMLParser is not written yet")
    }
}
