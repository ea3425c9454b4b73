import Testing

/// Every transport test, one at a time: several measure timing or the process's peak memory, which other tests
/// running beside them would disturb.
@Suite(.serialized)
struct TransportTests {}
