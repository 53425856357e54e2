import Foundation
import RedFlagCore

public enum OFACAdvancedXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "OFACAdvancedXMLParser is not written yet")
    }
}
