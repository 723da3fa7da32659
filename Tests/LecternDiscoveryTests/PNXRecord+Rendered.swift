import LecternDiscovery
import LecternRepresentation

extension PNXRecord {
    /// The `pnx` object as a Primo answer writes it (the representation engine, in ``shape``).
    var rendered: [UInt8] {
        JSONCodec.render(node, as: Self.shape)
    }

    /// The written object read back by the JSON reader (which keeps key order).
    func readBack() throws -> JSONValue {
        try JSONValue.parse(rendered)
    }
}
