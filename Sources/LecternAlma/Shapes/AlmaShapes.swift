/// The shapes of Alma's objects: the hints the JSON form needs that the XML form does not
/// carry (see ``LecternRepresentation/Shape`` and WIRE.md section 3), one small table per
/// object family, written with the members of `Shape+Members.swift` (LecternRepresentation).
///
/// Each shape is derived from the object's XSD where one is vendored
/// (`reference/exlibris/alma/xsd`) and from recorded JSON otherwise; the files say which.
public enum AlmaShapes {}
