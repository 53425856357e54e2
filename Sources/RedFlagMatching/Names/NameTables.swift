import Foundation

/// The name tables every screening reads (given-name variants, legal forms, titles, generic
/// words, country words), each built from `Lists/names/` at its first look-up.
///
/// A fresh `redflag screen NAME` spends about a fifth of its time building them.
/// `prepareInBackground()` builds them on another core while the command line is parsed and the
/// list store opened, so a one-name screen waits less for the same work. Each table is a lazily
/// initialised static, built once and thread-safely: the screening thread that reaches one first
/// builds it itself, or waits for the build already running.
public enum NameTables {
    /// Starts building the tables on a background thread and returns at once.
    public static func prepareInBackground() {
        Thread.detachNewThread { prepare() }
    }

    /// Builds the tables on the calling thread.
    public static func prepare() {
        _ = GivenNames.table
        _ = LegalForms.words
        _ = NameTitles.words
        _ = CommonWords.generic
        _ = CountryWords.equivalents
        _ = NameNormalizer.normalize("Warm-up Trading Co., Ltd.")
    }
}
