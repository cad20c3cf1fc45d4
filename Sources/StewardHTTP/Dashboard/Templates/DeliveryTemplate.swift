/// `/ui/webhooks/deliveries/{id}`: one delivery's attempt timeline and its redelivery.
enum DeliveryTemplate {
    static let text = """
    <dl class="facts">
      <dt>Endpoint</dt><dd>{{endpoint}}</dd><dt>Event</dt><dd>{{event}}</dd><dt>Message id</dt><dd><code>{{messageID}}</code></dd>
      <dt>Status</dt><dd><span class="badge {{statusClass}}">{{status}}</span></dd><dt>Created</dt><dd>{{createdAt}}</dd>
      {{#deliveredAt}}<dt>Delivered</dt><dd>{{deliveredAt}}</dd>{{/deliveredAt}}{{#nextAttempt}}<dt>Next attempt</dt><dd>{{nextAttempt}}</dd>{{/nextAttempt}}
    </dl>
    {{#canOperate}}{{#redeliverable}}<div class="actions"><form method="post" action="/ui/webhooks/deliveries/{{id}}/redeliver"><input type="hidden" name="csrf" value="{{csrf}}">
      <button type="submit">Redeliver</button></form></div>{{/redeliverable}}{{/canOperate}}
    <h2>Attempts</h2>
    <ol class="timeline">
    {{#attempts}}<li><strong>#{{attempt}}</strong> {{at}} · <span class="badge {{resultClass}}">{{result}}</span> · {{latency}} ms{{#next}} · next attempt {{next}}{{/next}}
      {{#excerpt}}<pre class="excerpt">{{excerpt}}</pre>{{/excerpt}}</li>
    {{/attempts}}{{^attempts}}<li class="muted">No attempt yet.</li>{{/attempts}}
    </ol>
    <h2>Body</h2>
    <pre class="args">{{body}}</pre>
    """
}
