import ArgumentParser
import Foundation
import LecternDemo
import LecternSQLite
import LecternStore

struct InstitutionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institution",
        abstract: "Manage institutions.",
        subcommands: [Create.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an institution with the standard configuration.")
        @OptionGroup var storage: DatabaseOptions
        @Argument(help: "The institution code, e.g. 01UNI_INST.") var code: String
        @Option(help: "The display name.") var name: String
        @Option(help: "The region whose hosts serve the institution.") var region = Region.na
        @Option(help: "Alma named users (daily Alma threshold = 1000 x this).") var namedUsers = 100
        @Option(help: "FTE students (daily Primo threshold = 5 x this).") var fte = 1000
        @Option(help: "Academic staff (daily Esploro threshold = 50 x this).") var academicStaff = 100

        func validate() throws {
            guard code.range(of: "^[A-Za-z0-9_]{2,40}$", options: .regularExpression) != nil else {
                throw ValidationError("institution code must be 2 to 40 letters, digits or underscores")
            }
            guard namedUsers >= 0, fte >= 0, academicStaff >= 0 else { throw ValidationError("licence counts cannot be negative") }
        }

        /// The regions institutions are hosted in.
        enum Region: String, CaseIterable, ExpressibleByArgument {
            case na
            case eu
            case ap
            case aps
            case ca
            case cn
        }

        func run() async throws {
            let store = try storage.open()
            let institution = Institution(
                code: code,
                name: name,
                region: region.rawValue,
                namedUsers: namedUsers,
                fte: fte,
                academicStaff: academicStaff
            )
            do {
                try await InstitutionSetup.create(institution, registry: store, store: store)
            } catch let error as RegistryError {
                throw CommandFailure(error.description)
            }
            print(code)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List institutions.")
        @OptionGroup var storage: DatabaseOptions

        func run() async throws {
            for institution in try await storage.open().institutions() {
                print("\(institution.code)\t\(institution.region)\t\(institution.name)")
            }
        }
    }
}
