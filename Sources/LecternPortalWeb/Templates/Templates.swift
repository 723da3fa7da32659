/// Every template by name; each page template extends `layout`.
enum Templates {
    static let all: [String: String] = [
        "layout": layout,
        "home": home,
        "signup": signUp,
        "message": message,
        "login": logIn,
        "forgot": forgotPassword,
        "reset": resetPassword,
        "invitation": invitation,
        "organization": organization,
        "sandbox-reset": sandboxReset,
    ]
    .merging(applicationTemplates) { first, _ in first }
    .merging(usageTemplates) { first, _ in first }
    .merging(consoleTemplates) { first, _ in first }
    .merging(documentationTemplates) { first, _ in first }
}
