/// The overview's queue table: the live part it polls.
enum QueueTableTemplate {
    static let text = """
    <table>
    <thead><tr><th>Queue</th><th>Available</th><th>Scheduled</th><th>Running</th><th>Retryable</th><th>Lag</th><th>Done 5 min</th><th>Failed 5 min</th><th>State</th></tr></thead>
    <tbody>
    {{#queues}}<tr><td><a href="/ui/jobs?queue={{queue}}">{{queue}}</a></td><td>{{available}}</td><td>{{scheduled}}</td><td>{{running}}</td><td>{{retryable}}</td>
    <td>{{lag}}</td><td>{{completed}}</td><td>{{discarded}}</td><td>{{#paused}}<span class="badge warn">paused{{#reason}}: {{reason}}{{/reason}}</span>{{/paused}}{{^paused}}running{{/paused}}</td></tr>
    {{/queues}}{{^queues}}<tr><td colspan="9">No jobs yet.</td></tr>{{/queues}}
    </tbody></table>
    """
}
