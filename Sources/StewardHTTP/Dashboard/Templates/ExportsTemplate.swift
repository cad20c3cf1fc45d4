/// `/ui/exports`: definitions with their schedule and next run (run now for operators), and the
/// history with each file's size, SHA-256 and download link.
enum ExportsTemplate {
    static let text = """
    <table>
    <thead><tr><th>Export</th><th>Source</th><th>Format</th><th>Schedule</th><th>Next run</th><th>Last run</th>{{#canOperate}}<th></th>{{/canOperate}}</tr></thead>
    <tbody>
    {{#exports}}<tr><td>{{name}}</td><td>{{source}}</td><td>{{format}}</td><td>{{schedule}}</td><td>{{next}}</td><td>{{lastRun}}</td>
    {{#canOperate}}<td><form method="post" action="/ui/exports/{{name}}/run"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Run now</button></form></td>{{/canOperate}}</tr>
    {{/exports}}{{^exports}}<tr><td colspan="7">No exports are defined.</td></tr>{{/exports}}
    </tbody></table>
    <h2>History</h2>
    <table>
    <thead><tr><th>Run</th><th>Export</th><th>Status</th><th>Started</th><th>Rows</th><th>Bytes</th><th>SHA-256</th><th>File</th></tr></thead>
    <tbody>
    {{#runs}}<tr><td>{{id}}</td><td>{{export}}</td><td><span class="badge {{statusClass}}">{{status}}</span></td><td>{{startedAt}}</td><td>{{rows}}</td><td>{{bytes}}</td>
    <td><code>{{sha256}}</code></td><td>{{#file}}<a href="/ui/exports/runs/{{id}}/file">{{file}}</a>{{/file}}{{#error}}<span class="error">{{error}}</span>{{/error}}</td></tr>
    {{/runs}}{{^runs}}<tr><td colspan="8">No runs yet.</td></tr>{{/runs}}
    </tbody></table>
    {{#next}}<p><a href="{{next}}">Older runs →</a></p>{{/next}}
    """
}
