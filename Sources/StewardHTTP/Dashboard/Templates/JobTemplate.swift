/// `/ui/jobs/{id}`: arguments (redacted keys hidden), attempts, lease, timeline, and the
/// retry and cancel forms for operators.
enum JobTemplate {
    static let text = """
    <dl class="facts">
      <dt>Kind</dt><dd>{{kind}}</dd><dt>Queue</dt><dd>{{queue}}</dd>
      <dt>State</dt><dd><span class="badge {{stateClass}}">{{state}}</span></dd>
      <dt>Attempt</dt><dd>{{attempt}} of {{maxAttempts}}</dd>
      <dt>Created</dt><dd>{{createdAt}}</dd><dt>Run at</dt><dd>{{runAt}}</dd>
      {{#attemptedAt}}<dt>Last attempt</dt><dd>{{attemptedAt}}</dd>{{/attemptedAt}}
      {{#finalizedAt}}<dt>Finished</dt><dd>{{finalizedAt}}</dd>{{/finalizedAt}}
      {{#lease}}<dt>Lease</dt><dd>{{owner}} until {{expiresAt}}</dd>{{/lease}}
    </dl>
    <h2>Arguments</h2>
    <pre class="args">{{args}}</pre>
    <h2>Attempts that failed</h2>
    <table><thead><tr><th>#</th><th>At</th><th>Error</th></tr></thead><tbody>
    {{#errors}}<tr><td>{{attempt}}</td><td>{{at}}</td><td><pre>{{message}}</pre></td></tr>{{/errors}}
    {{^errors}}<tr><td colspan="3" class="muted">None.</td></tr>{{/errors}}
    </tbody></table>
    {{#canOperate}}<div class="actions">
      {{#retryable}}<form method="post" action="/ui/jobs/{{id}}/retry"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Retry now</button></form>{{/retryable}}
      {{#cancellable}}<form method="post" action="/ui/jobs/{{id}}/cancel"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">Cancel</button></form>{{/cancellable}}
    </div>{{/canOperate}}
    """
}
