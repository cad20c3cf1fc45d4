import Foundation
@testable import StewardCRM
import StewardCore
import StewardTesting
import Testing

/// RFC 4180 edge cases, read from real files through the streaming reader.
@Suite("CSV reader")
struct CSVReaderTests {
    struct Read: Equatable {
        var fields: [String]
        var line: Int
        var raw: String
        var problem: String?
    }

    func read(_ text: String, delimiter: String = ",") throws -> [Read] {
        try read(Array(text.utf8), delimiter: delimiter)
    }

    func read(_ bytes: [UInt8], delimiter: String = ",", latin1: Bool = false) throws -> [Read] {
        try inDirectory { directory in
            let path = directory.path("in.csv")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let start = try CSVFileStart.read(path: path, fileName: "in.csv", delimiter: delimiter.utf8.first)
            let reader = try CSVReader(path: path, delimiter: start.delimiter, offset: start.offset, line: 1)
            var records: [Read] = []
            while try reader.next() {
                let fields = (0..<reader.record.fields.count).map { reader.text($0, windows1252: latin1) ?? "<not UTF-8>" }
                records.append(Read(fields: fields, line: reader.record.line, raw: String(decoding: reader.rawRecord, as: UTF8.self), problem: reader.record.problem))
            }
            return records
        }
    }

