/// `/ui`: queues at a glance, the next schedule ticks, failing endpoints, running imports.
enum OverviewTemplate {
    static let text = """
    <section>
    <h2>Queues</h2>
    <table>
    <thead><tr><th>Queue</th><th>Available</th><th>Scheduled</th><th>Running</th><th>Retryable</th><th>Lag</th><th>Done 5 min</th><th>Failed 5 min</th><th>State</th></tr></thead>
    <tbody>
    {{#queues}}<tr><td><a href="/ui/jobs?queue={{queue}}">{{queue}}</a></td><td>{{available}}</td><td>{{scheduled}}</td><td>{{running}}</td><td>{{retryable}}</td>
    <td>{{lag}}</td><td>{{completed}}</td><td>{{discarded}}</td><td>{{#paused}}<span class="badge warn">paused{{#reason}}: {{reason}}{{/reason}}</span>{{/paused}}{{^paused}}running{{/paused}}</td></tr>
    {{/queues}}{{^queues}}<tr><td colspan="9">No jobs yet.</td></tr>{{/queues}}
    </tbody></table>
    </section>
    <section class="columns">
    <div><h2>Next schedule ticks</h2><ul>
    {{#schedules}}<li><strong>{{name}}</strong> <span class="muted">{{cron}} ({{timeZone}})</span> — {{next}}</li>{{/schedules}}
    {{^schedules}}<li class="muted">No schedules.</li>{{/schedules}}</ul></div>
    <div><h2>Failing endpoints</h2><ul>
    {{#endpoints}}<li><strong>{{name}}</strong> <span class="badge bad">{{state}}</span> {{#since}}failing since {{since}}{{/since}} {{#reason}}— {{reason}}{{/reason}}</li>{{/endpoints}}
    {{^endpoints}}<li class="muted">Every endpoint is healthy.</li>{{/endpoints}}</ul></div>
    <div><h2>Running imports</h2><ul>
    {{#imports}}<li>#{{id}} {{fileName}} <span class="badge">{{status}}</span> {{percent}} %</li>{{/imports}}
    {{^imports}}<li class="muted">None.</li>{{/imports}}</ul></div>
    </section>
    """
}
