import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, as `self[name]` gives it.
    ///
    /// Gateway stages read a few request headers on every call. `self[name]` joins the values of
    /// every field of that name through a lazy generic sequence even when there is one, which cost
    /// more than the rest of those stages' work; this returns the one value as it is and joins
    /// only when the name repeats.
    func value(of name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
