import Foundation

extension NewJob {
    /// The job with `values` added to its JSON arguments (replacing keys of the same name).
    public func addingArguments(_ values: [String: Any]) -> NewJob {
        var job = self
        var object = (try? JSONSerialization.jsonObject(with: Data(args.utf8))) as? [String: Any] ?? [:]
        object.merge(values) { $1 }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            job.args = String(decoding: data, as: UTF8.self)
        }
        return job
    }
}
