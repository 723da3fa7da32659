@main struct Lectern { static func main() {} }
