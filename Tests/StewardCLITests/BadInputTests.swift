import Foundation
import GRDB
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
            #expect(result.error == "steward: error: unknown job kind 'nope' (known kinds: cadence_enroll, cadence_generate, cadence_stop, export, fail, import, noop, probe, sleep, webhook_delivery, winback_scan)\n")
            #expect(!FileManager.default.fileExists(atPath: db))
        }
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
            let result = await steward("jobs", "list", "--database", path)
            #expect(result.code == 65)
            #expect(result.error.contains("written by a newer version of Steward"))
            #expect(result.error.contains("upgrade steward"))
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
