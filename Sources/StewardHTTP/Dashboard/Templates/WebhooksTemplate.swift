/// `/ui/webhooks`: endpoints with their health and switches, and deliveries filtered and paged.
enum WebhooksTemplate {
    static let text = """
    <h2>Endpoints</h2>
    <table>
    <thead><tr><th>Endpoint</th><th>State</th><th>URL</th><th>2xx in 24 h</th><th>Failing since</th><th title="requests in flight now, across processes / the limit per process">In flight / limit</th><th>Pending</th><th>Delivered</th><th>Failed</th>{{#canOperate}}<th></th>{{/canOperate}}</tr></thead>
    <tbody>
    {{#endpoints}}<tr><td>{{name}}</td><td><span class="badge {{stateClass}}">{{state}}</span>{{#reason}} <span class="muted">{{reason}}</span>{{/reason}}</td><td><code>{{url}}</code></td>
    <td>{{rate}}</td><td>{{since}}</td><td>{{inFlight}} / {{concurrency}}</td><td>{{pending}}</td><td>{{delivered}}</td><td>{{failed}}</td>
    {{#canOperate}}<td class="actions">
      {{#sendable}}<form method="post" action="/ui/webhooks/endpoints/{{name}}/test"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Test ping</button></form>{{/sendable}}
      {{#canAdmin}}{{#enabled}}<form method="post" action="/ui/webhooks/endpoints/{{name}}/disable"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">Disable</button></form>{{/enabled}}
      {{#disabled}}<form method="post" action="/ui/webhooks/endpoints/{{name}}/enable"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Enable</button></form>{{/disabled}}{{/canAdmin}}
    </td>{{/canOperate}}</tr>
    {{/endpoints}}{{^endpoints}}<tr><td colspan="10">No endpoints.</td></tr>{{/endpoints}}
    </tbody></table>
    <h2>Deliveries</h2>
    <form class="filters" method="get" action="/ui/webhooks">
      <label>Endpoint <input name="endpoint" value="{{endpoint}}"></label>
      <label>Status <select name="status"><option value="">any</option>{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/statuses}}</select></label>
      <label>Event <input name="event" value="{{event}}"></label>
      <button type="submit">Filter</button>
    </form>
    <table>
    <thead><tr><th>ID</th><th>Endpoint</th><th>Event</th><th>Status</th><th>Attempts</th><th>Last result</th><th>Next attempt</th></tr></thead>
    <tbody>
    {{#deliveries}}<tr><td><a href="/ui/webhooks/deliveries/{{id}}">{{id}}</a></td><td>{{endpoint}}</td><td>{{event}}</td><td><span class="badge {{statusClass}}">{{status}}</span></td>
    <td>{{attempts}}</td><td>{{lastResult}}</td><td>{{nextAttempt}}</td></tr>
    {{/deliveries}}{{^deliveries}}<tr><td colspan="7">No deliveries match.</td></tr>{{/deliveries}}
    </tbody></table>
    {{#next}}<p><a href="{{next}}">Older deliveries →</a></p>{{/next}}
    """
}
