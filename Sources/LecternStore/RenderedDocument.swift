public import LecternRepresentation

/// A document with its body already rendered as the store keeps it (XML without declaration):
/// rendering is pure, so a bulk writer has it done ahead, on other threads, and the write
/// itself only binds text.
public struct RenderedDocument: Sendable {
    /// The document.
    public var document: Document
    /// Its body as stored.
    public var body: String

    /// Renders `document`'s body.
    public init(_ document: Document) {
        self.document = document
        body = String(decoding: XMLCodec.render(document.body, declaration: false), as: UTF8.self)
    }
}
