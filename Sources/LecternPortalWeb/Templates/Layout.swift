extension Templates {
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Lectern Developer Network</title>
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <link rel="stylesheet" href="/portal/assets/portal.css">
        <script src="/portal/assets/portal.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header>
        <nav aria-label="Main">
        <a class="brand" href="/portal"{{#current.home}} aria-current="page"{{/current.home}}>Lectern Developer Network</a>
        {{#loggedIn}}
        <a href="/portal/applications"{{#current.applications}} aria-current="page"{{/current.applications}}>Applications</a>
        <a href="/portal/usage"{{#current.usage}} aria-current="page"{{/current.usage}}>Usage</a>
        <a href="/portal/console"{{#current.console}} aria-current="page"{{/current.console}}>API console</a>
        <a href="/portal/docs"{{#current.docs}} aria-current="page"{{/current.docs}}>API documentation</a>
        {{#organizations}}<a href="/portal/organizations/{{code}}"{{#current}} aria-current="page"{{/current}}>Organization {{code}}</a>{{/organizations}}
        <a href="/openapi">OpenAPI</a>
        <form class="inline" method="post" action="/portal/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="logout">Log out ({{accountName}})</button>
        </form>
        {{/loggedIn}}
        {{^loggedIn}}
        <a href="/portal/docs"{{#current.docs}} aria-current="page"{{/current.docs}}>API documentation</a>
        <a href="/openapi">OpenAPI</a>
        <a href="/portal/login"{{#current.logIn}} aria-current="page"{{/current.logIn}}>Log in</a>
        <a href="/portal/signup"{{#current.signUp}} aria-current="page"{{/current.signUp}}>Sign up</a>
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
