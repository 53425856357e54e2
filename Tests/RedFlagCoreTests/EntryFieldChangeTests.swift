import Foundation
import Testing
@testable import RedFlagCore

/// Field-level differences between two versions of one listed entry.
@Suite struct EntryFieldChangeTests {
    static let base = ListEntry(
        source: .ofacSDN, sourceID: "1", list: .ofacSDN, type: .entity, name: "ALPHA TRADING LLC", programs: ["IRAN"],
        aliases: [Alias(name: "ALPHA CO", strength: .strong), Alias(name: "A.T.", strength: .weak)],
        addresses: [Address(lines: ["1 Main St"], city: "Dubai", country: "AE", countryRaw: "United Arab Emirates")],
        identityDocuments: [IdentityDocument(type: "Registration ID", number: "123", country: "AE")],
        remarks: ["Listed 2020"])

    @Test func equalEntriesHaveNoChanges() {
        #expect(EntryFieldChange.between(old: Self.base, new: Self.base).isEmpty)
    }

    @Test func eachKindOfChangeIsNamedWithOldAndNew() {
        var new = Self.base
        new.name = "ALPHA TRADING FZE"
        new.programs.append("RUSSIA-EO14024")
        new.aliases[1].strength = .strong                        // same alias, other strength: changed
        new.aliases.append(Alias(name: "ALPHA HOLDINGS", strength: .weak))
        new.addresses = []
        new.identityDocuments[0].country = "IR"                 // same document, other country: changed
        new.remarks = ["Listed 2020", "Listed 2020"]           // a repeated remark counts
        let changes = EntryFieldChange.between(old: Self.base, new: new)
        #expect(changes.map(\.text) == [
            "name changed: ALPHA TRADING LLC → ALPHA TRADING FZE",
            "program added: RUSSIA-EO14024",
            "alias changed: A.T. (weak aka) → A.T. (strong aka)",
            "alias added: ALPHA HOLDINGS (weak aka)",
            "address removed: 1 Main St, Dubai, United Arab Emirates [AE]",
            "id changed: Registration ID 123 (AE) → Registration ID 123 (IR)",
            "remark added: Listed 2020",
        ])
        #expect(changes[0] == EntryFieldChange(field: "name", change: .changed, old: "ALPHA TRADING LLC", new: "ALPHA TRADING FZE"))
        #expect(changes[3].old == nil && changes[4].new == nil)
    }

    @Test func reorderedItemsAreOneOrderChange() {
        var new = Self.base
        new.aliases.reverse()
        #expect(EntryFieldChange.between(old: Self.base, new: new).map(\.text) == [
            "alias order changed: ALPHA CO (strong aka); A.T. (weak aka) → A.T. (weak aka); ALPHA CO (strong aka)",
        ])
    }

    @Test func legalFieldsAreCompared() {
        var new = Self.base
        new.legal.licenseRequirement = "For all items subject to the EAR"
        new.legal.federalRegisterNotices = ["89 FR 1234"]
        #expect(EntryFieldChange.between(old: Self.base, new: new).map(\.text) == [
            "federal register notice added: 89 FR 1234",
            "license requirement added: For all items subject to the EAR",
        ])
    }

    @Test func roundTripsThroughJSON() throws {
        var new = Self.base
        new.programs = []
        let changes = EntryFieldChange.between(old: Self.base, new: new)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(changes), as: UTF8.self) == #"[{"change":"removed","field":"program","old":"IRAN"}]"#)
        #expect(try JSONDecoder().decode([EntryFieldChange].self, from: encoder.encode(changes)) == changes)
    }
}
