import HTTPTypes
import HummingbirdCore

/// A request as the handlers see it: head, collected body, and the scenario and faults in force.
struct MockRequest: Sendable {
    var method: String
    var path: String
    /// Path segments, percent-decoded.
    var segments: [String]
    var headers: HTTPFields
    /// The `Host` the client addressed (HTTP/1.1 `Host`, kept by HTTPTypes as the authority).
    var authority: String?
    var body: [UInt8]
    var remoteIP: String
    var scenario: Scenario
    var faults: [Fault]
    /// A multipart upload's body, left unread so the upload route can stream it to disk (`body` is then empty).
    var bodyStream: RequestBody? = nil

    /// The value of header `name` (case-insensitive), or nil.
    func header(_ name: String) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        return headers[field]
    }

    /// The base URL clients reach this server at (from the `Host` header).
    var baseURL: String { "http://\(authority ?? header("host") ?? "127.0.0.1")" }

    /// The `X-Skill-Source` slug.
    var profile: String? { header("x-skill-source")?.lowercased() }

    /// Whether all three attribution headers are present and non-empty.
    var hasAttribution: Bool {
        ["x-skill-source", "x-skill-version", "x-skill-platform"].allSatisfy { !(header($0) ?? "").isEmpty }
    }

    /// The body parsed as a JSON object, with the service's answers to a wrong content type or bad JSON.
    func jsonObject() throws(APIFailure) -> JSONValue {
        let type = (header("content-type") ?? "").lowercased()
        guard type.hasPrefix("application/json") || type.contains("+json") else {
            throw APIFailure(envelope: .http(415), message: "Send the body as JSON with Content-Type: application/json")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest("Malformed JSON body: \(error)")
        }
        guard case .object = value else { throw .badRequest("The JSON body must be an object") }
        return value
    }
}
