// libFuzzer target: the order export reader and line parser on any bytes (a header is prepended
// when the input has none, so the row parser is reached too).
import Foundation
import RedFlagCore
import RedFlagRules

let header = Data("order_id,order_date,customer_id,customer_name,customer_country,item_description,quantity,unit_price,ship_to_country\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrderReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for input in [data, header + data] {
        let csv = CSVReader(data: input, path: "fuzz.csv")
        csv.maxRecordBytes = 4_096
        guard let reader = try? OrderReader(csv: csv, countries: CountryTable(rows: [("DE", ["Germany"]), ("CN", ["China"])])) else { continue }
        var rows = 0
        while rows <= count + 1, let row = try? reader.next() {
            _ = row
            rows += 1
        }
    }
    return 0
}
