public import LecternRepresentation

/// Loans, requests and fees (`rest_item_loan.xsd`, `rest_user_request.xsd`, `rest_fees.xsd`,
/// none vendored). Members follow the recorded answers: `php-alma-client/create_loan_response`,
/// `item_loan_response`, `loans_response`; `bibsys-example/userrequests.xml` (element order)
/// and `.json` (every member of a request); `php-alma-client/item_requests_response`,
/// `request_options`; `php-alma-client/fee_response`, `fees_response`, `alma_rb/fines.json`
/// (transactions) and `slsp-almapiwrapper/fee_test1.json` (an empty `"transaction": []`).
extension AlmaShapes {
    /// A loan: `GET /users/{user_id}/loans/{loan_id}`.
    public static let itemLoan: Shape = .object([
        .attribute("link"),
        .text("loan_id"),
        .code("circ_desk"),
        .code("return_circ_desk"),
        .code("library"),
        .code("return_library"),
        .text("user_id"),
        .text("item_barcode"),
        .text("due_date"),
        .text("loan_status"),
        .text("loan_date"),
        .text("return_date"),
        .text("process_status"),
        .text("mms_id"),
        .text("holding_id"),
        .text("item_id"),
        .text("title"),
        .text("author", nullWhenAbsent: true),
        .text("description", nullWhenAbsent: true),
        .text("publication_year"),
        Shape.Member("location_code", .valued(.text)),
        Shape.Member("item_policy", .valued(.text)),
        .text("call_number"),
        Shape.Member("loan_fine", .number),
        Shape.Member("renewable", .boolean),
        .text("last_renew_date"),
        .code("last_renew_status"),
    ])

    /// `GET /users/{user_id}/loans`, `GET /bibs/{mms_id}/loans`.
    public static let itemLoans: Shape = .listRoot(item: "item_loan", of: itemLoan)

    /// A request: `GET /users/{user_id}/requests/{request_id}`.
    public static let userRequest: Shape = .object([
        .attribute("link"),
        .text("user_primary_id"),
        .text("request_id"),
        .text("request_type"),
        .code("request_sub_type"),
        .text("mms_id"),
        .text("title"),
        .text("author", nullWhenAbsent: true),
        .text("description", nullWhenAbsent: true),
        .text("manual_description"),
        .text("volume"),
        .text("issue"),
        .text("part"),
        .text("date_of_publication"),
        .text("pickup_location"),
        .text("pickup_location_type"),
        .text("pickup_location_library"),
        .text("pickup_location_circulation_desk"),
        .text("managed_by_library"),
        .text("managed_by_circulation_desk"),
        .text("managed_by_library_code"),
        .text("managed_by_circulation_desk_code"),
        .code("target_destination"),
        .code("material_type"),
        .text("last_interest_date"),
        Shape.Member("partial_digitization", .boolean),
        .text("chapter_or_article_title"),
        .text("chapter_or_article_author"),
        Shape.Member("required_pages_range", .object([.text("from_page"), .text("to_page")]), repeats: true),
        Shape.Member("full_chapter", .boolean),
        .text("comment", nullWhenAbsent: true),
        .text("request_status"),
        Shape.Member("place_in_queue", .number),
        .text("request_date"),
        .text("request_time"),
        .text("task_name"),
        .text("expiry_date"),
        .text("booking_start_date"),
        .text("booking_end_date"),
        .text("adjusted_booking_start_date"),
        .text("adjusted_booking_end_date"),
        .code("destination_location"),
        .code("call_number_type"),
        .text("call_number"),
        .code("item_policy"),
        .text("due_back_date"),
        .text("item_id"),
        .text("barcode"),
        Shape.Member("copyrights_declaration_signed_by_patron", .boolean),
    ])

    /// `GET /users/{user_id}/requests`, `GET /bibs/{mms_id}/requests`.
    public static let userRequests: Shape = .listRoot(item: "user_request", of: userRequest)

    /// One way to request a title: `GET /bibs/{mms_id}/request-options`.
    public static let requestOptions: Shape = .object([
        Shape.Member("request_option", .object([.code("type"), .text("request_url")]), repeats: true)
    ])

    /// One transaction of a fee: a payment, waiver, dispute or restore.
    static let feeTransaction: Shape = .object([
        .code("type"),
        Shape.Member("amount", .number),
        Shape.Member("vat_amount", .number),
        .code("reason"),
        .text("comment"),
        .text("external_transaction_id"),
        .code("received_by"),
        .code("payment_method"),
        .text("created_by"),
        .text("transaction_time"),
    ])

    /// A fine or fee: `GET /users/{user_id}/fees/{fee_id}`.
    public static let fee: Shape = .object([
        .attribute("link", nullWhenAbsent: true),
        .text("id"),
        .code("type"),
        .code("status"),
        Shape.Member("user_primary_id", .valued(.text)),
        Shape.Member("balance", .number),
        Shape.Member("remaining_vat_amount", .number),
        Shape.Member("original_amount", .number),
        Shape.Member("original_vat_amount", .number),
        .text("creation_time"),
        .text("status_time"),
        .text("comment", nullWhenAbsent: true),
        .code("owner"),
        .text("title", nullWhenAbsent: true),
        .text("barcode", nullWhenAbsent: true),
        .list("transactions", item: "transaction", of: feeTransaction),
    ])

    /// `GET /users/{user_id}/fees`: the fees, their count, the sum of their balances and the currency.
    public static let fees: Shape = .object([
        Shape.Member("fee", fee, repeats: true),
        .attribute("total_record_count", .number),
        .attribute("total_sum", .number),
        .attribute("currency"),
    ])
}
