/// A request that failed: the service's refusal, or a network failure.
public enum FailureSignal: Sendable, Hashable {
    /// The service answered with an error (see ``APIEnvelope``).
    case service(ServiceFailure)
    /// No usable answer arrived.
    case network(NetworkFailure)
}

/// A request that got no usable answer: the connection failed or broke.
public struct NetworkFailure: Sendable, Hashable {
    /// How far the request got.
    public enum Phase: String, Sendable, Hashable {
        /// Nothing reached the service (name resolution or connection failed): safe to send again.
        case beforeSending
        /// The request was sent (or partly sent) and the answer did not come or broke off.
        case afterSending
    }

    /// How far the request got.
    public var phase: Phase
    /// What happened, for a person (e.g. `Connection refused`).
    public var reason: String

    /// Creates a network failure.
    public init(phase: Phase, reason: String) {
        self.phase = phase
        self.reason = reason
    }
}

extension FailureSignal {
    /// The raw `Retry-After` header, if the answer had one.
    var retryAfter: String? {
        if case .service(let failure) = self { failure.retryAfter } else { nil }
    }

    /// Whether the request certainly never reached the service.
    var neverReachedService: Bool {
        if case .network(let failure) = self { failure.phase == .beforeSending } else { false }
    }
}
