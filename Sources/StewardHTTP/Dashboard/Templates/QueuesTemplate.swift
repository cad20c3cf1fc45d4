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
    """
}
