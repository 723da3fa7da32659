import LecternCore

/// Areas as the store keeps them: names only (the families declare the real ones).
extension Area {
    static let users = Area("users")
    static let bibs = Area("bibs")
    static let primo = Area("primo")
}
