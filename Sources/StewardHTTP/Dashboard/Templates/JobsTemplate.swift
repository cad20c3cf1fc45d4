/// `/ui/jobs`: the filter form (a plain GET form) and a page of jobs, newest first.
enum JobsTemplate {
    static let text = """
    <form class="filters" method="get" action="/ui/jobs">
      <label>State <select name="state"><option value="">any</option>{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/states}}</select></label>
      <label>Queue <input name="queue" value="{{queue}}"></label>
      <label>Kind <input name="kind" value="{{kind}}"></label>
      <label>Args <input name="args" value="{{args}}" placeholder="account_id:42"></label>
      <button type="submit">Filter</button>
    </form>
    <p class="muted">{{count}} matching
    {{#canOperate}}{{#filtered}}<a href="/ui/jobs/bulk?action=retry&amp;{{query}}">Retry all</a> · <a href="/ui/jobs/bulk?action=cancel&amp;{{query}}">Cancel all</a>{{/filtered}}{{/canOperate}}</p>
    <table>
    <thead><tr><th>ID</th><th>Kind</th><th>Queue</th><th>State</th><th>Attempt</th><th>Run at</th><th>Last error</th></tr></thead>
    <tbody>
    {{#jobs}}<tr><td><a href="/ui/jobs/{{id}}">{{id}}</a></td><td>{{kind}}</td><td>{{queue}}</td><td><span class="badge {{stateClass}}">{{state}}</span></td>
    <td>{{attempt}}/{{maxAttempts}}</td><td>{{runAt}}</td><td>{{lastError}}</td></tr>
    {{/jobs}}{{^jobs}}<tr><td colspan="7">No jobs match.</td></tr>{{/jobs}}
    </tbody></table>
    {{#next}}<p><a href="{{next}}">Older jobs →</a></p>{{/next}}
    """
}
