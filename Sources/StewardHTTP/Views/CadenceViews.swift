import Foundation
import Hummingbird
import StewardCRM

/// A cadence: its current version, steps, and open enrollments.
struct CadenceView: ResponseEncodable, Sendable {
    var name: String
    var version: Int
    var days: String
    var generate: String
    var steps: Int
    var active: Int
    var paused: Int

    init(_ summary: CadenceSummary) {
        name = summary.name
        version = summary.version
        days = summary.days
        generate = summary.generate
        steps = summary.steps
        active = summary.active
        paused = summary.paused
    }
}

/// One record's enrollment in a cadence.
struct EnrollmentView: ResponseEncodable, Sendable {
    var id: Int64
    var cadence: String
    var cadenceVersion: Int
    var recordType: String
    var recordId: Int64
    var accountId: Int64?
    var owner: String?
    var status: String
    var currentStep: Int
    var enrolledOn: String
    var pausedOn: String?
    var stoppedOn: String?
    var stopReason: String?
    var completedOn: String?
    var source: String
    /// False when the record already had an open enrollment in this cadence (on enroll only).
    var inserted: Bool?

    init(_ enrollment: CadenceEnrollment, inserted: Bool? = nil) {
        id = enrollment.id
        cadence = enrollment.cadence
        cadenceVersion = enrollment.cadenceVersion
        recordType = enrollment.record.type.rawValue
        recordId = enrollment.record.id
        accountId = enrollment.accountID
        owner = enrollment.owner
        status = enrollment.status.rawValue
        currentStep = enrollment.currentStep
        enrolledOn = enrollment.enrolledOn.description
        pausedOn = enrollment.pausedOn?.description
        stoppedOn = enrollment.stoppedOn?.description
        stopReason = enrollment.stopReason
        completedOn = enrollment.completedOn?.description
        source = enrollment.source
        self.inserted = inserted
    }
}

/// A planned, done or cancelled activity; one of a paused enrollment is on hold.
struct ActivityView: ResponseEncodable, Sendable {
    var id: Int64
    var type: String
    var subject: String
    var description: String?
    var status: String
    var onHold: Bool
    var dueDate: String?
    var owner: String?
    var accountId: Int64?
    var enrollmentId: Int64?
    var stepNumber: Int?
    var completedAt: String?

    init(_ activity: CRMActivity) {
        id = activity.id
        type = activity.type
        subject = activity.subject
        description = activity.description
        status = activity.status.rawValue
        onHold = activity.onHold
        dueDate = activity.dueDate?.description
        owner = activity.owner
        accountId = activity.accountID
        enrollmentId = activity.enrollmentID
        stepNumber = activity.stepNumber
        completedAt = activity.completedAt
    }
}

/// An account's derived statuses with their history.
struct AccountStatusView: ResponseEncodable, Sendable {
    struct Change: Codable, Sendable { var asOf: String; var activity: String; var tenure: String; var previousActivity: String?; var previousTenure: String? }
    var accountId: Int64
    var companyName: String?
    var activity: String?
    var tenure: String?
    var lastTransaction: String?
    var statusSince: String?
    var history: [Change]

    init(_ report: AccountStatusReport) {
        accountId = report.accountID
        companyName = report.companyName
        activity = report.activity
        tenure = report.tenure
        lastTransaction = report.lastTransaction
        statusSince = report.statusSince
        history = report.history.map { Change(asOf: $0.asOf, activity: $0.activity, tenure: $0.tenure, previousActivity: $0.previousActivity,
                                              previousTenure: $0.previousTenure) }
    }
}

/// An account a winback scan flagged as newly inactive.
struct WinbackFlagView: ResponseEncodable, Sendable {
    var id: Int64
    var accountId: Int64
    var companyName: String?
    var owner: String?
    var asOf: String
    var previousActivity: String?
    var tenure: String

    init(_ flag: WinbackFlag) {
        id = flag.historyID
        accountId = flag.accountID
        companyName = flag.companyName
        owner = flag.owner
        asOf = flag.asOf
        previousActivity = flag.previousActivity
        tenure = flag.tenure
    }
}