    func inDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try body(directory)
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let records = try read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,1,2\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "1", "2"]])
        #expect(records.map(\.line) == [1, 2, 4], "a record's line is the physical line it starts on")
        #expect(records[1].raw == "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"", "raw bytes are the record as written, without its line end")
    }

    @Test func crlfLfAndLoneCrAllEndLines() throws {
        let records = try read("h1,h2\r\na,b\nc,d\re,f\r\n\"g\r\nh\",i\r")
        #expect(records.map(\.fields) == [["h1", "h2"], ["a", "b"], ["c", "d"], ["e", "f"], ["g\r\nh", "i"]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try read("a,b\n\n\nc,d\n\r\ne,f")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(records.map(\.line) == [1, 4, 6])
    }

    @Test func emptyFieldsAndAMissingFinalLineEnd() throws {
        let records = try read("a,,c\n\"\",x,")
        #expect(records.map(\.fields) == [["a", "", "c"], ["", "x", ""]])
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() throws {
        let records = try read([0xEF, 0xBB, 0xBF] + Array("Name,Email\nA,a@x.de\n".utf8))
        #expect(records.first?.fields == ["Name", "Email"])
    }

    @Test func utf16IsRefusedWithAClearError() throws {
        let error = #expect(throws: StewardError.self) { try read([0xFF, 0xFE, 0x4E, 0x00, 0x0A, 0x00]) }
        #expect(error?.message.contains("in.csv: line 1: the file is UTF-16") == true)
        #expect(error?.fix?.contains("UTF-8") == true)
    }

    @Test func anUnclosedQuoteSpoilsOnlyItsOwnLine() throws {
        let records = try read("a,b\n\"open,x\nc,d\ne,f\n")
        #expect(records.count == 4)
        #expect(records[1].problem == "a quoted field is never closed")
        #expect(records[1].raw == "\"open,x")
        #expect(records[2].fields == ["c", "d"])
        #expect(records[2].line == 3)
    }

    /// The next quote in the file, lines later, is another field's opening quote: the stray
    /// one still spoils only its own line.
    @Test func anUnclosedQuoteDoesNotSwallowLinesUpToTheNextQuote() throws {
        let records = try read("a,b\n\"open,x\nc,d\ne,\"f\"\"g\"\n")
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].problem == "a quoted field is never closed")
        #expect(records[1].raw == "\"open,x")
        #expect(records[2].fields == ["c", "d"])
        #expect(records[3].fields == ["e", "f\"g"])
    }

    @Test func rowsOfOnlyDelimitersAreBlank() throws {
        let records = try read("a,b\n1,2\n,\n\"\",\n3,4\n,,,\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func textAfterAClosingQuoteIsMalformed() throws {
        let records = try read("\"ab\"cd,e\n")
        #expect(records[0].problem?.contains("field 1 has text after its closing quote") == true)
    }

    @Test func raggedRowsKeepTheirFields() throws {
        let records = try read("a,b,c\n1,2\n1,2,3,4\n")
        #expect(records.map(\.fields.count) == [3, 2, 4])
    }

    @Test func delimitersAreSniffedFromTheHeader() throws {
        #expect(try read("a;b;\"c;d\"\n1;2;3\n", delimiter: "").first?.fields == ["a", "b", "c;d"])
        #expect(try read("a\tb\n1\t2\n", delimiter: "").first?.fields == ["a", "b"])
        #expect(try read("a|b|c\n", delimiter: "").first?.fields == ["a", "b", "c"])
        #expect(CSVFileStart.sniff(Array("\"x,y\";z\n".utf8)) == UInt8(ascii: ";"), "delimiters inside quotes do not count")
    }

    /// The header alone can mislead (one column, or a tie): the first records decide.
    @Test func theDelimiterIsTheOneGivingEveryRecordTheSameFieldCount() {
        #expect(CSVFileStart.sniff(Array("Name;Amount\nAcme;1,5\nBeta;2,25\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVFileStart.sniff(Array("a,b;c\n1,2;3\n4,5;6;7\n".utf8)) == UInt8(ascii: ","), "semicolons vary, commas do not")
        #expect(CSVFileStart.sniff(Array("Company, Inc.;Email\nAcme, Inc.;a@acme.de\nBeta;b@beta.de\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVFileStart.sniff(Array("a\tb\n\"x\ny\"\tz\n".utf8)) == UInt8(ascii: "\t"), "line breaks inside quotes do not end records")
        #expect(CSVFileStart.sniff(Array("Name\nAcme\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func invalidUTF8IsReportedOrReadAsLatin1() throws {
        let bytes: [UInt8] = Array("Name\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]  // "Müller" in Latin-1
        #expect(try read(bytes)[1].fields == ["<not UTF-8>"])
        #expect(try read(bytes, latin1: true)[1].fields == ["Müller"])
    }

    /// One decision per file: a file with any byte sequence that is not UTF-8 is Windows-1252
    /// throughout, so 0x80–0x9F are its punctuation and a UTF-8-looking pair stays two letters.
    @Test func aFileThatIsNotUTF8IsReadAsWindows1252Throughout() throws {
        let bytes: [UInt8] = Array("Name\n".utf8) + [0xC3, 0xA9, 0x0A] + [0x93, 0x80, 0x35, 0x94, 0x20, 0x96, 0x20, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]
        try inDirectory { directory in
            let path = directory.path("in.csv")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try CSVEncoding.isWindows1252(path: path, fallbackAllowed: true))
            #expect(try !CSVEncoding.isWindows1252(path: path, fallbackAllowed: false))
            try Data(Array("Name\nMüller ✓\n".utf8)).write(to: URL(fileURLWithPath: path))
            #expect(try !CSVEncoding.isWindows1252(path: path, fallbackAllowed: true))
        }
        #expect(try read(bytes, latin1: true).map(\.fields) == [["Name"], ["Ã©"], ["“€5” – Müller"]])
    }

    @Test func utf8SplitAcrossChunksIsStillUTF8() throws {
        try inDirectory { directory in
            let path = directory.path("in.csv")
            let text = String(repeating: "a", count: CSVReader.chunkSize - 1) + "€ü\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try CSVEncoding.isUTF8(path: path))
        }
    }

    /// Records straddling the 1 MiB window, and one longer than it, come out whole.
    @Test func recordsLongerThanTheWindowStayWhole() throws {
        let long = String(repeating: "x", count: CSVReader.chunkSize + 100)
        var text = "id,value\n"
        for index in 0..<3 { text += "\(index),\"\(long)\"\r\n" }
        let records = try read(text)
        #expect(records.count == 4)
        #expect(records.dropFirst().allSatisfy { $0.fields[1].count == long.count })
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    /// A reader opened at a record's offset and line reads on exactly from that record.
    @Test func resumingAtAnOffsetReadsTheSameRecords() throws {
        try inDirectory { directory in
            let path = directory.path("in.csv")
            try Data("h\n\"a\nb\"\nc\r\nd\n".utf8).write(to: URL(fileURLWithPath: path))
            let first = try CSVReader(path: path, delimiter: 44, offset: 0, line: 1)
            _ = try first.next()
            _ = try first.next()
            let (offset, line) = (first.nextOffset, first.nextLine)
            #expect(line == 4)
            let resumed = try CSVReader(path: path, delimiter: 44, offset: offset, line: line)
            var rest: [String] = []
            while try resumed.next() { rest.append("\(resumed.record.line):\(resumed.text(0, windows1252: false) ?? "")") }
            #expect(rest == ["4:c", "5:d"])
        }
    }
}
