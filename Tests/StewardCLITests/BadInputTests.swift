import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Bad input gets one clear line naming what is wrong and how to fix it, a non-zero exit code,
/// and leaves nothing written.
@Suite("CLI bad input")
struct BadInputTests {
    @Test func unknownKindIsRefusedBeforeAnyFileIsCreated() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            let result = await steward("enqueue", "nope", "--database", db)
            #expect(result.code == 64)
            #expect(result.error == "steward: error: unknown job kind 'nope' (known kinds: cadence_enroll, cadence_generate, cadence_stop, export, fail, import, jobs_bulk, noop, probe, sleep, webhook_delivery, winback_scan)\n")
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    /// A negative number is refused as one, not taken for a flag whose value is missing.
    @Test(arguments: [
        ["jobs", "list", "--limit", "-1"],
        ["schedules", "next", "* * * * *", "--count", "-1"],
        ["enqueue", "noop", "--max-attempts", "-1"],
        ["events", "list", "--limit", "0"],
    ])
    func negativeNumbersAreRefusedAsSuch(arguments: [String]) async throws {
        try await TemporaryDirectory.with { directory in
            let result = await steward(arguments: arguments + ["--database", directory.path("j.sqlite")])
            #expect(result.code == 64)
            #expect(result.error.contains("the value must be a positive whole number"), "\(result.error)")
            #expect(!result.error.contains("Missing value"))
            #expect(!FileManager.default.fileExists(atPath: directory.path("j.sqlite")))
        }
    }

