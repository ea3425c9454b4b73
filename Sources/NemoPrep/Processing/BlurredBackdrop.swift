import NemoVips

/// Builds the "blur" padding: the image enlarged to cover the canvas, blurred, darkened, with the sharp image
/// placed on top.
enum BlurredBackdrop {
    /// Work is done at 1/8 of the canvas size, where a small blur equals a large one at full size, then enlarged.
    static let reduction = 8
    /// Blur radius at the reduced size (about 24 px at full size).
    static let sigma = 3.0
    /// Brightness of the backdrop relative to the image, so the sharp image stands out.
    static let dimming = 0.7

    /// Composes `image` at `placement` over a blurred backdrop of itself filling `canvas`.
    static func compose(_ image: VipsImage, on canvas: PixelSize, at placement: PixelBox) throws(VipsError)
        -> VipsImage
    {
        let small = PixelSize(width: max(1, canvas.width / reduction), height: max(1, canvas.height / reduction))
        let cover = max(Double(small.width) / Double(image.width), Double(small.height) / Double(image.height))
        let coverWidth = max(small.width, Int((Double(image.width) * cover).rounded(.up)))
        let coverHeight = max(small.height, Int((Double(image.height) * cover).rounded(.up)))
        let covered = try image.resize(toWidth: coverWidth, height: coverHeight)
        let centred = try covered.extractArea(
            PixelBox(
                left: (coverWidth - small.width) / 2, top: (coverHeight - small.height) / 2, width: small.width,
                height: small.height))
        let blurred = try centred.copiedToMemory().gaussianBlur(sigma: sigma)
        var dimmed: VipsImage
        if image.hasAlpha {
            let colourBands = image.bands - 1
            dimmed = try blurred.extractBands(0, count: colourBands).linear(dimming, 0, uchar: true)
                .joiningBands(try blurred.extractBands(colourBands))
        } else {
            dimmed = try blurred.linear(dimming, 0, uchar: true)
        }
        let backdrop = try dimmed.resize(toWidth: canvas.width, height: canvas.height)
        return try backdrop.inserting(image, x: placement.left, y: placement.top)
    }
}
