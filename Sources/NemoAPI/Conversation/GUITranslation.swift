/// What the client does instead of a GUI step the agent described.
public enum ClientAction: Sendable, Hashable {
    /// Run the export flow ("click Export", "导出").
    case runExport
    /// Read the session state ("open the ... panel", "打开").
    case readState
    /// Print the timeline summary ("preview in timeline").
    case showTimelineSummary
    /// Send this edit to the agent as a message ("drag/drop", "拖拽", or "click" on an editing control).
    case sendMessage(String)
    /// Upload files ("click Upload").
    case upload
    /// Show the credit balance ("click Credits").
    case showCredits
}

/// A GUI step found in the agent's text.
public enum GUIInstruction: String, Sendable, Hashable, CaseIterable {
    /// "Export" / "导出" as a control.
    case export
    /// "preview in timeline".
    case previewInTimeline
    /// "drag/drop" / "拖拽".
    case dragDrop
    /// "open" / "打开".
    case open
    /// "click" / "点击".
    case click
}

/// The agent's text as the client shows it, and what the client does.
public struct GUITranslation: Sendable, Hashable {
    /// The text to show: sentences without GUI steps unchanged, each sentence with one replaced by what the client
    /// does instead.
    public var text: String
    /// The actions to take (or offer), in the order of the text, without repeats.
    public var actions: [ClientAction]
    /// The GUI steps found, in order.
    public var instructions: [GUIInstruction]

    /// Creates a translation.
    public init(text: String, actions: [ClientAction], instructions: [GUIInstruction]) {
        self.text = text
        self.actions = actions
        self.instructions = instructions
    }
}
