/// The answer to `GET /api/credits/balance/simple`: `available`, `frozen` (held by runs in progress), `total`.
public struct CreditBalance: WireDecodable, Hashable {
    /// Credits that can be spent now.
    public var available: Int
    /// Credits held by runs in progress (charged when they end).
    public var frozen: Int
    /// Available plus frozen, as the service reports it.
    public var total: Int

    /// Creates a balance.
    public init(available: Int, frozen: Int, total: Int) {
        self.available = available
        self.frozen = frozen
        self.total = total
    }

    /// Reads `data`; numbers sent as strings are accepted, a missing `frozen` is 0 and a missing `total` is
    /// `available + frozen`.
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        let object = try WireObject(payload, "credit balance")
        guard let available = object.int("available", "available_credits", "balance") else {
            throw .malformedResponse("credit balance: `available` is missing")
        }
        self.available = available
        frozen = object.int("frozen", "frozen_credits") ?? 0
        total = object.int("total", "total_credits") ?? available + frozen
    }

    /// One line for a person, e.g. `Credits: 50 available, 50 in use by a run, 100 total`.
    public var summary: String {
        var text = "Credits: \(available) available"
        if frozen > 0 { text += ", \(frozen) in use by a run" }
        return text + ", \(total) total"
    }
}
