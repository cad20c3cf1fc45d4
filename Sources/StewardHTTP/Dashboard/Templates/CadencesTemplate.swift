/// `/ui/cadences`: templates, one cadence's enrollments (pause, resume, stop), activities due
/// today and overdue by owner, accounts by status and the newly flagged ones.
enum CadencesTemplate {
    static let text = """
    <table>
    <thead><tr><th>Cadence</th><th>Version</th><th>Days</th><th>Generate</th><th>Steps</th><th>Active</th><th>Paused</th></tr></thead>
    <tbody>
    {{#cadences}}<tr><td><a href="/ui/cadences?cadence={{name}}">{{name}}</a></td><td>{{version}}</td><td>{{days}}</td><td>{{generate}}</td><td><details><summary>{{steps}} steps</summary><ol class="steps">{{#stepList}}<li>Day {{day}} · {{type}} · {{subject}}{{#description}}<br><span class="muted">{{description}}</span>{{/description}}</li>{{/stepList}}</ol></details></td><td>{{active}}</td><td>{{paused}}</td></tr>
    {{/cadences}}{{^cadences}}<tr><td colspan="7">No cadences are defined.</td></tr>{{/cadences}}
    </tbody></table>
    {{#cadence}}<h2>Enrollments in {{cadence}}</h2>
    <table><thead><tr><th>ID</th><th>Record</th><th>Owner</th><th>Status</th><th>Step</th><th>Enrolled</th>{{#canOperate}}<th></th>{{/canOperate}}</tr></thead><tbody>
    {{#enrollments}}<tr><td>{{id}}</td><td>{{record}}</td><td>{{owner}}</td><td><span class="badge">{{status}}</span></td><td>{{step}}</td><td>{{enrolledOn}}</td>
    {{#canOperate}}<td class="actions">{{#active}}<form method="post" action="/ui/enrollments/{{id}}/pause"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Pause</button></form>{{/active}}
      {{#paused}}<form method="post" action="/ui/enrollments/{{id}}/resume"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Resume</button></form>{{/paused}}
      {{#open}}<form method="post" action="/ui/enrollments/{{id}}/stop"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">Stop</button></form>{{/open}}</td>{{/canOperate}}</tr>
    {{/enrollments}}{{^enrollments}}<tr><td colspan="7">No enrollments.</td></tr>{{/enrollments}}
    </tbody></table>{{/cadence}}
    <section class="columns">
    <div><h2>Due today</h2><ul>{{#today}}<li><strong>{{owner}}</strong>: {{count}}</li>{{/today}}{{^today}}<li class="muted">Nothing due.</li>{{/today}}</ul></div>
    <div><h2>Overdue</h2><ul>{{#overdue}}<li><strong>{{owner}}</strong>: {{count}}</li>{{/overdue}}{{^overdue}}<li class="muted">Nothing overdue.</li>{{/overdue}}</ul></div>
    <div><h2>Accounts</h2><ul>{{#accounts}}<li>{{activity}} / {{tenure}}: {{count}}</li>{{/accounts}}{{^accounts}}<li class="muted">Not scanned yet.</li>{{/accounts}}</ul></div>
    </section>
    <h2>Newly flagged for winback</h2>
    <table class="flagged"><thead><tr><th>Account</th><th>Company</th><th>Owner</th><th>Flagged on</th><th>Was</th><th>Tenure</th></tr></thead><tbody>
    {{#flagged}}<tr><td><a href="/ui/jobs?args=account_id:{{account}}">{{account}}</a></td><td>{{company}}</td><td>{{owner}}</td><td>{{asOf}}</td><td>{{was}}</td><td>{{tenure}}</td></tr>
    {{/flagged}}{{^flagged}}<tr><td colspan="6" class="muted">No account has been flagged.</td></tr>{{/flagged}}
    </tbody></table>
    {{#flaggedOlder}}<p><a href="/ui/cadences?flagged_before={{flaggedOlder}}">Older flags</a></p>{{/flaggedOlder}}
    """
}
