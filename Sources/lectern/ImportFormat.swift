import ArgumentParser
import LecternImport

/// `--format` of `import marc`: a MARC file format, or `auto` to go by the file's first byte.
enum ImportFormat: String, CaseIterable, ExpressibleByArgument {
    case auto
    case xml
    case iso2709

    /// The format the file is declared to have; `nil` to recognize it.
    var declared: MARCFileFormat? {
        switch self {
        case .auto: nil
        case .xml: .xml
        case .iso2709: .iso2709
        }
    }
}
