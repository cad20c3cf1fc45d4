public import StewardWorkflows
import Crypto
import Foundation

/// One version of a cadence as stored: what an enrollment on that version follows, even after
/// the file has changed.
public struct CadenceTemplate: Sendable, Equatable {
    public var cadenceID: Int64
    public var name: String
    public var version: Int
    public var counting: CadenceDefinition.DayCounting
    public var generate: CadenceDefinition.Generation
    public var lateSteps: CadenceDefinition.LateSteps
    public var steps: [CadenceDefinition.Step]

    public var calendar: CadenceCalendar { CadenceCalendar(counting) }

    /// Step numbers start at 1.
    func step(_ number: Int) -> CadenceDefinition.Step? {
        steps.indices.contains(number - 1) ? steps[number - 1] : nil
    }

    /// Identifies what a version contains, so loading an unchanged file adds no version.
    static func fingerprint(_ definition: CadenceDefinition) -> String {
        let steps = definition.steps.map { [String($0.day), $0.type.rawValue, $0.subject, $0.description ?? "\u{0}"] }
        let parts = [definition.days.rawValue, definition.generate.rawValue, definition.lateSteps.rawValue] + steps.flatMap { $0 }
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
