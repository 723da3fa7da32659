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
    @Argument(help: "on or off.") var state: String
    @Option(help: "alma, primo or esploro.") var product = "alma"

    func validate() throws {
        guard state == "on" || state == "off" else { throw ValidationError("state must be on or off") }
        guard Product(rawValue: product) != nil else { throw ValidationError("product must be alma, primo or esploro") }
    }

    func run() async throws {
        try await storage.open().setMaintenance(Product(rawValue: product)!, on: state == "on")
        print("\(product) maintenance \(state)")
    }
}
