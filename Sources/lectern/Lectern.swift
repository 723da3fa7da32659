import ArgumentParser

@main
struct Lectern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A self-hosted, wire-compatible Alma, Primo and Esploro API platform.",
        subcommands: [
            Serve.self, InstitutionCommand.self, KeyCommand.self, MaintenanceCommand.self, ImportCommand.self, ExportCommand.self,
            DemoCatalogueCommand.self, PortalCommand.self, ClockCommand.self, DemoLoansCommand.self, DemoCoursesCommand.self,
        ]
    )
}
