/// The shapes of what Alma and Esploro share: the user with its researcher section, the users
/// list, and code tables (see ``LecternRepresentation/Shape`` and WIRE.md section 3), written
/// as Alma's `AlmaShapes` are, one small table per object.
public enum PeopleShapes {}
