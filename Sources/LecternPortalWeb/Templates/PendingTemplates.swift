extension Templates {
    static let applicationTemplates: [String: String] = [:]
    static let usageTemplates: [String: String] = [:]
    static let consoleTemplates: [String: String] = [:]
}
