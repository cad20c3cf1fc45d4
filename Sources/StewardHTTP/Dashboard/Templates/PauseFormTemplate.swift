/// An admin's resume button for a paused queue, or its pause form with a reason: on the
/// queues list and on one queue's page.
enum PauseFormTemplate {
    static let text = """
    {{#paused}}<form method="post" action="/ui/queues/{{queue}}/resume"><input type="hidden" name="csrf" value="{{csrf}}">{{#onQueuePage}}<input type="hidden" name="back" value="queue">{{/onQueuePage}}<button type="submit">Resume</button></form>{{/paused}}
    {{^paused}}<form method="post" action="/ui/queues/{{queue}}/pause" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">{{#onQueuePage}}<input type="hidden" name="back" value="queue">{{/onQueuePage}}
      <input name="reason" placeholder="reason" aria-label="reason"><button type="submit">Pause</button></form>{{/paused}}
    """
}
