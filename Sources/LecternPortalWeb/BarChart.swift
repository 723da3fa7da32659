import Foundation

/// A bar chart of values per day as inline SVG, drawn on the server (no script needed).
struct BarChart {
    var labels: [String]
    var values: [Int]
    /// A second series drawn over the first (errors over calls).
    var overlay: [Int] = []
    var title: String

    func svg() -> String {
        let width = 720.0
        let height = 220.0
        let left = 44.0
        let bottom = 28.0
        let top = 12.0
        let plotHeight = height - bottom - top
        let maximum = max(values.max() ?? 0, 1)
        let step = (width - left) / Double(max(values.count, 1))
        var parts = [
            #"<svg class="chart" role="img" viewBox="0 0 \#(Int(width)) \#(Int(height))" xmlns="http://www.w3.org/2000/svg" aria-label="\#(Self.escape(title))">"#,
            "<title>\(Self.escape(title))</title>",
            #"<text x="0" y="\#(Int(top + 8))">\#(maximum)</text><text x="0" y="\#(Int(height - bottom))">0</text>"#,
        ]
        for (index, value) in values.enumerated() {
            let x = left + Double(index) * step + 1
            parts.append(
                bar(
                    x: x,
                    width: step - 2,
                    value: value,
                    maximum: maximum,
                    plotHeight: plotHeight,
                    top: top,
                    class: "bar",
                    label: "\(labels[index]): \(value) calls"
                )
            )
            if index < overlay.count, overlay[index] > 0 {
                parts.append(
                    bar(
                        x: x,
                        width: step - 2,
                        value: overlay[index],
                        maximum: maximum,
                        plotHeight: plotHeight,
                        top: top,
                        class: "bar error",
                        label: "\(labels[index]): \(overlay[index]) errors"
                    )
                )
            }
            if index % 5 == 0 || index == values.count - 1 {
                // The last label ends at the right edge instead of running off it.
                let anchor = index == values.count - 1 ? #" text-anchor="end""# : ""
                let labelX = index == values.count - 1 ? Int(width) : Int(x)
                parts.append(#"<text x="\#(labelX)" y="\#(Int(height - 8))"\#(anchor)>\#(Self.escape(String(labels[index].suffix(5))))</text>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    private func bar(x: Double, width: Double, value: Int, maximum: Int, plotHeight: Double, top: Double, class name: String, label: String) -> String
    {
        let barHeight = plotHeight * Double(value) / Double(maximum)
        let y = top + plotHeight - barHeight
        return
            #"<rect class="\#(name)" x="\#(Self.number(x))" y="\#(Self.number(y))" width="\#(Self.number(max(width, 1)))" height="\#(Self.number(barHeight))"><title>\#(Self.escape(label))</title></rect>"#
    }

    private static func number(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
