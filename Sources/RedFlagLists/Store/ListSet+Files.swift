import Foundation
import RedFlagCore

extension ListSet {
    /// Parses list files directly (formats detected from content, OFAC CSV sets grouped).
    /// Throws `usage` when two files carry the same source, since their ids would collide.
    public static func load(paths: [URL]) throws -> ListSet {
        guard !paths.isEmpty else { throw RedFlagError.usage("no list files given") }
        return ListSet(parsed: try ListSet.checkedUnique(ListFileLoader.load(paths: paths)))
    }
}
