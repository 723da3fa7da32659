import Foundation

/// A sandbox clock's offset from real time, as people write it: `+14d`, `-2h`, `+1d12h30m`,
/// `90m`, `0`. Units are days, hours, minutes and seconds; at most ten years either way.
public enum ClockOffset {
    /// The most an offset may be, in seconds (ten years).
    public static let maximum = 10 * 366 * 86_400

    /// The seconds `text` says, or `nil` when it is not an offset.
    public static func parse(_ text: String) -> Int? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty, rest.utf8.count <= 32 else { return nil }
        var sign = 1
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        var total = 0
        var number = ""
        var seen = false
        for character in rest {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            guard let value = Int(number), number.count <= 9 else { return nil }
            total += value * unit
            number = ""
            seen = true
            guard total <= maximum else { return nil }
        }
        guard seen, number.isEmpty else { return nil }
        return sign * total
    }

    /// `seconds` as an offset: `+14d`, `-2h30m`, `0`.
    public static func text(_ seconds: Int) -> String {
        guard seconds != 0 else { return "0" }
        var left = abs(seconds)
        var out = seconds < 0 ? "-" : "+"
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where left >= size {
            out += "\(left / size)\(unit)"
            left %= size
        }
        return out
    }
}
