/// A refusal or a missing page, said in words.
enum MessageTemplate {
    static let text = """
    <div class="card"><p class="error" role="alert">{{message}}</p>{{#fix}}<p class="hint">{{fix}}</p>{{/fix}}<p><a href="/ui">Back to the overview</a></p></div>
    """
}
