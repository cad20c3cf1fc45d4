/// `/ui`: queues at a glance (refreshed every 2 s), the next schedule ticks, failing endpoints,
/// running imports.
enum OverviewTemplate {
    static let text = """
    <section>
    <h2>Queues</h2>
    <div data-live="/ui/overview/queues">{{{queuesTable}}}</div>
    </section>
    <section class="columns">
    <div><h2>Next schedule ticks</h2><ul>
    {{#schedules}}<li><strong>{{name}}</strong> <span class="muted">{{cron}} ({{timeZone}})</span> — {{next}}</li>{{/schedules}}
    {{^schedules}}<li class="muted">No schedules.</li>{{/schedules}}</ul></div>
    <div><h2>Failing endpoints</h2><ul>
    {{#endpoints}}<li><strong>{{name}}</strong> <span class="badge bad">{{state}}</span> {{#since}}failing since {{since}}{{/since}} {{#reason}}— {{reason}}{{/reason}}</li>{{/endpoints}}
    {{^endpoints}}<li class="muted">Every endpoint is healthy.</li>{{/endpoints}}</ul></div>
    <div><h2>Worker processes</h2><ul>
    {{#processes}}<li><strong>{{host}}</strong> pid {{pid}} · {{running}} running{{#silent}} <span class="badge bad">silent since {{seen}}</span>{{/silent}}</li>{{/processes}}
    {{^processes}}<li class="muted">None seen in the last hour: no job runs.</li>{{/processes}}</ul></div>
    <div><h2>Running imports</h2><ul>
    {{#imports}}<li>#{{id}} {{fileName}} <span class="badge">{{status}}</span> {{percent}} %</li>{{/imports}}
    {{^imports}}<li class="muted">None.</li>{{/imports}}</ul></div>
    </section>
    """
}
