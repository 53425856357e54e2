import Foundation
import RedFlagCore

public enum OFACLegacyCSVParser {
    public static func parse(sdn: URL, add: URL?, alt: URL?, comments: URL?) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: sdn.path, message: "OFACLegacyCSVParser is not written yet")
    }
}
