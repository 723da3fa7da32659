public import ArgumentParser
import LecternCore
import LecternImport
import Logging

// Closed sets of option values defined by the libraries: ArgumentParser refuses any other
// value with a message naming the allowed ones, and `--help` lists them.

extension Environment: ExpressibleByArgument {}

extension Product: ExpressibleByArgument {}

extension MARCFileFormat: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}
