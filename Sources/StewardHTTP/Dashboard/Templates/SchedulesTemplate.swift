/// `/ui/schedules`: each schedule in words, its next and last tick, and run now.
enum SchedulesTemplate {
    static let text = """
    <table>
    <thead><tr><th>Schedule</th><th>When</th><th>Cron</th><th>Runs</th><th>Next tick</th><th>Last tick</th>{{#canOperate}}<th></th>{{/canOperate}}</tr></thead>
    <tbody>
    {{#schedules}}<tr><td>{{name}}</td><td>{{words}}</td><td><code>{{cron}}</code> {{timeZone}}</td><td>{{kind}} on {{queue}}</td><td>{{next}}</td><td>{{lastTick}}</td>
    {{#canOperate}}<td><form method="post" action="/ui/schedules/{{name}}/run"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Run now</button></form></td>{{/canOperate}}</tr>
    {{/schedules}}{{^schedules}}<tr><td colspan="7">No schedules are defined.</td></tr>{{/schedules}}
    </tbody></table>
    """
}
