public import Foundation

/// Something that happened in the CRM (an import completed, an opportunity was created …),
/// recorded in the same transaction as the change itself.
public struct DomainEvent: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// JSON object text.
    public var payload: String
    public var createdAt: Date

    public init(id: Int64, name: String, payload: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.payload = payload
        self.createdAt = createdAt
    }
}

/// What an event turns into: a job per subscriber (trigger action, cadence, webhook endpoint).
public struct EventRoute: Sendable, Equatable {
    /// Identifies the subscriber, e.g. `trigger:welcome:0`; part of the job's unique key.
    public var name: String
    public var event: String
    public var job: NewJob

    public init(name: String, event: String, job: NewJob) {
        self.name = name
        self.event = event
        self.job = job
    }

    /// The job for one event: the template's arguments plus `event` (id, name, payload), keyed
    /// so that dispatching the same event twice inserts nothing new.
    public func job(for event: DomainEvent) -> NewJob {
        let payload = (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) ?? [:]
        var job = job.addingArguments(["event": ["id": event.id, "name": event.name, "payload": payload]])
        job.uniqueKey = "event:\(event.id):\(name)"
        job.uniqueStates = .uniqueDefault
        return job
    }
}
