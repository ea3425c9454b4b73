import NemoVips

/// Encodes a PNG that fits a byte budget, checking every encoding rather than estimating.
///
/// First the configured level and filter. If that is over budget: zlib 9 with adaptive row filters. If still over:
/// a binary search over the scale (8 steps between 1/16 and 1) for the largest reduction whose PNG fits.
struct PNGBudget {
    /// zlib level for the first attempt.
    let compression: Int
    /// Row filter for the first attempt.
    let filter: PNGFilter
    /// Largest acceptable file.
    let maxBytes: Int

    /// The encoded bytes, the image they encode (reduced or not), and the record of what it took.
    func encode(_ image: VipsImage) throws(PrepBudgetFailure) -> (bytes: [UInt8], image: VipsImage, record: PNGRecord) {
        var record = PNGRecord(
            compression: compression, filter: filter, maxBytes: maxBytes, budgetScale: 1, attempts: 1)
        let first = try attempt { () throws(VipsError) in try image.pngData(compression: compression, filter: filter) }
        if first.count <= maxBytes { return (first, image, record) }

        record.compression = 9
        record.filter = .all
        record.attempts += 1
        let smallest = try attempt { () throws(VipsError) in try image.pngData(compression: 9, filter: .all) }
        if smallest.count <= maxBytes { return (smallest, image, record) }

        var low = 1.0 / 16
        var high = 1.0
        var best: (bytes: [UInt8], image: VipsImage, scale: Double)?
        for _ in 0..<8 {
            let scale = (low + high) / 2
            let (bytes, reduced) = try attempt { () throws(VipsError) in
                let reduced = try scaled(image, by: scale)
                return (try reduced.pngData(compression: 9, filter: .all), reduced)
            }
            record.attempts += 1
            if bytes.count <= maxBytes {
                best = (bytes, reduced, scale)
                low = scale
            } else {
                high = scale
            }
        }
        if best == nil {
            let (bytes, reduced) = try attempt { () throws(VipsError) in
                let reduced = try scaled(image, by: low)
                return (try reduced.pngData(compression: 9, filter: .all), reduced)
            }
            record.attempts += 1
            if bytes.count <= maxBytes { best = (bytes, reduced, low) }
        }
        guard let best else { throw PrepBudgetFailure.cannotFit(smallest: smallest.count) }
        record.budgetScale = (best.scale * 10_000).rounded() / 10_000
        return (best.bytes, best.image, record)
    }

    private func scaled(_ image: VipsImage, by scale: Double) throws(VipsError) -> VipsImage {
        let width = max(1, Int((Double(image.width) * scale).rounded()))
        let height = max(1, Int((Double(image.height) * scale).rounded()))
        return try image.resize(toWidth: width, height: height)
    }

    private func attempt<T>(_ body: () throws(VipsError) -> T) throws(PrepBudgetFailure) -> T {
        do { return try body() } catch { throw PrepBudgetFailure.encoding(error) }
    }
}

/// Why ``PNGBudget`` could not produce a file.
enum PrepBudgetFailure: Error {
    /// Even a 1/16 scale did not fit; `smallest` is the full-size file at zlib 9.
    case cannotFit(smallest: Int)
    /// libvips failed while encoding.
    case encoding(VipsError)
}
