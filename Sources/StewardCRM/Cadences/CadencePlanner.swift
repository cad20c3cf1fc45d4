import StewardWorkflows
/// Which steps of an enrollment need an activity now, and on which day: values in, decisions
/// out. Generation applies the plan; anything already planned is never planned again.
enum CadencePlanner {
    struct Step: Equatable {
        var number: Int
        var due: CRMDay
    }

    /// A pause just ended: the cadence's days stood still from `pausedOn` to `resumedOn`.
    struct Pause: Equatable {
        var pausedOn: CRMDay
        var resumedOn: CRMDay

        /// A step finished during the pause counts as finished the day the pause began.
        func effectiveDone(_ day: CRMDay) -> CRMDay { min(day, pausedOn) }
    }

    static func plan(_ template: CadenceTemplate, enrollment: CadenceEnrollment, existing: [Int: CRMActivity], pause: Pause? = nil) -> [Step] {
        guard enrollment.status == .active else { return [] }
        switch template.generate {
        case .upfront: return upfront(template, enrollment: enrollment, existing: existing)
        case .stepwise: return stepwise(template, enrollment: enrollment, existing: existing, pause: pause).map { [$0] } ?? []
        }
    }

    /// Every step at once, each dated from the enrollment day.
    private static func upfront(_ template: CadenceTemplate, enrollment: CadenceEnrollment, existing: [Int: CRMActivity]) -> [Step] {
        template.steps.indices.map { $0 + 1 }.filter { existing[$0] == nil }.map { number in
            Step(number: number, due: template.calendar.day(template.steps[number - 1].day, after: enrollment.enrolledOn))
        }
    }

    /// The first step, then each next one once the previous activity is done, dated from the
    /// previous activity (from its completion when it was late and the cadence shifts). Planned
    /// at a resume, the step keeps the wait it had left when the pause began.
    private static func stepwise(_ template: CadenceTemplate, enrollment: CadenceEnrollment, existing: [Int: CRMActivity], pause: Pause?) -> Step? {
        guard let last = existing.keys.max(), let previous = existing[last] else {
            return template.step(1).map { Step(number: 1, due: template.calendar.day($0.day, after: enrollment.enrolledOn)) }
        }
        guard previous.status == .done, let step = template.step(last + 1), let before = template.step(last) else { return nil }
        let previousDue = previous.dueDate ?? enrollment.enrolledOn
        let done = previous.completedAt.flatMap(CRMDay.init).map { pause?.effectiveDone($0) ?? $0 }
        let due = template.calendar.nextDue(gap: step.day - before.day, previousDue: previousDue, previousDone: done, late: template.lateSteps)
        guard let pause else { return Step(number: last + 1, due: due) }
        return Step(number: last + 1, due: template.calendar.resumedDue(due, pausedOn: pause.pausedOn, resumedOn: pause.resumedOn))
    }

    /// Upfront cadences that shift: a step done late moves every later planned step by the delay.
    static func shifted(_ template: CadenceTemplate, doneStep: Int, due: CRMDay, done: CRMDay,
                        planned: [Int: CRMActivity]) -> [(activity: Int64, due: CRMDay)] {
        guard template.lateSteps == .shift, done > due, let doneTemplate = template.step(doneStep) else { return [] }
        return planned.filter { $0.key > doneStep && $0.value.status == .planned }.sorted { $0.key < $1.key }.compactMap { number, activity in
            guard let step = template.step(number) else { return nil }
            return (activity.id, template.calendar.day(step.day - doneTemplate.day, after: done))
        }
    }
}
