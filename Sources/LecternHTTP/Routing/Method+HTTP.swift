import HTTPTypes
import LecternCore

/// Lectern's methods and HTTP's, both ways.
extension LecternCore.Method {
    /// The method of an HTTP request; anything but POST, PUT and DELETE is treated as a read.
    init(_ method: HTTPRequest.Method) {
        switch method {
        case .post: self = .post
        case .put: self = .put
        case .delete: self = .delete
        case .patch: self = .put
        default: self = .get
        }
    }
}

extension HTTPRequest.Method {
    init(_ method: LecternCore.Method) {
        switch method {
        case .get: self = .get
        case .post: self = .post
        case .put: self = .put
        case .delete: self = .delete
        }
    }
}
