import Hummingbird

extension PortalWeb {
    func installApplicationPages(on router: Router<Context>) {}
    func installUsagePages(on router: Router<Context>) {}
    func installConsolePages(on router: Router<Context>) {}
}
