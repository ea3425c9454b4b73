extension TitlePosition {
    /// The position a draft's `m.position` names: "top", "bottom", else the centre.
    init(name: String?) {
        switch name?.lowercased() {
        case "top", "upper", "header": self = .top
        case "bottom", "lower", "footer", "subtitle", "caption": self = .bottom
        default: self = .centre
        }
    }
}
