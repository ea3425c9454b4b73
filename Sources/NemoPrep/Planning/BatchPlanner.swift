public import NemoVips

/// Plans a whole batch before any pixels are touched: reads every header, chooses one aspect for all, and decides
/// each image's crop or padding, scale and output size.
public struct BatchPlanner: Sendable {
    /// The options the plan follows.
    public let configuration: PrepConfiguration

    /// Creates a planner.
    public init(configuration: PrepConfiguration) {
        self.configuration = configuration
    }

    /// Plans `inputs` (with their output paths); inputs that cannot be read are planned as failures.
    ///
    /// Headers are read in parallel over `jobs` threads; the plan is the same whatever `jobs` is.
    public func plan(_ inputs: [PlannedInput], jobs: Int = 1) throws(VipsError) -> BatchPlan {
        try Vips.initialize()
        let inspector = ImageInspector(maxPixels: configuration.maxPixels)
        let headers = ParallelMap.run(inputs.count, jobs: jobs) { inspector.inspect(inputs[$0].path) }
        let readable = headers.compactMap { try? $0.get() }
        let (aspect, losses) = chooseAspect(for: readable.map(\.uprightSize))
        let frame = configuration.frame(for: aspect)
        let images = zip(inputs, headers).map { input, header -> PlannedImage in
            switch header {
            case .success(let image):
                .planned(plan(image, outputPath: input.outputPath, aspect: aspect, frame: frame))
            case .failure(let error):
                .failed(path: input.path, error)
            }
        }
        return BatchPlan(
            aspect: aspect, aspectChoice: configuration.aspect, candidateLosses: losses, frame: frame, images: images)
    }

    /// With `auto`, the candidate with the least total crop loss (ties go to the earlier candidate); otherwise the
    /// fixed ratio. Also returns each candidate's loss for the manifest.
    func chooseAspect(for sizes: [PixelSize]) -> (AspectRatio, [String: Double]) {
        guard case .automatic = configuration.aspect else {
            if case .fixed(let ratio) = configuration.aspect { return (ratio, [:]) }
            return (.landscape16x9, [:])
        }
        var best = AspectRatio.automaticCandidates[0]
        var bestLoss = Double.infinity
        var losses: [String: Double] = [:]
        for candidate in AspectRatio.automaticCandidates {
            let loss = sizes.reduce(0) { $0 + candidate.cropLoss(for: $1) }
            losses[candidate.description] = (loss * 10_000).rounded() / 10_000
            if loss < bestLoss - 1e-9 {
                best = candidate
                bestLoss = loss
            }
        }
        return (best, losses)
    }

    /// Decides crop or pad, scale and output size for one image.
    func plan(_ image: InputImage, outputPath: String, aspect: AspectRatio, frame: PixelSize) -> ImagePlan {
        let upright = image.uprightSize
        let loss = aspect.cropLoss(for: upright)
        let fit: FitDecision =
            switch configuration.fit {
            case .crop: .crop
            case .pad: .pad
            case .blur: .blur
            case .auto: loss <= configuration.autoCropMaximumLoss ? .crop : .blur
            }
        if fit == .crop || loss == 0 {
            // Crop to the aspect, then scale the crop to the frame (never up unless allowed).
            let box = aspect.largestBox(inside: upright)
            let fitsFrame = configuration.allowUpscale || box.width >= frame.width
            let output = fitsFrame ? frame : aspectSize(aspect, width: Double(box.width))
            let scale = max(Double(output.width) / Double(box.width), Double(output.height) / Double(box.height))
            let scaled = PixelSize(
                width: max(output.width, Int((Double(upright.width) * scale).rounded(.up))),
                height: max(output.height, Int((Double(upright.height) * scale).rounded(.up))))
            return ImagePlan(
                input: image, outputPath: outputPath, fit: .crop, cropLoss: loss, scale: scale, scaledSize: scaled,
                outputSize: output, placement: nil)
        }
        // Pad: scale the whole image into the frame, then extend the canvas to the aspect.
        var scale = min(Double(frame.width) / Double(upright.width), Double(frame.height) / Double(upright.height))
        if !configuration.allowUpscale { scale = min(1, scale) }
        let scaled = PixelSize(
            width: min(frame.width, max(1, Int((Double(upright.width) * scale).rounded()))),
            height: min(frame.height, max(1, Int((Double(upright.height) * scale).rounded()))))
        let canvas: PixelSize
        if scaled.width == frame.width || scaled.height == frame.height {
            canvas = frame
        } else if scaled.width * aspect.height > scaled.height * aspect.width {
            canvas = aspectSize(aspect, width: Double(scaled.width))
        } else {
            canvas = aspectSize(aspect, height: Double(scaled.height))
        }
        let placement = PixelBox(
            left: (canvas.width - scaled.width) / 2, top: (canvas.height - scaled.height) / 2, width: scaled.width,
            height: scaled.height)
        return ImagePlan(
            input: image, outputPath: outputPath, fit: fit, cropLoss: 0, scale: scale, scaledSize: scaled,
            outputSize: canvas, placement: placement)
    }

    private func aspectSize(_ aspect: AspectRatio, width: Double) -> PixelSize {
        let w = max(1, Int(width.rounded()))
        let h = Double(w) * Double(aspect.height) / Double(aspect.width)
        return PixelSize(width: w, height: max(1, Int(h.rounded())))
    }

    private func aspectSize(_ aspect: AspectRatio, height: Double) -> PixelSize {
        let h = max(1, Int(height.rounded()))
        let w = Double(h) * Double(aspect.width) / Double(aspect.height)
        return PixelSize(width: max(1, Int(w.rounded())), height: h)
    }
}

/// One input to plan: where it is and where its PNG goes.
public struct PlannedInput: Sendable, Hashable {
    /// The input file.
    public let path: String
    /// The output PNG.
    public let outputPath: String

    /// Creates an input entry.
    public init(path: String, outputPath: String) {
        self.path = path
        self.outputPath = outputPath
    }
}
