public import Foundation

/// The body of a request: nothing, bytes in memory, JSON, a file streamed from disk, or multipart form data.
///
/// Files (``file(_:contentType:)`` and every ``MultipartFile``) are read by the transfer thread in small blocks as
/// the upload proceeds, so memory does not grow with their size.
public enum HTTPBody: Sendable {
    /// No body.
    case none
    /// Bytes sent as they are, with their `Content-Type`.
    case bytes([UInt8], contentType: String)
    /// JSON text (already encoded), sent as `application/json`.
    case json([UInt8])
    /// A file streamed from disk with its `Content-Type`.
    case file(URL, contentType: String)
    /// `multipart/form-data`: text fields first, then each file streamed from disk in its own part.
    case multipart([MultipartFile], fields: [MultipartField] = [])

    /// A JSON body from text.
    public static func json(text: String) -> HTTPBody {
        .json(Array(text.utf8))
    }

    /// A JSON body encoding `value` with `encoder`.
    ///
    /// - Throws: ``TransportError`` with code ``TransportError/Code/invalidRequest`` when `value` cannot be encoded.
    public static func json(
        encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()
    ) throws(TransportError) -> HTTPBody {
        do {
            return .json(Array(try encoder.encode(value)))
        } catch {
            throw TransportError(.invalidRequest, "could not encode the JSON body: \(error)")
        }
    }
}

/// A text field of a multipart body.
public struct MultipartField: Sendable, Hashable {
    /// The form field name.
    public var name: String
    /// The field's text.
    public var value: String

    /// Creates a text field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
