import LecternDiscovery
import LecternPeople
import LecternStore

/// The reports every institution has under `/shared/<institution>/Reports`: computed from the
/// institution's own data when their first page is asked for. Each is data (what it reads, its
/// columns); ``ReportRunner`` runs them all alike. Headings follow Alma Analytics' subject areas.
enum ReportCatalogue {
    static let reports: [ReportDefinition] = [
        loansByLibraryAndMonth, overdueLoans, loanHistory, feesByStatus, usersByGroupAndExpiry,
        itemsByLocationAndStatus, titlesByMaterialTypeAndLanguage, assetsByTypeAndYear, researchAssets,
    ]

    static let loansByLibraryAndMonth = ReportDefinition(
        folders: ["Fulfillment"],
        name: "Loans by library and month",
        source: ReportSource(kind: .loan),
        columns: [
            .dimension("Library Unit", "Library Name", .description("library")),
            .dimension("Loan Date", "Loan Month", .prefix(.text("loan_date"), 7)),
            .measure("Loan Details", "Loans", .integer, .count),
        ]
    )

    static let overdueLoans = ReportDefinition(
        folders: ["Fulfillment"],
        name: "Overdue loans",
        source: ReportSource(
            kind: .loan,
            equals: ["status": "ACTIVE"],
            joins: [ReportJoin(name: "user", kind: .user, idPath: "user_id")],
            condition: .beforeNow("due_date")
        ),
        columns: [
            .dimension("Borrower Details", "Primary Identifier", .text("user_id")),
            .dimension("Borrower Details", "First Name", .text("first_name", join: "user")),
            .dimension("Borrower Details", "Last Name", .text("last_name", join: "user")),
            .dimension("Borrower Details", "User Group", .description("user_group", join: "user")),
            .dimension("Bibliographic Details", "Title", .text("title")),
            .dimension("Physical Item Details", "Barcode", .text("item_barcode")),
            .dimension("Library Unit", "Library Name", .description("library")),
            .dimension("Due Date", "Due Date", .date, .prefix(.text("due_date"), 10)),
        ]
    )

    static let loanHistory = ReportDefinition(
        folders: ["Fulfillment"],
        name: "Loan history",
        source: ReportSource(kind: .loan),
        columns: [
            .dimension("Loan Details", "Loan Id", .text("loan_id")),
            .dimension("Loan Date", "Loan Date", .timestamp, .prefix(.text("loan_date"), 19)),
            .dimension("Due Date", "Due Date", .timestamp, .prefix(.text("due_date"), 19)),
            .dimension("Return Date", "Return Date", .timestamp, .prefix(.text("return_date"), 19)),
            .dimension("Loan Details", "Loan Status", .text("loan_status")),
            .dimension("Library Unit", "Library Name", .description("library")),
            .dimension("Physical Item Details", "Barcode", .text("item_barcode")),
            .dimension("Bibliographic Details", "Title", .text("title")),
            .dimension("Borrower Details", "Primary Identifier", .text("user_id")),
        ]
    )

    static let feesByStatus = ReportDefinition(
        folders: ["Fulfillment"],
        name: "Fines and fees by status",
        source: ReportSource(kind: .fee),
        columns: [
            .dimension("Fine Fee Type", "Fine Fee Type Description", .description("type")),
            .dimension("Fine Fee Status", "Fine Fee Status Description", .description("status")),
            .measure("Fine and Fee Transaction Details", "Number of Fines and Fees", .integer, .count),
            .measure("Fine and Fee Transaction Details", "Original Amount", .double, .sum("original_amount")),
            .measure("Fine and Fee Transaction Details", "Remaining Amount", .double, .sum("balance")),
        ]
    )

    static let usersByGroupAndExpiry = ReportDefinition(
        folders: ["Users"],
        name: "Users by group and expiry",
        source: ReportSource(kind: .user),
        columns: [
            .dimension("User Details", "User Group", .description("user_group")),
            .dimension("User Details", "Expiry Year", .prefix(.text("expiry_date"), 4)),
            .measure("User Details", "Number of Users", .integer, .count),
        ]
    )

    static let itemsByLocationAndStatus = ReportDefinition(
        folders: ["Physical Items"],
        name: "Items by location and status",
        source: ReportSource(kind: .item),
        columns: [
            .dimension("Location", "Library Name", .description("item_data/library")),
            .dimension("Location", "Location Name", .description("item_data/location")),
            .dimension("Physical Item Details", "Lifecycle Status", .description("item_data/base_status")),
            .measure("Physical Item Details", "Num of Items", .integer, .count),
        ]
    )

    static let titlesByMaterialTypeAndLanguage = ReportDefinition(
        folders: ["Titles"],
        name: "Titles by material type and language",
        source: ReportSource(kind: .bib),
        columns: [
            .dimension("Bibliographic Details", "Material Type", .leader(6..<8, names: materialTypes)),
            .dimension("Bibliographic Details", "Language Code", .controlField("008", 35..<38)),
            .measure("Bibliographic Details", "Number of Titles", .integer, .count),
        ]
    )

    static let assetsByTypeAndYear = ReportDefinition(
        folders: ["Research"],
        name: "Assets by type and year",
        source: ReportSource(kind: assetKind),
        columns: [
            .dimension("Asset Details", "Asset Type", .text("resourcetype.esploro")),
            .dimension("Asset Details", "Publication Year", .prefix(.text("date.published"), 4)),
            .measure("Asset Details", "Number of Assets", .integer, .count),
        ]
    )

    static let researchAssets = ReportDefinition(
        folders: ["Research"],
        name: "Research assets",
        source: ReportSource(kind: assetKind),
        columns: [
            .dimension("Asset Details", "Title", .text("title")),
            .dimension("Asset Details", "Asset Type", .text("resourcetype.esploro")),
            .dimension("Asset Details", "Publication Year", .prefix(.text("date.published"), 4)),
            .dimension("Asset Details", "DOI", .text("identifier.doi")),
            .dimension("Asset Details", "Publisher", .text("publisher")),
        ]
    )

    /// Esploro's research assets, named by their stored kind (Alma's family does not import
    /// Esploro's).
    static let assetKind = Kind(rawValue: "asset")

    /// Leader positions 06-07 as Alma Analytics names the material type.
    static let materialTypes = [
        "am": "Book", "aa": "Book", "ac": "Book", "ad": "Book", "as": "Journal", "ai": "Integrating resource",
        "ab": "Journal", "cm": "Score", "dm": "Score", "em": "Map", "fm": "Map", "gm": "Video", "im": "Sound recording",
        "jm": "Music recording", "km": "Image", "mm": "Computer file", "om": "Kit", "pm": "Mixed material",
        "rm": "Object", "tm": "Manuscript",
    ]
}
