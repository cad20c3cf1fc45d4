import Foundation

/// A cron expression said in words for the common shapes ("every Monday at 07:00"); anything
/// else is shown as itself.
enum CronWords {
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let dayNames = ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]

    static func describe(_ cron: String, timeZone: String) -> String {
        let fields = cron.split(separator: " ").map(String.init)
        guard fields.count == 5, let minute = Int(fields[0]), let hour = Int(fields[1]), (0...59).contains(minute), (0...23).contains(hour),
              fields[3] == "*" else { return cron }
        let time = String(format: "%02d:%02d", hour, minute)
        let zone = ", \(timeZone)"
        switch (fields[2], fields[4]) {
        case ("*", "*"): return "every day at \(time)\(zone)"
        case ("*", "1-5"), ("*", "MON-FRI"): return "every weekday at \(time)\(zone)"
        case ("*", let day):
            guard let index = Int(day).map({ $0 % 7 }) ?? dayNames[day.uppercased()] else { return cron }
            return "every \(days[index]) at \(time)\(zone)"
        case (let day, "*"):
            guard let number = Int(day), (1...31).contains(number) else { return cron }
            return "on day \(number) of every month at \(time)\(zone)"
        default: return cron
        }
    }
}
