import Foundation

/// `csv-readers READER FILE`: reads every record of FILE, making a String of every field (what an
/// import needs), and prints `{"reader", "records", "fields", "seconds"}`.
let arguments = CommandLine.arguments
guard arguments.count == 3 else { fatalError("usage: csv-readers steward|csv.swift|swiftcsv FILE") }
let path = arguments[2]
let start = Date()
var records = 0, fields = 0

switch arguments[1] {
case "steward":
    let reader = try CSVReader(path: path, delimiter: UInt8(ascii: ","), offset: 0, line: 1)
    while try reader.next() {
        records += 1
        for index in reader.record.fields.indices where reader.text(index, latin1: false) != nil { fields += 1 }
    }
case "csv.swift": (records, fields) = try readWithCSVSwift(path)
case "swiftcsv": (records, fields) = try readWithSwiftCSV(path)
default:
    fatalError("unknown reader \(arguments[1])")
}
let seconds = Date().timeIntervalSince(start)
print("{\"reader\": \"\(arguments[1])\", \"records\": \(records), \"fields\": \(fields), \"seconds\": \(seconds)}")
