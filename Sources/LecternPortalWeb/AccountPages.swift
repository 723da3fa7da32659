import Foundation
import HTTPTypes
import Hummingbird
import LecternPortal
import LecternStore

extension PortalWeb {
    func installAccountPages(on router: Router<Context>) {
        router.get(
            "/portal",
            use: page("Lectern Developer Network") { _, _, visitor in
                renderer.render("home", title: "Lectern Developer Network", visitor: visitor)
            }
        )
        router.get(
            "/portal/signup",
            use: page("Sign up") { request, _, visitor in
                let query = try Self.query(request)
                let model = SignUpPage(email: query.text("email"), next: query["next"].map(Self.safeNext) ?? "")
                return renderer.render("signup", title: "Sign up", page: model, visitor: visitor)
            }
        )
        router.post(
            "/portal/signup",
            use: page("Sign up") { request, _, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                do {
                    try await portal.signUp(
                        name: form.text("name"),
                        email: form.text("email"),
                        password: form.text("password"),
                        acceptedTerms: form.isChecked("terms"),
                        links: links,
                        next: form["next"].map(Self.safeNext)
                    )
                } catch let error as PortalError {
                    let again = SignUpPage(name: form.text("name"), email: form.text("email"), next: form.text("next"))
                    return renderer.render("signup", title: "Sign up", page: again, visitor: visitor, error: error.message, status: .badRequest)
                }
                let text = "We sent an activation link to \(form.text("email").lowercased()). Open it to activate your account, then log in."
                return redirect(to: "/portal/done", Flash(message: MessagePage(title: "Check your e-mail", text: text)), for: visitor)
            }
        )
        router.get(
            "/portal/activate",
            use: page("Activation") { request, _, visitor in
                let query = try Self.query(request)
                let account = try await portal.activate(token: query.text("token"))
                let text = "Your account \(account.email) is active. You can log in now."
                let login = LinkModel(href: "/portal/login" + PortalLink.nextQuery(query["next"]), label: "Log in")
                return renderer.render("message", title: "Account activated", page: MessagePage(text: text, link: login), visitor: visitor)
            }
        )
        router.get(
            "/portal/login",
            use: page("Log in") { request, _, visitor in
                let next = try Self.safeNext(Self.query(request)["next"])
                return renderer.render("login", title: "Log in", page: LogInPage(email: "", next: next), visitor: visitor)
            }
        )
        router.post(
            "/portal/login",
            use: page("Log in") { request, context, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let opened: OpenedSession
                do {
                    opened = try await portal.logIn(email: form.text("email"), password: form.text("password"), client: client(request, context))
                } catch let error as PortalError {
                    let again = LogInPage(email: form.text("email"), next: Self.safeNext(form["next"]))
                    let status: HTTPResponse.Status = error.kind == .throttled ? .tooManyRequests : .badRequest
                    return renderer.render("login", title: "Log in", page: again, visitor: visitor, error: error.message, status: status)
                }
                var response = Response.redirect(to: Self.safeNext(form["next"]))
                response.setCookie(
                    Cookie(name: Visitor.sessionCookieName, value: opened.cookie, maxAge: 12 * 3600, path: "/portal", httpOnly: true, sameSite: .lax)
                )
                return response
            }
        )
        router.post(
            "/portal/logout",
            use: page("Log out") { request, _, visitor in
                try visitor.checkCSRF(try await Self.form(request))
                if let cookie = visitor.sessionCookie { try await portal.logOut(cookie: cookie) }
                var response = Response.redirect(to: "/portal")
                response.setCookie(Cookie(name: Visitor.sessionCookieName, value: "", maxAge: 0, path: "/portal", httpOnly: true, sameSite: .lax))
                return response
            }
        )
        router.get(
            "/portal/password/forgot",
            use: page("Forgotten password") { _, _, visitor in
                renderer.render("forgot", title: "Forgotten password", visitor: visitor)
            }
        )
        router.post(
            "/portal/password/forgot",
            use: page("Forgotten password") { request, _, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                try await portal.requestPasswordReset(email: form.text("email"), links: links)
                let text = "If \(form.text("email")) has an account, a link to choose a new password is on its way."
                return redirect(to: "/portal/done", Flash(message: MessagePage(title: "Check your e-mail", text: text)), for: visitor)
            }
        )
        router.get(
            "/portal/password/reset",
            use: page("New password") { request, _, visitor in
                try renderer.render("reset", title: "New password", page: TokenPage(token: Self.query(request).text("token")), visitor: visitor)
            }
        )
        router.post(
            "/portal/password/reset",
            use: page("New password") { request, _, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                try await portal.resetPassword(token: form.text("token"), password: form.text("password"))
                // A fixed page, not a flash: the reset ends every session, the visitor's too.
                return redirect(to: "/portal/password/changed", for: visitor)
            }
        )
        router.get(
            "/portal/password/changed",
            use: page("Password changed") { _, _, visitor in
                let login = LinkModel(href: "/portal/login", label: "Log in")
                let message = MessagePage(text: "Your new password is set; every session of the account was ended.", link: login)
                return renderer.render("message", title: "Password changed", page: message, visitor: visitor)
            }
        )
        router.get(
            "/portal/done",
            use: page("Done") { request, _, visitor in
                let message = try flash(request, for: visitor)?.message ?? MessagePage.shown
                return renderer.render("message", title: message.title, page: message, visitor: visitor)
            }
        )
    }

    /// The client's address for the log-in limit (`local` under in-process tests).
    func client(_ request: Request, _ context: Context) -> String {
        portal.clientAddress.client(
            peer: context.remoteAddress?.ipAddress,
            forwardedFor: request.headers[values: HTTPField.Name("X-Forwarded-For")!].joined(separator: ",")
        )
    }
}

struct SignUpPage {
    var name = ""
    var email = ""
    /// Where the log-in after activation leads (an invitation being accepted), or empty.
    var next = ""
}

struct LogInPage {
    var email: String
    var next: String
}

struct TokenPage {
    var token: String
}
