import ArgumentParser
import Foundation
import StewardCore
import StewardCRM
import StewardSQLite

/// `steward activities list`.
struct ActivitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activities", abstract: "Planned, done and cancelled activities.", subcommands: [ActivitiesListCommand.self]
    )
}

struct ActivitiesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Activities by due date; those of paused enrollments show as on hold and are never due.")

    @Option(help: "Only this owner's.") var owner: String?
    @Option(help: "today or overdue (planned, not on hold); today is the day in $TZ (UTC when unset).") var due: String?
    @Option(help: "Only this enrollment's.") var enrollment: Int64?
    @Option(help: "Planned, Done or Cancelled.") var status: String?
    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 100
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = CommandContext.current
        let filter = try self.filter()
        let today = CRMDay(context.clock.now(), in: context.environment["TZ"].flatMap(TimeZone.init(identifier:)) ?? .gmt)
        let activities = try await CadenceService(store: try database.open(mustExist: true)).activities(filter, today: today)
        if output.json { return context.print(try JSONOutput.render(activities.map(Self.json))) }
        let rows = activities.map { activity in
            [String(activity.id), activity.dueDate?.description ?? "", activity.onHold ? "On hold" : activity.status.rawValue, activity.type,
             activity.owner ?? "", activity.accountID.map(String.init) ?? "",
             activity.enrollmentID.map { "\($0)#\(activity.stepNumber ?? 0)" } ?? "", activity.subject]
        }
        context.print(Table(headers: ["ID", "DUE", "STATUS", "TYPE", "OWNER", "ACCOUNT", "ENROLLMENT#STEP", "SUBJECT"], rows: rows).render())
    }

    func filter() throws -> ActivityFilter {
        let due = try due.map { text in
            guard let due = ActivityFilter.Due(rawValue: text) else {
                throw StewardError(.invalidArguments, "--due: unknown value '\(text)'", fix: "use today or overdue")
            }
            return due
        }
        let status = try status.map { text in
            guard let status = CRMActivity.Status(rawValue: text.capitalized) else {
                throw StewardError(.invalidArguments, "--status: unknown value '\(text)'", fix: "use Planned, Done or Cancelled")
            }
            return status
        }
        return ActivityFilter(owner: owner, due: due, enrollment: enrollment, status: status, limit: limit)
    }

    static func json(_ activity: CRMActivity) -> [String: Any] {
        ["id": activity.id, "type": activity.type, "subject": activity.subject, "status": activity.status.rawValue,
         "on_hold": activity.onHold, "due_date": activity.dueDate?.description ?? NSNull(), "owner_user_id": activity.owner ?? NSNull(),
         "account_id": activity.accountID ?? NSNull(), "cadence_enrollment_id": activity.enrollmentID ?? NSNull(),
         "cadence_step_number": activity.stepNumber ?? NSNull(), "description": activity.description ?? NSNull()]
    }
}
