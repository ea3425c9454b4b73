/// Where nemo keeps its state, a folder the user can see: `$XDG_CONFIG_HOME/nemovideo`, or
/// `~/.config/nemovideo` when `XDG_CONFIG_HOME` is unset, empty or relative (the XDG rule).
///
/// Files in it, all written atomically with mode 0600 in a folder created with mode 0700:
/// `client_id` (``ClientIDStore``), `token.json` (``TokenCache``), `session.json` (``LastSessionStore``) and
/// `render_jobs.json` (``RenderJobStore``). Every store takes its folder as a parameter, so tests never touch the
/// real home.
public enum ConfigFolder {
    /// The folder's name inside the config home.
    public static let name = "nemovideo"

    /// The folder for `environment` (`XDG_CONFIG_HOME`, else `HOME`).
    ///
    /// - Throws: ``NemoAPIError/Code/configuration`` when neither gives an absolute path.
    public static func path(environment: [String: String]) throws(NemoAPIError) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return join(config, name)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw NemoAPIError(
                code: .configuration,
                message: "nemo cannot find your config folder: set HOME (or XDG_CONFIG_HOME) to an absolute path.")
        }
        return join(join(home, ".config"), name)
    }

    /// `folder/name` with exactly one slash between.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
