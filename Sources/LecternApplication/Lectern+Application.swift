public import Hummingbird
public import LecternHTTP
public import Logging

/// The application over `services`, serving every area of ``LecternAreas``: what `lectern serve`
/// and the tests run.
public func lecternApplication(
    _ services: Services,
    configuration: ApplicationConfiguration,
    logger: Logger
) -> some ApplicationProtocol {
    buildApplication(
        services,
        areas: LecternAreas.areas(store: services.store, passwords: services.passwords),
        configuration: configuration,
        logger: logger
    )
}
