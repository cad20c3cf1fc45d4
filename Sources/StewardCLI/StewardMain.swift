import ArgumentParser
import Foundation
import StewardApp
import StewardCore
import StewardCRM

/// Runs a command line and returns the process exit code. Steward's own errors print as one
/// line, `steward: error: WHAT (HOW TO FIX)`, with an exit code by kind (sysexits.h).
public enum StewardMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        let context = CommandContext.current
        do {
            var command = try parse(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as StewardError {
            context.errorOutput.write("steward: error: \(error.description)\n")
            return exitCode(for: error.code)
        } catch {
            let code = StewardCommand.exitCode(for: error).rawValue
            let message = StewardCommand.fullMessage(for: error)
            (code == 0 ? context.output : context.errorOutput).write(message.isEmpty ? "" : message + "\n")
            return code
        }
    }

    /// ArgumentParser takes `-1` for an option: `jobs show -1` would say an argument is
    /// missing. When parsing fails and a word looks like a negative number, it is parsed again
    /// as a positional value (after `--`), so the command itself says what is wrong with it.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        do {
            return try StewardCommand.parseAsRoot(arguments)
        } catch {
            let negative = { (word: String) in word.count > 1 && word.hasPrefix("-") && (word.dropFirst().first?.isNumber ?? false) }
            guard !arguments.contains("--"), let index = arguments.firstIndex(where: negative) else { throw error }
            var moved = arguments
            let word = moved.remove(at: index)
            guard let command = try? StewardCommand.parseAsRoot(moved + ["--", word]) else { throw error }
            return command
        }
    }

    static func exitCode(for code: StewardError.Code) -> Int32 {
        switch code {
        case .unknownKind, .invalidArguments, .invalidConfiguration, .invalidCron: 64  // EX_USAGE
        case .invalidWorkflows: 78  // EX_CONFIG
        case .databaseUnreadable, .databaseTooNew, .databaseNeedsMigration: 65  // EX_DATAERR
        case .jobNotFound, .recordNotFound, .deliveryNotFound, .importNotFound, .endpointNotFound, .importFileMissing, .inputFileMissing, .tokenNotFound: 66  // EX_NOINPUT
        case .invalidChange, .recordClosed, .staleScan: 65  // EX_DATAERR
        case .importFileUnreadable, .importHeaderInvalid: 65  // EX_DATAERR: the file's content
        case .invalidTransition, .deliveryPending, .endpointDisabled, .tokenNameTaken: 65  // EX_DATAERR: not in a state that allows it
        case .webhookTestFailed: 69  // EX_UNAVAILABLE
        case .databaseNotWritable, .directoryNotWritable: 73  // EX_CANTCREAT
        default: 1
        }
    }
}
