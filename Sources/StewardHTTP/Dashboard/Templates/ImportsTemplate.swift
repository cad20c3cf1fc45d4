/// `/ui/imports`: the upload form (a file field that works without scripts, and a drop target
/// with them) and the history, newest first.
enum ImportsTemplate {
    static let text = """
    {{#canOperate}}<form class="card upload" data-drop method="post" action="/ui/imports" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label>Profile <select name="profile" required>{{#profiles}}<option value="{{.}}">{{.}}</option>{{/profiles}}</select></label>
      <label class="drop">CSV file <input type="file" name="file" accept=".csv,text/csv" required></label>
      <span class="drop-hint muted">or drop a CSV file on this box</span>
      <button type="submit">Upload and import</button>
    </form>{{/canOperate}}
    <table>
    <thead><tr><th>ID</th><th>File</th><th>Profile</th><th>Status</th><th>Rows</th><th>Failed</th><th>By</th><th>Created</th></tr></thead>
    <tbody>
    {{#imports}}<tr><td><a href="/ui/imports/{{id}}">{{id}}</a>{{#parent}} <span class="muted">retry of {{parent}}</span>{{/parent}}</td><td>{{fileName}}</td><td>{{profile}}</td>
    <td><span class="badge {{statusClass}}">{{status}}</span></td><td>{{processed}}</td><td>{{failed}}</td><td>{{createdBy}}</td><td>{{createdAt}}</td></tr>
    {{/imports}}{{^imports}}<tr><td colspan="8">No imports yet.</td></tr>{{/imports}}
    </tbody></table>
    {{#next}}<p><a href="{{next}}">Older imports →</a></p>{{/next}}
    """
}
