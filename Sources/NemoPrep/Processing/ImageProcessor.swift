import CVips

import NemoCore
import NemoVips

/// Executes one image's plan: load upright in sRGB with shrink-on-load, crop or pad to the batch's aspect, boost
/// contrast, and write a PNG within the size budget, atomically.
struct ImageProcessor {
    /// The batch's options.
    let configuration: PrepConfiguration

    /// Processes `plan`, writes its output (unless `write` is false) and describes what was done.
    func process(_ plan: ImagePlan, write: Bool = true) -> Result<ProcessedImage, PrepError> {
        let path = plan.input.path
        do throws(VipsError) {
            var operations = PrepOperations(
                orientation: Self.orientationName(plan.input.orientation), colour: [], scale: Self.round(plan.scale),
                crop: nil, pad: nil,
                contrast: ContrastRecord(strength: configuration.contrast, applied: false),
                png: PNGRecord(
                    compression: configuration.pngCompression, filter: configuration.pngFilter,
                    maxBytes: configuration.maxBytes, budgetScale: 1, attempts: 0))
            var image: VipsImage
            do {
                image = try loadUpright(plan, colour: &operations.colour)
            } catch {
                if access(path, F_OK) != 0 {
                    return .failure(
                        PrepError(
                            .unreadable, path: path, message: "the file was removed or renamed while it was read"))
                }
                // The header was readable, so a failure while decoding the pixels means damaged data.
                return .failure(
                    PrepError(
                        .corrupt, path: path,
                        message: "the \(plan.input.format.rawValue) data is truncated or corrupt (\(error.message))"))
            }
            image = try fit(image, plan, operations: &operations)
            let (boosted, contrast) = try ContrastBoost(strength: configuration.contrast).apply(to: image)
            operations.contrast = contrast
            image = try pad(boosted, plan, operations: &operations).copiedToMemory()

            let budget = PNGBudget(
                compression: configuration.pngCompression, filter: configuration.pngFilter,
                maxBytes: configuration.maxBytes)
            let encoded: (bytes: [UInt8], image: VipsImage, record: PNGRecord)
            switch Result(catching: { () throws(PrepBudgetFailure) in try budget.encode(image) }) {
            case .success(let result):
                encoded = result
            case .failure(.cannotFit(let smallest)):
                return .failure(
                    PrepError(
                        .overBudget, path: path,
                        message: "cannot fit under \(configuration.maxBytes) bytes (smallest full-size PNG: "
                            + "\(smallest) bytes); raise --max-bytes or lower --max-size"))
            case .failure(.encoding(let error)):
                throw error
            }
            operations.png = encoded.record
            if write {
                do {
                    try AtomicFile.write(encoded.bytes, to: plan.outputPath)
                } catch {
                    return .failure(PrepError(.outputNotWritable, path: plan.outputPath, message: error.description))
                }
            }
            return .success(
                ProcessedImage(
                    plan: plan, operations: operations,
                    outputSize: PixelSize(width: encoded.image.width, height: encoded.image.height),
                    outputBytes: encoded.bytes.count, outputSHA256: Checksum.sha256(encoded.bytes)))
        } catch {
            return .failure(Self.describe(error, plan.input))
        }
    }

    /// Loads the image upright, scaled to the plan's size, as 8-bit sRGB (alpha kept), and records conversions.
    private func loadUpright(_ plan: ImagePlan, colour: inout [String]) throws(VipsError) -> VipsImage {
        let input = plan.input
        var image = try VipsImage.thumbnail(
            input.path, width: plan.scaledSize.width, height: 10_000_000, allowUpscale: plan.scale > 1)
        if input.colourSpace == "cmyk" {
            colour.append(input.hasICCProfile ? "CMYK (embedded profile) → sRGB" : "CMYK (generic profile) → sRGB")
        } else if input.hasICCProfile {
            image = try image.iccTransform(to: "srgb")
            colour.append("embedded ICC profile → sRGB")
        }
        if image.interpretation != VIPS_INTERPRETATION_sRGB || image.format != VIPS_FORMAT_UCHAR {
            if input.colourSpace == "b-w" || input.colourSpace == "grey16" { colour.append("grey → sRGB") }
            image = try image.colourspace(VIPS_INTERPRETATION_sRGB)
        }
        if input.bitsPerSample > 8 { colour.append("\(input.bitsPerSample)-bit → 8-bit") }
        if image.format != VIPS_FORMAT_UCHAR { image = try image.cast(VIPS_FORMAT_UCHAR) }
        return try image.copiedToMemory()
    }

