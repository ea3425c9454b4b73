import Foundation

/// Turns the paths a user gave (files and folders) into the batch's inputs and their output paths.
///
/// Files named directly are always included (a bad one fails alone, with its reason). Folders contribute the files
/// that look like images by content or by extension, in name order, their subfolders too with `recursive`;
/// hidden files and the output folder are skipped. Output names mirror the input's path relative to the folder it
/// was found in, with a `.png` extension; names that would clash get `-2`, `-3`... in input order.
public struct InputCollector: Sendable {
    /// Whether folders are searched recursively.
    public let recursive: Bool
    /// The output folder.
    public let outputFolder: String

    /// Creates a collector.
    public init(recursive: Bool, outputFolder: String) {
        self.recursive = recursive
        self.outputFolder = outputFolder
    }

    /// File extensions taken from folders even when the content is not recognised (so a corrupt photo is reported).
    static let imageExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "webp", "gif", "bmp", "tif", "tiff", "heic", "heif", "avif",
    ]

    /// Collects inputs; throws when a folder cannot be listed or an output would overwrite an input. A named file
    /// that does not exist is still an input: it fails alone, with its reason, like any other bad file.
    public func collect(_ arguments: [String]) throws(PrepError) -> [PlannedInput] {
        let outputRoot = Self.resolved(outputFolder)
        var found: [(path: String, relative: String)] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
                found += try scan(argument, relativeTo: "", outputRoot: outputRoot)
            } else {
                found.append((argument, Self.stem(of: (argument as NSString).lastPathComponent)))
            }
        }
        guard !found.isEmpty else {
            throw PrepError(.noInputs, path: nil, message: "no images found in \(arguments.joined(separator: ", "))")
        }
        var used: Set<String> = []
        let inputPaths = Set(found.map { Self.resolved($0.path) })
        var inputs: [PlannedInput] = []
        for item in found {
            var name = item.relative + ".png"
            var counter = 2
            while used.contains(name) {
                name = "\(item.relative)-\(counter).png"
                counter += 1
            }
            used.insert(name)
            let output = (outputFolder as NSString).appendingPathComponent(name)
            if inputPaths.contains(Self.resolved(output)) {
                throw PrepError(
                    .outputCollision, path: output,
                    message: "writing here would overwrite the input \(item.path); choose an --output folder "
                        + "that holds no inputs")
            }
            inputs.append(PlannedInput(path: item.path, outputPath: output))
        }
        return inputs
    }

    private func scan(_ folder: String, relativeTo prefix: String, outputRoot: String) throws(PrepError)
        -> [(path: String, relative: String)]
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw PrepError(.unreadable, path: folder, message: "cannot list the folder: \(error.localizedDescription)")
        }
        var found: [(path: String, relative: String)] = []
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if recursive && Self.resolved(path) != outputRoot {
                    found += try scan(path, relativeTo: relative, outputRoot: outputRoot)
                }
            } else if Self.isRegularFile(path) && Self.looksLikeImage(path) {
                found.append((path, Self.stem(of: relative)))
            }
        }
        return found
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func looksLikeImage(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if imageExtensions.contains(ext) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: SniffedContent.headerLength)) ?? Data()
        if case .image = SniffedContent.sniff([UInt8](bytes)) { return true }
        return false
    }

    static func stem(of name: String) -> String {
        let ext = (name as NSString).pathExtension
        return ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
    }

    /// The absolute, symlink-free form of `path` (the path itself, made absolute, when it does not exist yet).
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if parent != path, !parent.isEmpty, let real = realpath(parent, nil) {
            defer { free(real) }
            return (String(cString: real) as NSString).appendingPathComponent(name)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}
