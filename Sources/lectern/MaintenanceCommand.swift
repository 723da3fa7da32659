import ArgumentParser
import LecternCore
import LecternSQLite
import LecternStore

struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Switch a product to maintenance (503 ROUTING_ERROR) or back; running servers follow within a second."
    )
    @OptionGroup var storage: DatabaseOptions
    @Argument(help: "Whether the product is in maintenance.") var state: State
    @Option(help: "The product.") var product = Product.alma

    /// The product's state: in maintenance, or serving.
    enum State: String, CaseIterable, ExpressibleByArgument {
        case on
        case off
    }

    func run() async throws {
        try await storage.open().setMaintenance(product, on: state == .on)
        print("\(product.rawValue) maintenance \(state.rawValue)")
    }
}
