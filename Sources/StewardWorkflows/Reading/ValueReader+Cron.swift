import Foundation
import Yams
import StewardCore

extension ValueReader {
    /// A cron expression; the parser's message (which field, why) becomes the issue.
    func cron() -> CronExpression? {
        guard let text = string() else { return nil }
        do {
            return try CronExpression(parsing: text)
        } catch let error as StewardError {
            issue(error.message, fix: error.fix)
            return nil
        } catch {
            issue("cron '\(text)': \(error)")
            return nil
        }
    }
}
