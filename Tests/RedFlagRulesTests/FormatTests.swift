import Foundation
@testable import RedFlagRules
import Testing

/// Facts quote scores and figures with two decimals; the fast formatter must write exactly
/// what `String(format: "%.2f")` writes, or stored records and audits would change.
@Suite("Two-decimal formatting equals %.2f")
struct FormatTests {
    @Test("ties at eighths round to even; near-ties by the exact binary value; signs and zero")
    func edgeCases() {
        let values: [Double] = [0, -0.0, 0.125, 0.375, 0.625, 0.875, 1.125, 2.5, 0.005, 0.015, 0.025, 0.145, 0.285, 0.995,
                                0.9949999999999999, 0.99, 1, 1.005, 12.345, 99.995, -0.001, -0.125, -1.005, 0.1 + 0.2,
                                123456789.125, 9_999_999_999_999.99, 4800.5, 1e-9, 5e-3, 0.0049999999999999999]
        for v in values {
            #expect(Format.twoDecimals(v) == String(format: "%.2f", v), "\(v)")
        }
    }

    @Test("every hundredth and its neighbours, and random values, as printf writes them")
    func sweep() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = []
        for k in 0...100_000 {
            let mid = (Double(k) + 0.5) / 100
            values += [mid, mid.nextUp, mid.nextDown, Double(k) / 100]
        }
        for _ in 0..<100_000 { values.append(Double.random(in: -1000...1000, using: &generator)) }
        for _ in 0..<20_000 { values.append(Double(bitPattern: UInt64.random(in: 0...0x42A0_0000_0000_0000, using: &generator))) }
        var wrong: [Double] = []
        for v in values where Format.twoDecimals(v) != String(format: "%.2f", v) { wrong.append(v) }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("non-finite and huge values fall back to the formatter")
    func fallback() {
        for v in [Double.nan, .infinity, -.infinity, 1e20] {
            #expect(Format.twoDecimals(v) == String(format: "%.2f", v))
        }
    }
}
