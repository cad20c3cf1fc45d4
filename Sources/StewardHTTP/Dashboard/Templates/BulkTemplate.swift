/// `/ui/jobs/bulk`: the count a bulk action will touch, shown before it is confirmed.
enum BulkTemplate {
    static let text = """
    <div class="card">
    <p>{{action}} <strong>{{count}}</strong> jobs matching {{description}}?</p>
    <p class="hint">It runs as a job, in batches; jobs created after now are left alone, and jobs whose state no longer allows it are skipped.</p>
    <form method="post" action="/ui/jobs/bulk">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="{{actionValue}}">
      <input type="hidden" name="state" value="{{state}}"><input type="hidden" name="queue" value="{{queue}}">
      <input type="hidden" name="kind" value="{{kind}}"><input type="hidden" name="args" value="{{args}}">
      <button type="submit"{{#danger}} class="danger"{{/danger}}>{{action}} {{count}} jobs</button> <a href="{{back}}">Back</a>
    </form>
    </div>
    """
}
