import CSV
import Foundation

/// yaslab/CSV.swift: a streaming reader over an InputStream. (Its module is named `CSV`, and the
/// import job's own `CSVReader` shadows its reader type here, hence the `CSV` alias.)
func readWithCSVSwift(_ path: String) throws -> (records: Int, fields: Int) {
    guard let stream = InputStream(fileAtPath: path) else { fatalError("cannot open \(path)") }
    let reader = try CSV(stream: stream)
    var records = 0, fields = 0
    while let row = reader.next() {
        records += 1
        fields += row.count
    }
    return (records, fields)
}
