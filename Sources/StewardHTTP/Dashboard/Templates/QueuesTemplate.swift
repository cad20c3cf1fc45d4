/// `/ui/queues`: each queue with its pause, and (admins) pause and resume forms.
enum QueuesTemplate {
    static let text = """
    <table>
    <thead><tr><th>Queue</th><th>Available</th><th>Running</th><th>Lag</th><th>State</th>{{#canAdmin}}<th></th>{{/canAdmin}}</tr></thead>
    <tbody>
    {{#queues}}<tr><td><a href="/ui/queues/{{queue}}">{{queue}}</a></td><td>{{available}}</td><td>{{running}}</td><td>{{lag}}</td>
    <td>{{#paused}}<span class="badge warn">paused since {{since}}{{#reason}}: {{reason}}{{/reason}}</span>{{/paused}}{{^paused}}running{{/paused}}</td>
    {{#canAdmin}}<td>{{> pauseForm}}</td>{{/canAdmin}}</tr>
    {{/queues}}{{^queues}}<tr><td colspan="6">No queues yet.</td></tr>{{/queues}}
    </tbody></table>
    <h2>Worker processes</h2>
    <table class="processes">
    <thead><tr><th>Host</th><th>PID</th><th>Queues (concurrency)</th><th>Running</th><th>Started</th><th>Last beat</th></tr></thead>
    <tbody>
    {{#processes}}<tr><td>{{host}}</td><td>{{pid}}</td><td>{{queues}}</td><td>{{running}}</td><td>{{started}}</td>
    <td>{{seen}}{{#silent}} <span class="badge bad">silent</span>{{/silent}}</td></tr>
    {{/processes}}{{^processes}}<tr><td colspan="6" class="muted">No worker process has been seen in the last hour.</td></tr>{{/processes}}
    </tbody></table>
    """
}
