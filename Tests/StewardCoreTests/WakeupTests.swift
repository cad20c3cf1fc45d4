import Foundation
import StewardCore
import StewardTesting
import Testing

@Suite("Wake-ups and the manual clock")
struct WakeupTests {
    @Test func aSignalBeforeTheWaitIsNotLost() async {
        let wakeup = Wakeup()
        wakeup.signal()
        await wakeup.wait()  // returns at once: the signal was pending
    }

    @Test func aSignalWakesEveryCurrentWaiter() async {
        let wakeup = Wakeup()
        let clock = ManualClock()
        let woken = TestSignal<Int>()
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<3 {
                group.addTask {
                    await wakeup.wait(until: clock.now().addingTimeInterval(3600), clock: clock)
                    woken.fire(n)
                }
            }
            await clock.waitForSleepers(count: 3)
            wakeup.signal()
        }
        #expect(Set(woken.values) == [0, 1, 2])
    }

    @Test func aWaitEndsAtItsDeadlineWithoutASignal() async {
        let wakeup = Wakeup()
        let clock = ManualClock()
        let deadline = clock.now().addingTimeInterval(5)
        async let waited: Void = wakeup.wait(until: deadline, clock: clock)
        await clock.advanceWhenParked(until: deadline)
        await waited
        #expect(clock.now() == deadline)
    }

    @Test func cancellingAWaiterReleasesIt() async {
        let wakeup = Wakeup()
        let task = Task { await wakeup.wait() }
        task.cancel()
        await task.value
    }
}
