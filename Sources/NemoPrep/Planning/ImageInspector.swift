import CVips
import Glibc
import NemoVips

/// Reads what planning needs from a file (type, header, size) without decoding pixels, and turns every way a
/// file can be unusable into a specific ``PrepError``.
struct ImageInspector {
    /// Largest input accepted, in pixels.
    let maxPixels: Int

    /// Inspects the file at `path`.
    func inspect(_ path: String) -> Result<InputImage, PrepError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(PrepError(.unreadable, path: path, message: "cannot read the file: \(systemError())"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(
                PrepError(.notAFile, path: path, message: "not a regular file (a folder, FIFO or device); skip it"))
        }
        guard info.st_size > 0 else {
            return .failure(PrepError(.emptyFile, path: path, message: "the file is empty (0 bytes)"))
        }
        let header: [UInt8]
        switch readHeader(path) {
        case .success(let bytes): header = bytes
        case .failure(let error): return .failure(error)
        }
        let format: ImageFormat
        switch SniffedContent.sniff(header) {
        case .image(let found): format = found
        case .unsupported(let kind):
            return .failure(
                PrepError(
                    .unsupportedFormat, path: path,
                    message: "\(kind) is not a supported image format; use \(ImageFormat.acceptedList)"))
        case .unknown:
            return .failure(
                PrepError(
                    .notAnImage, path: path,
                    message: "not an image (its content matches no known format); use \(ImageFormat.acceptedList)"))
        }
        guard let loader = Vips.loaderName(forFileAt: path),
            loader.hasPrefix(format.loader.classPrefix)
        else {
            return .failure(missingDecoderOrCorrupt(path, format))
        }
        let image: VipsImage
        do {
            image = try VipsImage.open(path)
        } catch {
            return .failure(
                PrepError(.corrupt, path: path, message: "cannot read the \(format.rawValue) header: \(error.message)"))
        }
        let input = InputImage(
            path: path, format: format, bytes: Int(info.st_size),
            storedSize: PixelSize(width: image.width, height: image.height),
            orientation: (1...8).contains(image.orientation) ? image.orientation : 1,
            bands: image.bands, hasAlpha: image.hasAlpha, hasICCProfile: image.hasICCProfile,
            colourSpace: Self.name(of: image.interpretation), bitsPerSample: Self.bits(of: image.format),
            frames: max(1, image.pageCount))
        guard input.storedSize.area <= maxPixels else {
            let megapixels = Double(input.storedSize.area) / 1_000_000
            return .failure(
                PrepError(
                    .tooManyPixels, path: path,
                    message: "\(input.storedSize) is \(megapixels.formatted1) megapixels, over the limit of "
                        + "\((Double(maxPixels) / 1_000_000).formatted1); raise --max-pixels if the file is trusted"))
        }
        return .success(input)
    }

    private func readHeader(_ path: String) -> Result<[UInt8], PrepError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            return .failure(PrepError(.unreadable, path: path, message: "cannot open the file: \(systemError())"))
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: SniffedContent.headerLength)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else {
            return .failure(PrepError(.unreadable, path: path, message: "cannot read the file: \(systemError())"))
        }
        return .success(Array(buffer.prefix(count)))
    }

    private func missingDecoderOrCorrupt(_ path: String, _ format: ImageFormat) -> PrepError {
        switch format {
        case .heic, .avif, .bmp:
            if vips_type_find("VipsOperation", format.loader.nickname) == 0 {
                return PrepError(
                    .decoderMissing, path: path,
                    message: "the installed libvips \(Vips.version) cannot read \(format.rawValue) "
                        + "(built without its decoder); convert the file to JPEG or PNG first")
            }
        default: break
        }
        return PrepError(
            .corrupt, path: path, message: "the \(format.rawValue) data is damaged and no decoder accepts it")
    }

    private func systemError() -> String {
        String(cString: strerror(errno))
    }

    static func name(of interpretation: VipsInterpretation) -> String {
        switch interpretation {
        case VIPS_INTERPRETATION_sRGB: "srgb"
        case VIPS_INTERPRETATION_RGB: "rgb"
        case VIPS_INTERPRETATION_scRGB: "scrgb"
        case VIPS_INTERPRETATION_CMYK: "cmyk"
        case VIPS_INTERPRETATION_B_W: "b-w"
        case VIPS_INTERPRETATION_GREY16: "grey16"
        case VIPS_INTERPRETATION_RGB16: "rgb16"
        case VIPS_INTERPRETATION_LAB: "lab"
        case VIPS_INTERPRETATION_MULTIBAND: "multiband"
        default: "other"
        }
    }

    static func bits(of format: VipsBandFormat) -> Int {
        switch format {
        case VIPS_FORMAT_UCHAR, VIPS_FORMAT_CHAR: 8
        case VIPS_FORMAT_USHORT, VIPS_FORMAT_SHORT: 16
        case VIPS_FORMAT_DOUBLE, VIPS_FORMAT_DPCOMPLEX: 64
        default: 32
        }
    }
}

extension Double {
    /// One decimal place, e.g. "24.0".
    var formatted1: String {
        let tenths = (self * 10).rounded()
        return "\(Int(tenths) / 10).\(abs(Int(tenths) % 10))"
    }
}
