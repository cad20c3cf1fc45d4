import StewardCore
public import StewardWorkflows

/// Rules about endpoints that every front end applies before it sends to one or switches it on.
public enum WebhookEndpoints {
    /// The endpoint, unless its file switches it off (`enabled: false`); `source` names where
    /// the files were read.
    public static func requireSwitchedOn(_ endpoint: WebhookDefinition, source: String) throws -> WebhookDefinition {
        guard endpoint.enabled else {
            throw StewardError(.invalidWorkflows, "webhook endpoint '\(endpoint.name)' is switched off in its file in \(source) (enabled: false)",
                               fix: "set enabled: true there and export the variable its secret names, then try again")
        }
        return endpoint
    }
}
