import Foundation
import SwiftCSV

/// swiftcsv/SwiftCSV: parses a String it holds whole, so the file is read into memory first.
func readWithSwiftCSV(_ path: String) throws -> (records: Int, fields: Int) {
    let csv = try CSV<Enumerated>(url: URL(fileURLWithPath: path), loadColumns: false)
    return (csv.rows.count + 1, csv.rows.reduce(csv.header.count) { $0 + $1.count })
}
