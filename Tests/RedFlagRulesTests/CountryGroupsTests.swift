import Testing
@testable import RedFlagRules

@Suite("Country groups: dated membership, Hong Kong as China, Macau with D:5")
struct CountryGroupsTests {
    let groups = try! CountryGroups.bundled()
    let day = { (s: String) in CalendarDay(iso: s)! }

    @Test func cambodiaLeftD5On20260203() {
        #expect(groups.contains("D:5", "KH", on: day("2026-02-02")))
        #expect(!groups.contains("D:5", "KH", on: day("2026-02-03")))
        #expect(groups.contains("D:1", "KH", on: day("2026-02-03")))
    }

    @Test func uaeJoinedA5On20260710() {
        #expect(!groups.contains("A:5", "AE", on: day("2026-07-09")))
        #expect(groups.contains("A:5", "AE", on: day("2026-07-10")))
        #expect(groups.contains("D:4", "AE", on: day("2026-07-09")))
        #expect(!groups.contains("D:4", "AE", on: day("2026-07-10")))
    }

    @Test func hongKongIsChinaAndMacauPairsWithD5() {
        let d = day("2026-09-01")
        #expect(groups.contains("D:5", "HK", on: d))
        #expect(groups.isD5OrMacau("HK", on: d))
        #expect(!groups.contains("D:5", "MO", on: d))
        #expect(groups.isD5OrMacau("MO", on: d))
        #expect(!groups.isD5OrMacau("SG", on: d))
    }

    @Test func licenseDestinationsExcludeA5AndA6() {
        let d = day("2026-09-01")
        #expect(groups.isD1D4LicenseDestination("VN", on: d))
        #expect(!groups.isD1D4LicenseDestination("IL", on: d))
        #expect(groups.isEmbargoed("CU", on: d) && groups.isEmbargoed("KP", on: d))
        #expect(!groups.isEmbargoed("RU", on: d))
        #expect(groups.isHub("MY") && groups.isHub("AE") && !groups.isHub("DE"))
    }

    @Test func calendarArithmetic() {
        #expect(day("2026-03-31").monthsEarlier(1) == day("2026-02-28"))
        #expect(day("2024-02-29").monthsEarlier(12) == day("2023-02-28"))
        #expect(CalendarDay(iso: "2023") == day("2023-01-01"))
        #expect(CalendarDay(iso: "2026-02-30") == nil)
        #expect(day("2022-10-07").dayNumber - day("2022-10-06").dayNumber == 1)
    }

    @Test func isoDateParsing() {
        #expect(CalendarDay(iso: " 2024/02/29 ") == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(CalendarDay(iso: "2024-7") == CalendarDay(year: 2024, month: 7, day: 1))
        #expect(CalendarDay(iso: "2024--07-03") == CalendarDay(year: 2024, month: 7, day: 3))
        for bad in ["", "  ", "24-01-01", "20240101", "2024-13-01", "2023-02-29", "2024-01-01T10:00", "2024-01-01-01",
                    "+2024-01-01", "2024-0x-01", "٢٠٢٤-01-01", "2024-01-999999999999"] {
            #expect(CalendarDay(iso: bad) == nil, "\(bad)")
        }
    }
}
