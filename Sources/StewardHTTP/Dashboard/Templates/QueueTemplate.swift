/// `/ui/queues/{queue}`: one queue's depth and pause, its completions and failures over the
/// chosen range, and that range per kind.
enum QueueTemplate {
    static let text = """
    <dl class="facts">
      <dt>Available</dt><dd>{{available}}</dd><dt>Scheduled</dt><dd>{{scheduled}}</dd><dt>Running</dt><dd>{{running}}</dd>
      <dt>Retryable</dt><dd>{{retryable}}</dd><dt>Lag</dt><dd>{{lag}}</dd>
      <dt>State</dt><dd>{{#paused}}<span class="badge warn">paused since {{since}}{{#reason}}: {{reason}}{{/reason}}</span>{{/paused}}{{^paused}}running{{/paused}}</dd>
    </dl>
    {{#canAdmin}}<div class="actions">{{> pauseForm}}</div>{{/canAdmin}}
    <p class="ranges">{{#ranges}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="/ui/queues/{{queue}}?range={{value}}">{{label}}</a>{{/current}} {{/ranges}}
      · <a href="/ui/jobs?queue={{queue}}">its jobs</a></p>
    <h2>Completed</h2>
    {{#completions}}{{> chart}}{{/completions}}
    <h2>Failures</h2>
    {{#failures}}{{> chart}}{{/failures}}
    <h2>By kind, {{last}}</h2>
    <table class="kinds">
    <thead><tr><th>Kind</th><th>Completed</th><th>Failed</th><th>Retried</th><th>Run time p50</th><th>p95</th></tr></thead>
    <tbody>
    {{#kinds}}<tr><td><a href="/ui/jobs?queue={{queue}}&amp;kind={{kind}}">{{kind}}</a></td><td>{{completed}}</td><td>{{failed}}</td><td>{{retried}}</td><td>{{p50}}</td><td>{{p95}}</td></tr>
    {{/kinds}}{{^kinds}}<tr><td colspan="6" class="muted">Nothing finished in the {{last}}.</td></tr>{{/kinds}}
    </tbody></table>
    """
}
