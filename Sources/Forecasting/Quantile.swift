/// Sample quantiles by linear interpolation between order statistics: Hyndman and Fan, "Sample
/// quantiles in statistical packages", The American Statistician 50(4), 1996, definition 7 (the
/// default of R's `quantile` and of numpy's `percentile`/`quantile`, `method="linear"`).
///
/// For sorted values `x₁ <= … <= xₙ` and probability `p`: `h = (n - 1)·p`,
/// `Q(p) = x_{⌊h⌋+1} + (h - ⌊h⌋)·(x_{⌊h⌋+2} - x_{⌊h⌋+1})` (1-based), with `Q(1) = xₙ`.
public enum Quantile {
    /// The type-7 quantile of values already sorted in ascending order.
    ///
    /// - Precondition: `sorted` is not empty, ascending, and `probability` lies in `[0, 1]`.
    public static func type7(sorted: some RandomAccessCollection<Double>, probability: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty sample")
        precondition(probability >= 0 && probability <= 1, "probability outside [0, 1]")
        let position = Double(sorted.count - 1) * probability
        let lower = Int(position.rounded(.down))
        let base = sorted.index(sorted.startIndex, offsetBy: lower)
        let fraction = position - Double(lower)
        guard fraction > 0, lower + 1 < sorted.count else { return sorted[base] }
        let next = sorted[sorted.index(after: base)]
        return sorted[base] + fraction * (next - sorted[base])
    }

    /// The type-7 quantile of unsorted values (sorted here). NaN values are not allowed.
    public static func type7(_ values: [Double], probability: Double) -> Double {
        type7(sorted: values.sorted(), probability: probability)
    }
}