    /// Crops to the output size around the attention centre, or resamples to the exact scaled size for padding.
    private func fit(_ image: VipsImage, _ plan: ImagePlan, operations: inout PrepOperations) throws(VipsError)
        -> VipsImage
    {
        let target = plan.fit == .crop ? plan.outputSize : plan.scaledSize
        var image = image
        if image.width < target.width || image.height < target.height
            || (plan.fit != .crop && (image.width != target.width || image.height != target.height))
        {
            // The loader's rounding missed the planned size by a pixel: resample to cover it exactly.
            let factor = max(Double(target.width) / Double(image.width), Double(target.height) / Double(image.height))
            let width = plan.fit == .crop ? max(target.width, Int((Double(image.width) * factor).rounded(.up))) : target.width
            let height = plan.fit == .crop ? max(target.height, Int((Double(image.height) * factor).rounded(.up))) : target.height
            image = try image.resize(toWidth: width, height: height).copiedToMemory()
        }
        guard plan.fit == .crop else { return image }
        if image.width == target.width && image.height == target.height {
            operations.crop = CropRecord(
                method: "none", box: PixelBox(left: 0, top: 0, width: target.width, height: target.height),
                attentionCentre: nil, loss: 0)
            return image
        }
        let centre = try image.attentionCentre(width: target.width, height: target.height)
        let box = PixelBox(
            left: min(max(0, centre.x - target.width / 2), image.width - target.width),
            top: min(max(0, centre.y - target.height / 2), image.height - target.height),
            width: target.width, height: target.height)
        operations.crop = CropRecord(
            method: "attention", box: box, attentionCentre: [centre.x, centre.y], loss: Self.round(plan.cropLoss))
        return try image.extractArea(box)
    }

    /// Extends the canvas to the output size with a solid colour or a blurred copy of the image.
    private func pad(_ image: VipsImage, _ plan: ImagePlan, operations: inout PrepOperations) throws(VipsError)
        -> VipsImage
    {
        guard plan.fit != .crop, let placement = plan.placement else { return image }
        let canvas = plan.outputSize
        if canvas.width == image.width && canvas.height == image.height { return image }
        if plan.fit == .pad {
            let color = image.hasAlpha ? [0, 0, 0, 0] : Array(configuration.padColor.prefix(3))
            operations.pad = PadRecord(method: "solid", placement: placement, color: color)
            return try image.embed(
                x: placement.left, y: placement.top, width: canvas.width, height: canvas.height, background: color)
        }
        operations.pad = PadRecord(method: "blur", placement: placement, color: nil)
        return try BlurredBackdrop.compose(image, on: canvas, at: placement)
    }

    private static func describe(_ error: VipsError, _ input: InputImage) -> PrepError {
        PrepError(.processingFailed, path: input.path, message: error.description)
    }

    static func orientationName(_ tag: Int) -> String? {
        switch tag {
        case 2: "mirror horizontally"
        case 3: "rotate 180°"
        case 4: "mirror vertically"
        case 5: "transpose"
        case 6: "rotate 90° clockwise"
        case 7: "transverse"
        case 8: "rotate 90° counter-clockwise"
        default: nil
        }
    }

    static func round(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

/// The outcome of processing one image.
struct ProcessedImage: Sendable {
    let plan: ImagePlan
    let operations: PrepOperations
    let outputSize: PixelSize
    let outputBytes: Int
    let outputSHA256: String
}
