/// Signing in with an API token.
enum LoginTemplate {
    static let text = """
    <form class="card login" method="post" action="/ui/login">
      {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
      <label for="token">API token</label>
      <input id="token" name="token" type="password" autocomplete="off" required placeholder="stw_…">
      <input type="hidden" name="next" value="{{next}}">
      <button type="submit">Sign in</button>
      <p class="hint">Create one with <code>steward tokens create NAME --role viewer|operator|admin</code>.</p>
    </form>
    """
}
