/// The overview's queue table and the last hour per kind: the live part it polls.
enum QueueTableTemplate {
    static let text = """
    <table>
    <thead><tr><th>Queue</th><th>Available</th><th>Scheduled</th><th>Running</th><th>Retryable</th><th>Lag</th><th>Completed, last hour</th><th>Failures, last hour</th><th>Run time p50 / p95</th><th>State</th></tr></thead>
    <tbody>
    {{#queues}}<tr><td><a href="/ui/queues/{{queue}}">{{queue}}</a></td><td>{{available}}</td><td>{{scheduled}}</td><td>{{running}}</td><td>{{retryable}}</td>
    <td>{{lag}}</td><td>{{#completions}}{{> chart}}{{/completions}}</td><td>{{#failures}}{{> chart}}{{/failures}}</td><td>{{p50}} / {{p95}}</td>
    <td>{{#paused}}<span class="badge warn">paused{{#reason}}: {{reason}}{{/reason}}</span>{{/paused}}{{^paused}}running{{/paused}}</td></tr>
    {{/queues}}{{^queues}}<tr><td colspan="10">No jobs yet.</td></tr>{{/queues}}
    </tbody></table>
    <h3>Last hour by kind</h3>
    <table class="kinds">
    <thead><tr><th>Queue</th><th>Kind</th><th>Completed</th><th>Failed</th><th>Retried</th><th>Run time p50</th><th>p95</th></tr></thead>
    <tbody>
    {{#kinds}}<tr><td>{{queue}}</td><td><a href="/ui/jobs?queue={{queue}}&amp;kind={{kind}}">{{kind}}</a></td><td>{{completed}}</td><td>{{failed}}</td><td>{{retried}}</td><td>{{p50}}</td><td>{{p95}}</td></tr>
    {{/kinds}}{{^kinds}}<tr><td colspan="7" class="muted">Nothing finished in the last hour.</td></tr>{{/kinds}}
    </tbody></table>
    """
}