    @Test func negativeAndOverlongDurationsSayWhatIsWrong() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let prune = await steward("webhooks", "prune", "--older-than", "-5d", "--database", test.path)
            #expect(prune.code == 64)
            #expect(prune.error == "steward: error: --older-than: '-5d' is negative; a duration must be positive (write e.g. 5d)\n")
            let far = await steward("enqueue", "noop", "--run-at", "+999999999d", "--database", test.path)
            #expect(far.code == 64)
            #expect(far.error.contains("'+999999999d' is too far ahead: at most 100 years from now"), "\(far.error)")
        }
    }

    /// A kind checks its arguments when the job is enqueued, with its own message, and nothing
    /// is written; `sleep` refuses what it could not wait (a negative or huge number).
    @Test(arguments: [
        ("sleep", #"{"seconds": -5}"#, "sleep arguments: 'seconds' must be from 0 to 86400 (got -5.0)"),
        ("sleep", #"{"seconds": 1e300}"#, "sleep arguments: 'seconds' must be from 0 to 86400 (got 1e+300)"),
        ("sleep", #"{"seconds": "abc"}"#, "sleep arguments: 'seconds' must be a number"),
        ("import", #"{"batch_size": 10}"#, "import arguments: 'import' is missing"),
        ("fail", #"{"permanent": "yes"}"#, "fail arguments: 'permanent' must be true or false"),
        ("winback_scan", #"{"rule": "r", "as_of": "tuesday"}"#, "winback_scan arguments: 'as_of' must be a day (YYYY-MM-DD), got 'tuesday'"),
    ])
    func argumentsAreCheckedByTheirKindAtEnqueue(kind: String, args: String, message: String) async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            let result = await steward("enqueue", kind, "--args", args, "--database", db)
            #expect(result.code == 64)
            #expect(result.error.hasPrefix("steward: error: \(message)"), "\(result.error)")
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    @Test func enqueueFromJSONLinesInsertsEveryLineInBatches() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let lines = (1...2500).map { #"{"seconds": \#($0 % 3)}"# }.joined(separator: "\n") + "\n\n"
            let result = await steward(arguments: ["enqueue", "sleep", "--from", "-", "--queue", "bulk", "--database", test.path], input: lines)
            #expect(result.code == 0, "\(result.error)")
            #expect(result.output == "enqueued 2500 sleep jobs on bulk (ids 1–2500)\n")
            let args = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT args FROM jobs WHERE queue = 'bulk' ORDER BY id") }
            #expect(args.count == 2500 && args[0] == #"{"seconds": 1}"# && args[2499] == #"{"seconds": 1}"#)
        }
    }

    @Test func aBadLineRefusesTheWholeFileAndNamesItsLine() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let file = test.directory.url.appendingPathComponent("jobs.jsonl")
            try #"{"seconds": 1}\#n{"seconds": 2}\#n{"seconds": -1}\#n"#.write(to: file, atomically: true, encoding: .utf8)
            let result = await steward("enqueue", "sleep", "--from", file.path, "--database", test.path)
            #expect(result.code == 64)
            #expect(result.error.hasPrefix("steward: error: \(file.path):3: sleep arguments: 'seconds' must be from 0"), "\(result.error)")
            #expect(try await test.store.jobList(JobListParams()).isEmpty, "nothing was enqueued")
            let missing = await steward("enqueue", "sleep", "--from", test.directory.path("nope.jsonl"), "--database", test.path)
            #expect(missing.code == 66)
        }
    }

    /// Answers that once said too little, or the wrong thing, each with its exit code.
    @Test(arguments: [
        (["jobs", "show", "-1"], 66, "no job with id -1"),
        (["schedules", "next", "-1 * * * *"], 64, "cron '-1 * * * *': minute '-1' is negative"),
        (["webhooks", "show", "999999"], 66, "no webhook delivery with id 999999"),
        (["webhooks", "redeliver", "999999"], 66, "no webhook delivery with id 999999"),
        (["webhooks", "redeliver"], 64, "give a delivery id or --failed-since"),
        (["enqueue", "noop", "--queue", ""], 64, "the queue name is empty"),
        (["jobs", "list", "--arg", "account_id"], 64, "'account_id' is not an argument filter KEY=VALUE"),
        (["exports", "run", "weekly", "--exports-dir", "/proc/steward-exports"], 73, "cannot write exports into /proc/steward-exports"),
    ])
    func unclearAnswersSayWhatIsWrong(arguments: [String], code: Int32, message: String) async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let workflows = test.directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try "kind: export\nname: weekly\nsource: accounts\ncolumns: [account_id]\npath: weekly.csv\n"
                .write(to: workflows.appendingPathComponent("e.yml"), atomically: true, encoding: .utf8)
            // `schedules next` needs no database.
            var full = arguments + (arguments.first == "schedules" ? [] : ["--database", test.path])
            if arguments.first == "exports" { full += ["--workflows", workflows.path] }
            let result = await steward(arguments: full)
            #expect(result.code == code, "\(result.error)")
            #expect(result.error.contains(message), "\(result.error)")
        }
    }

    @Test func anEmptyDatabasePathIsNamed() async throws {
        let result = await steward("jobs", "list", "--database", "")
        #expect(result.code == 64)
        #expect(result.error.contains("the database path is empty"))
    }

    @Test func schedulesNextRefusesACronThatNeverFires() async throws {
        let result = await steward("schedules", "next", "0 0 31 4 *")
        #expect(result.code == 64)
        #expect(result.output.isEmpty)
        #expect(result.error == "steward: error: cron '0 0 31 4 *': day-of-month 31 never occurs in April (at most 30 days), so it never fires"
                + " (pick a day of month the month has, or another month)\n")
    }

    @Test func malformedJSONArgumentsAreRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            let result = await steward("enqueue", "sleep", "--args", "{seconds: 2}", "--database", db)
            #expect(result.code == 64)
            #expect(result.error.hasPrefix("steward: error: --args is not valid JSON"))
            #expect(result.error.contains(#"--args '{"seconds": 2}'"#))
            #expect(!FileManager.default.fileExists(atPath: db))
            let notObject = await steward("enqueue", "sleep", "--args", "[1]", "--database", db)
            #expect(notObject.code == 64 && notObject.error.contains("must be a JSON object"))
        }
    }

    @Test func aFileThatIsNotSQLiteIsNamedAndLeftUntouched() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("notes.txt")
            let content = Data("name,email\nAda,ada@example.com\n".utf8)
            try content.write(to: URL(fileURLWithPath: path))
            let result = await steward("enqueue", "noop", "--database", path)
            #expect(result.code == 65)
            #expect(result.error == "steward: error: \(path) is not a SQLite database (pass the path of a Steward database, or a new file name, with --database)\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aDatabaseFromANewerStewardIsRefusedUnchanged() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("jobs.sqlite")
            let store = try SQLiteJobStore.open(path: path)
            try await store.database.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('core/v99-from-the-future')") }
            try store.database.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let result = await steward("jobs", "list", "--database", path)
            #expect(result.code == 65)
            #expect(result.error.contains("written by a newer version of Steward"))
            #expect(result.error.contains("upgrade steward"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not a byte written: no change counter or schema cookie bumped")
        }
    }

    @Test func readCommandsNeverMigrateAnEmptyFileOrAnOlderDatabase() async throws {
        try await TemporaryDirectory.with { directory in
            let empty = directory.path("empty.sqlite")
            _ = FileManager.default.createFile(atPath: empty, contents: nil)
            let onEmpty = await steward("jobs", "show", "1", "--database", empty)
            #expect(onEmpty.code == 65)
            #expect(onEmpty.error.contains("no Steward database at \(empty) (the file is empty)"), "\(onEmpty.error)")
            #expect((try? Data(contentsOf: URL(fileURLWithPath: empty)))?.isEmpty == true, "still empty: no schema was created")
        }
        // A database from before the latest engine migration.
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let older = test.path
            let store = test.store
            try await store.database.write { db in
                try db.execute(sql: "ALTER TABLE jobs DROP COLUMN lease_losses; DELETE FROM grdb_migrations WHERE identifier = 'core/v5-lease-losses'")
            }
            try store.database.close()
            let list = await steward("jobs", "list", "--database", older)
            #expect(list.code == 65)
            #expect(list.error.contains("needs 1 schema migration this command does not apply (core/v5-lease-losses)"), "\(list.error)")
            #expect(list.error.contains("run `steward migrate --database \(older)` first"))
            let migrate = await steward("migrate", "--database", older)
            #expect(migrate.code == 0, "\(migrate.error)")
            #expect(migrate.output.contains("applied"))
            #expect(migrate.output.contains("core/v5-lease-losses"))
            #expect(await steward("jobs", "list", "--database", older).code == 0)
            #expect(await steward("migrate", "--database", older).output == "\(older): up to date\n")
        }
    }

    /// Another application's database gets none of Steward's tables, and not a byte changes.
    @Test func anotherApplicationsDatabaseIsRefusedUnchanged() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("other.db")
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada'); PRAGMA user_version = 999999")
            }
            try other.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for arguments in [["jobs", "list"], ["enqueue", "noop"]] {
                let result = await steward(arguments: arguments + ["--database", path])
                #expect(result.code == 65)
                #expect(result.error.hasPrefix("steward: error: \(path) is not a Steward database: it holds other tables (customers) and no Steward schema"), "\(result.error)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aMissingOrReadOnlyDirectoryIsNamed() async throws {
        let missing = await steward("enqueue", "noop", "--database", "/nonexistent-dir/jobs.sqlite")
        #expect(missing.code == 73)
        #expect(missing.error.contains("directory /nonexistent-dir does not exist"))
        // /proc refuses new files even to root, as a read-only mount would.
        let readOnly = await steward("enqueue", "noop", "--database", "/proc/steward-jobs.sqlite")
        #expect(readOnly.code == 73)
        #expect(readOnly.error.contains("/proc/steward-jobs.sqlite"))
    }

    @Test func readCommandsDoNotCreateADatabase() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("typo.sqlite")
            let result = await steward("jobs", "list", "--database", db)
            #expect(result.code == 65)
            #expect(result.error.contains("no database at \(db)"))
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    @Test func badRunSettingsAreExplained() async throws {
        let lease = await steward("run", "--lease", "5s", "--heartbeat", "10s", "--database", "/tmp/unused.sqlite")
        #expect(lease.code == 64)
        #expect(lease.error == "steward: error: lease must be ≥ 3 × heartbeat interval (try a lease of 30s)\n")
        let queue = await steward("run", "--queue", "default", "--database", "/tmp/unused.sqlite")
        #expect(queue.code == 64 && queue.error.contains("--queue 'default' is not QUEUE=CONCURRENCY"))
        let unknownJob = await steward("jobs", "show", "424242", "--database", "/tmp/unused.sqlite")
        #expect(unknownJob.code != 0)
    }
}
