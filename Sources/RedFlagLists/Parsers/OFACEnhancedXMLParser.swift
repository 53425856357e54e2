import Foundation
import RedFlagCore

public enum OFACEnhancedXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "OFACEnhancedXMLParser is not written yet")
    }
}
