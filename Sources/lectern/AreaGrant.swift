import ArgumentParser
import LecternCore

/// A value of `key create --area`: `AREA=MODE`, an area's name (or `all`) and the access the
/// key gets there, `ro` or `rw`.
///
/// ArgumentParser refuses a value of another shape or mode; the command resolves the name.
struct AreaGrant: ExpressibleByArgument {
    /// The area's name, or `all`, as given.
    var area: String
    var access: Access

    init?(argument: String) {
        let parts = argument.split(separator: "=")
        guard parts.count == 2, let access = Access(rawValue: String(parts[1])) else { return nil }
        self.area = String(parts[0])
        self.access = access
    }
}
