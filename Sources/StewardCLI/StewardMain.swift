import ArgumentParser
import Foundation
import StewardCore
import StewardCRM

/// Runs a command line and returns the process exit code. Steward's own errors print as one
/// line, `steward: error: WHAT (HOW TO FIX)`, with an exit code by kind (sysexits.h).
public enum StewardMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        let context = CommandContext.current
        do {
            var command = try StewardCommand.parseAsRoot(arguments)
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

    static func exitCode(for code: StewardError.Code) -> Int32 {
        switch code {
        case .unknownKind, .invalidArguments, .invalidConfiguration, .invalidCron: 64  // EX_USAGE
        case .invalidWorkflows: 78  // EX_CONFIG
        case .databaseUnreadable, .databaseTooNew, .databaseNeedsMigration: 65  // EX_DATAERR
        case .jobNotFound, .recordNotFound, .deliveryNotFound, .importNotFound, .endpointNotFound, .importFileMissing, .inputFileMissing: 66  // EX_NOINPUT
        case .invalidChange, .recordClosed, .staleScan: 65  // EX_DATAERR
        case .importFileUnreadable, .importHeaderInvalid: 65  // EX_DATAERR: the file's content
        case .invalidTransition, .deliveryPending, .endpointDisabled: 65  // EX_DATAERR: not in a state that allows it
        case .webhookTestFailed: 69  // EX_UNAVAILABLE
        case .databaseNotWritable: 73  // EX_CANTCREAT
        default: 1
        }
    }
}
