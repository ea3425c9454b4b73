/// The answer to `POST /api/upload-video/nemo_agent/me/<sid>`: `data.files[]` and `data.session_state_applied`.
public struct UploadResponse: WireDecodable, Hashable {
    /// The files the service stored, in the order sent.
    public var files: [UploadedFile]
    /// Whether the service added the files to the session's state, when it says.
    public var sessionStateApplied: Bool?

    /// Creates a response.
    public init(files: [UploadedFile], sessionStateApplied: Bool? = nil) {
        self.files = files
        self.sessionStateApplied = sessionStateApplied
    }

    /// Reads `data`: `files` (or `data` itself when it is the array); entries without a name are skipped.
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        let entries: [JSONValue]
        if let array = payload.arrayValue {
            entries = array
        } else {
            let object = try WireObject(payload, "upload response")
            guard let array = object.any("files", "file_list", "items")?.arrayValue else {
                throw .malformedResponse("upload response: `files` is missing")
            }
            entries = array
            sessionStateApplied = object.bool("session_state_applied", "sessionStateApplied")
        }
        files = entries.compactMap(UploadedFile.init(wire:))
    }
}
