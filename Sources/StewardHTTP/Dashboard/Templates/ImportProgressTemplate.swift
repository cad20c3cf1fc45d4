/// An import's live part: status, bar, rows, pace. Polled every 2 s until the import is final
/// (`data-final` stops the polling).
enum ImportProgressTemplate {
    static let text = """
    <div class="progress"{{#final}} data-final{{/final}}>
      <span class="badge {{statusClass}}" id="import-status">{{status}}</span>
      <progress max="100" value="{{percent}}">{{percent}} %</progress> <span>{{percent}} %</span>
      <span>{{processed}} rows</span>{{#rowsPerSecond}} · <span>{{rowsPerSecond}} rows/s</span>{{/rowsPerSecond}}{{#eta}} · <span>ETA {{eta}}</span>{{/eta}}
      <span class="muted">{{created}} created · {{updated}} updated · {{skipped}} skipped · {{failed}} failed</span>
      {{#successRate}}<span>success {{successRate}} %</span>{{/successRate}}
      {{#final}}{{#hasFailures}}<a id="import-result" href="/ui/imports/{{id}}">See the failed rows</a>{{/hasFailures}}{{/final}}
    </div>
    """
}
