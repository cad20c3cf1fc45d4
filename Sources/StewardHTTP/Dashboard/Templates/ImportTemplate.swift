/// `/ui/imports/{id}`: the live progress, failed rows grouped by category, a page of them with
/// their original records, the error report, a corrected upload, and resolving rows by hand.
enum ImportTemplate {
    static let text = """
    <p class="muted">{{fileName}} · {{size}} bytes · sha256 {{sha256}} · profile {{profile}} · by {{createdBy}}{{#parent}} · retry of <a href="/ui/imports/{{parent}}">{{parent}}</a>{{/parent}}</p>
    <div data-live="/ui/imports/{{id}}/progress">{{{progress}}}</div>
    {{#error}}<p class="error">{{error}}</p>{{/error}}
    {{#hasErrors}}
    <h2>Failed rows by category</h2>
    <ul class="categories">{{#categories}}<li><a href="/ui/imports/{{id}}?category={{category}}">{{category}}</a>: {{unresolved}} open of {{total}}</li>{{/categories}}</ul>
    <p><a href="/ui/imports/{{id}}/report.csv" download>Download the error report (CSV)</a></p>
    {{#canOperate}}<form class="card upload" method="post" action="/ui/imports/{{id}}/retry" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label>Corrected report <input type="file" name="file" accept=".csv,text/csv"></label>
      <button type="submit">Retry the open rows</button> <span class="hint">without a file, the stored rows are imported again</span>
    </form>{{/canOperate}}
    <h2>Open failed rows{{#category}} · {{category}}{{/category}}</h2>
    <table class="rows"><thead><tr><th>Line</th><th>Field</th><th>Category</th><th>Message</th><th>Record</th>{{#canOperate}}<th></th>{{/canOperate}}</tr></thead><tbody>
    {{#rows}}<tr><td>{{line}}</td><td>{{field}}</td><td>{{category}}</td><td>{{message}}</td><td><code>{{record}}</code></td>
    {{#canOperate}}<td><form method="post" action="/ui/import-errors/{{errorID}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="import" value="{{id}}"><input name="note" placeholder="note" aria-label="note">
      <button type="submit" name="resolution" value="resolved">Resolve</button><button type="submit" name="resolution" value="dismissed">Dismiss</button></form></td>{{/canOperate}}</tr>
    {{/rows}}{{^rows}}<tr><td colspan="6" class="muted">None open.</td></tr>{{/rows}}
    </tbody></table>
    {{#next}}<p><a href="{{next}}">More rows →</a></p>{{/next}}
    {{/hasErrors}}
    """
}
