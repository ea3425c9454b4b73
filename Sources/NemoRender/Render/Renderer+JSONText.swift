import NemoAPI

extension Renderer {
    /// Renders a draft given as JSON text at `width` x `height`, finding each media URL's file with `localFile`:
    /// the shape nemo-mock's export hook needs.
    public static func render(
        draftJSON: String, width: Int, height: Int, to path: String,
        localFile: @escaping @Sendable (String) -> String?, progress: (Double) -> Void
    ) throws(RenderError) {
        let draft: JSONValue
        do {
            draft = try JSONValue(parsing: draftJSON)
        } catch {
            throw RenderError(.invalidDraft, "The draft is not valid JSON (\(error)): read the state and send its draft.")
        }
        _ = try render(
            draft: draft, to: path, options: RenderOptions(width: width, height: height),
            resolve: { reference in reference.url.flatMap(localFile) }, progress: { progress($0.fraction) })
    }
}
