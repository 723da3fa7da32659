import LecternAlma
import LecternRepresentation
import LecternStore

/// The demo campus's configuration: libraries with locations and desks, and departments.
enum DemoCampus {
    static let libraries: [(code: String, name: String, campus: (String, String), locations: [(String, String, String)], desks: [(String, String)])] =
        [
            (
                "MAIN", "Main Library", ("MAIN", "Main Campus"),
                [
                    ("STACKS", "Main Stacks", "OPEN"), ("REF", "Reference", "OPEN"), ("RESERVES", "Course Reserves", "OPEN"),
                    ("PERIODICAL", "Periodicals", "OPEN"), ("SPECIAL", "Special Collections", "CLOSED"), ("MEDIA", "Media Center", "OPEN"),
                ],
                [("DEFAULT_CIRC_DESK", "Main Circulation Desk"), ("RESERVES_DESK", "Reserves Desk")]
            ),
            (
                "SCI", "Science and Engineering Library", ("NORTH", "North Campus"),
                [("STACKS", "Science Stacks", "OPEN"), ("JOURNALS", "Science Journals", "OPEN"), ("MAPS", "Map Room", "CLOSED")],
                [("DEFAULT_CIRC_DESK", "Science Circulation Desk")]
            ),
            (
                "MED", "Health Sciences Library", ("MED", "Medical Campus"),
                [("STACKS", "Health Sciences Stacks", "OPEN"), ("RESERVE", "Clinical Reserve", "OPEN")],
                [("DEFAULT_CIRC_DESK", "Health Sciences Circulation Desk")]
            ),
        ]

    static func configuration() -> [Document] {
        var documents: [Document] = []
        for (index, library) in libraries.enumerated() {
            documents.append(
                AlmaDocuments.library(
                    Node(
                        "library",
                        children: [
                            Node("code", text: library.code), Node("id", text: "11\(index + 1)0000000004146"),
                            Node("name", text: library.name), Node("path", text: library.code),
                            Node("description", text: "\(library.name), \(library.campus.1)"),
                            Node("resource_sharing", text: index == 0 ? "true" : "false"),
                            Node("campus", attributes: [.init("desc", library.campus.1)], text: library.campus.0),
                            Node("proxy", text: ""),
                            Node("default_location", attributes: [.init("desc", library.locations[0].1)], text: library.locations[0].0),
                        ]
                    )
                )
            )
            for location in library.locations {
                documents.append(
                    AlmaDocuments.location(
                        Node(
                            "location",
                            children: [
                                Node("code", text: location.0), Node("name", text: location.1),
                                Node("external_name", text: location.1),
                                Node("type", attributes: [.init("desc", location.2 == "OPEN" ? "Open" : "Closed")], text: location.2),
                                Node("remote_storage", text: ""), Node("map", text: ""),
                                Node("suppress_from_publishing", text: "false"),
                                Node("fulfillment_unit", attributes: [.init("desc", "\(library.name) FU")], text: "\(library.code)_FU"),
                                Node("accession_placement", attributes: [.init("desc", "None")], text: "none"),
                                Node("call_number_type", attributes: [.init("desc", "Library of Congress classification")], text: "0"),
                            ]
                        ),
                        library: library.code
                    )
                )
            }
            for (deskIndex, desk) in library.desks.enumerated() {
                documents.append(
                    AlmaDocuments.circDesk(
                        Node(
                            "circ_desk",
                            children: [
                                Node("code", text: desk.0), Node("name", text: desk.1),
                                Node("primary", text: deskIndex == 0 ? "true" : "false"), Node("reading_room", text: "false"),
                            ]
                        ),
                        library: library.code
                    )
                )
            }
        }
        let departments = [
            ("ACQ_DEPT", "Acquisitions Department", "ACQ", "Acquisition", "MAIN"),
            ("CAT_DEPT", "Cataloging Department", "CAT", "Cataloging", "MAIN"),
            ("LEND_DEPT", "Resource Sharing Lending", "LENDING", "Lending", "MAIN"),
            ("DIGI_DEPT", "Digitization Services", "DIGITIZATION", "Digitization", "SCI"),
        ]
        for department in departments {
            let owner = libraries.first { $0.code == department.4 }!
            documents.append(
                AlmaDocuments.department(
                    Node(
                        "department",
                        children: [
                            Node("code", text: department.0), Node("name", text: department.1),
                            Node("type", attributes: [.init("desc", department.3)], text: department.2),
                            Node("owner", attributes: [.init("desc", owner.name)], text: owner.code),
                            Node("work_days", text: "5"),
                            Node(
                                "served_libraries",
                                children: libraries.map { Node("library", attributes: [.init("desc", $0.name)], text: $0.code) }
                            ),
                        ]
                    )
                )
            )
        }
        return documents
    }
}
