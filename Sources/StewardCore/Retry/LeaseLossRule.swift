
/// What happens to a job whose lease expired: its worker crashed, was killed or stalled. That is
/// not the handler's failure, so it does not spend one of the job's attempts and waits for no
/// backoff: the job is `available` again at once. Lease losses are counted apart, and reset
/// whenever the handler returns or the job reports progress; a job that loses its lease
/// `crashLimit` times in a row is taken to be what crashes its workers and is discarded, so a
/// poison job cannot take its pool down again and again.
public enum LeaseLossRule {
    public static let defaultCrashLimit = 3

    public static func outcome(for job: Job, crashLimit: Int) -> JobOutcome {
        let losses = job.leaseLosses + 1
        if losses >= max(crashLimit, 1) {
            return .discard(error: "crashed its worker \(losses) times: the lease was lost without the handler returning (quarantined)")
        }
        let owner = job.lease?.owner ?? "?"
        return .leaseLost(error: "lease expired: worker \(owner) stopped heartbeating (crashed or stalled); running again at once")
    }
}
