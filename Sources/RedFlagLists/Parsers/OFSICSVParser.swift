import Foundation
import RedFlagCore

public enum OFSICSVParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        throw RedFlagError.unknownFormat(path: url.path, message: "OFSICSVParser is not written yet")
    }
}
