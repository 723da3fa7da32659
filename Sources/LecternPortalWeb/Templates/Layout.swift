extension Templates {
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Lectern Developer Network</title>
        <link rel="stylesheet" href="/portal/assets/portal.css">
        <script src="/portal/assets/portal.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header>
        <nav aria-label="Main">
        <a class="brand" href="/portal">Lectern Developer Network</a>
        {{#loggedIn}}
        <a href="/portal/applications">Applications</a>
        <a href="/portal/usage">Usage</a>
        <a href="/portal/console">API console</a>
        <a href="/portal/docs">API documentation</a>
        {{#organizations}}<a href="/portal/organizations/{{code}}">Organization {{code}}</a>{{/organizations}}
        <a href="/openapi">OpenAPI</a>
        <form class="inline" method="post" action="/portal/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="logout">Log out ({{accountName}})</button>
        </form>
        {{/loggedIn}}
        {{^loggedIn}}
        <a href="/portal/docs">API documentation</a>
        <a href="/openapi">OpenAPI</a>
        <a href="/portal/login">Log in</a>
        <a href="/portal/signup">Sign up</a>
        {{/loggedIn}}
        </nav>
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{$content}}{{/content}}
        </main>
        <footer>Lectern: self-hosted Alma, Primo and Esploro APIs, with their gateway.</footer>
        </body>
        </html>
        """
}
