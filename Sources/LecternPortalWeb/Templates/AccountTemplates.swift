extension Templates {
    static let home = """
        {{<layout}}{{$content}}
        {{#loggedIn}}
        <p>Welcome back, {{accountName}}.</p>
        <ul class="cards">
        <li><a href="/portal/applications">Applications and API keys</a>: create keys, rotate, revoke, see each key's requests.</li>
        <li><a href="/portal/usage">Usage</a>: calls per day and area, errors, remaining daily quota.</li>
        <li><a href="/portal/console">API console</a>: try any call with one of your keys.</li>
        </ul>
        {{/loggedIn}}
        {{^loggedIn}}
        <p>Lectern serves the Alma, Primo and Esploro REST APIs. Sign up to get API keys: a new account
        can use the Guest Sandbox (read-only, demo data) at once; an organization administrator can invite
        you to your institution's organization for Sandbox and Production keys.</p>
        <p><a class="button" href="/portal/signup">Sign up</a> <a class="button secondary" href="/portal/login">Log in</a></p>
        {{/loggedIn}}
        {{/content}}{{/layout}}
        """

    static let signUp = """
        {{<layout}}{{$content}}
        {{#page}}
        <form method="post" action="/portal/signup" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="name" required maxlength="200" value="{{name}}">
        <label for="email">E-mail address</label>
        <input id="email" name="email" type="email" autocomplete="email" required value="{{email}}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-describedby="password-help">
        \(passwordHelp)
        <p class="check"><input id="terms" name="terms" type="checkbox" value="yes"> <label for="terms">I accept the terms of use of this Developer Network.</label></p>
        <button type="submit" id="signup-submit">Sign up</button>
        </form>
        <p>Already signed up? <a href="/portal/login">Log in</a>.</p>
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let message = """
        {{<layout}}{{$content}}
        {{#page}}<p id="message">{{text}}</p>{{#link}}<p><a class="button" href="{{href}}">{{label}}</a></p>{{/link}}{{/page}}
        {{/content}}{{/layout}}
        """

    static let logIn = """
        {{<layout}}{{$content}}
        {{#page}}
        <form method="post" action="/portal/login" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="email">E-mail address</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" id="login-submit">Log in</button>
        </form>
        <p><a href="/portal/password/forgot">Forgot your password?</a> · <a href="/portal/signup">Sign up</a></p>
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let forgotPassword = """
        {{<layout}}{{$content}}
        <form method="post" action="/portal/password/forgot" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="email">E-mail address</label>
        <input id="email" name="email" type="email" autocomplete="email" required>
        <button type="submit">Send a reset link</button>
        </form>
        {{/content}}{{/layout}}
        """

    static let resetPassword = """
        {{<layout}}{{$content}}
        {{#page}}
        <form method="post" action="/portal/password/reset" class="stacked">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="token" value="{{token}}">
        <label for="password">New password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-describedby="password-help">
        \(passwordHelp)
        <button type="submit">Set the password</button>
        </form>
        {{/page}}
        {{/content}}{{/layout}}
        """

    static let invitation = """
        {{<layout}}{{$content}}
        {{#page}}
        <p id="invitation">You are invited to join <strong>{{organization}}</strong> ({{institution}}) as {{role}}.
        The invitation was sent to {{email}}.</p>
        {{#loggedIn}}
        {{#otherAccount}}
        <p class="error" role="alert">You are logged in as {{accountName}}, not with {{email}}. Log out and log in with
        that address to accept it; the invitation stays open for it.</p>
        {{/otherAccount}}
        {{^otherAccount}}
        <form method="post" action="/portal/invitations/accept">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="token" value="{{token}}">
        <button type="submit" id="accept-invitation">Join {{organization}}</button>
        </form>
        {{/otherAccount}}
        {{/loggedIn}}
        {{^loggedIn}}
        <p>To accept it, <a href="{{logInHref}}">log in</a> or <a href="{{signUpHref}}" id="invitation-signup">sign up</a>
        with {{email}}; you come back here afterwards.</p>
        {{/loggedIn}}
        {{/page}}
        {{/content}}{{/layout}}
        """

    /// The password rules, tied to the password field by `aria-describedby`.
    static let passwordHelp = """
        <small id="password-help" class="help">8 to 128 characters; not a common password, a run of one character or of
        neighbouring keys, nor your name or e-mail address.</small>
        """
}
