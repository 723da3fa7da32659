public import LecternRepresentation

/// Libraries, locations and circulation desks (`/almaws/v1/conf/libraries…`).
///
/// No XSD is vendored; the members come from recorded JSON: `php-alma-client`
/// `libraries_response.json`, `library_response.json`, `locations_response.json`, `alma_rb`
/// `libraries.json`, `library.json`, `locations.json`, `location.json` and `pulibrary-bibdata`
/// `libraries.json`, `library_firestone_stacks.json`. `suppress_from_publishing` is recorded as
/// the string `"false"`, so it is text. `link` comes last in JSON, as `alma_rb` records it.
extension AlmaShapes {
    /// A library: `GET /almaws/v1/conf/libraries/{libraryCode}`.
    public static let library: Shape = .object([
        .text("code"),
        .text("id"),
        .text("name"),
        .text("path"),
        .text("description", nullWhenAbsent: true),
        .boolean("resource_sharing"),
        .code("campus"),
        .text("proxy"),
        .code("default_location"),
        Shape.Member("number_of_locations", .valued(.number)),
        Shape.Member("number_of_circ_desks", .valued(.number)),
        .attribute("link"),
    ])

    /// The libraries list: `{"library":[…]}` (`total_record_count` only when present).
    public static let libraries: Shape = .listRoot(item: "library", of: library)

    /// A location: `GET /almaws/v1/conf/libraries/{libraryCode}/locations/{locationCode}`.
    public static let location: Shape = .object([
        .text("code"),
        .text("name"),
        .text("external_name"),
        .code("type"),
        .text("remote_storage"),
        .text("map"),
        .text("suppress_from_publishing"),
        .code("fulfillment_unit"),
        .code("accession_placement"),
        .code("call_number_type"),
        .attribute("link"),
    ])

    /// The locations list: `{"location":[…],"total_record_count":N}`.
    public static let locations: Shape = .listRoot(item: "location", of: location)

    /// A circulation desk: `GET /almaws/v1/conf/libraries/{libraryCode}/circ-desks/{circDeskCode}`.
    ///
    /// Not recorded; `code`, `name` and the `primary`/`reading_room` flags as described for
    /// `rest_circ_desk.xsd`, anything else generic.
    public static let circDesk: Shape = .object([
        .attribute("link"),
        .text("code"),
        .text("name"),
        .boolean("primary"),
        .boolean("reading_room"),
    ])

    /// The circulation desks list: `{"circ_desk":[…],"total_record_count":N}`.
    public static let circDesks: Shape = .listRoot(item: "circ_desk", of: circDesk)
}
