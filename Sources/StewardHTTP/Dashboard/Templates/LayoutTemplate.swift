/// Every page's frame: navigation, who is signed in, sign-out form. `body` is the page's
/// already-rendered (and escaped) HTML.
enum LayoutTemplate {
    static let text = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Steward</title>
    <link rel="stylesheet" href="/ui/static/steward.css">
    <script src="/ui/static/steward.js" defer></script>
    </head>
    <body>
    <header>
      <a class="brand" href="/ui">Steward</a>
      <nav>{{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/nav}}</nav>
      {{#user}}<form class="signout" method="post" action="/ui/logout"><span>{{name}} · {{role}}</span>
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Sign out</button></form>{{/user}}
    </header>
    <main>
    <h1>{{title}}</h1>
    {{{body}}}
    </main>
    </body>
    </html>
    """
}
