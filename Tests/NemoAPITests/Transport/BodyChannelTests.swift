import Testing

@testable import NemoAPI

/// The queue between curl's thread and the stream's reader.
@Suite("Body channel")
struct BodyChannelTests {
    @Test("a reader that never catches up does not keep the chunks it has read: the queue stays bounded")
    func readChunksAreReleased() async throws {
        let channel = BodyChannel(highWater: 1 << 20)
        func chunk(_ number: Int) -> [UInt8] { [UInt8](repeating: UInt8(truncatingIfNeeded: number), count: 1_024) }
        // Two chunks ahead of the reader for the whole run, as when parsing is slower than the network.
        #expect(channel.offer(chunk(0)) == .accepted)
        #expect(channel.offer(chunk(1)) == .accepted)
        for number in 0..<10_000 {
            let read = try await channel.next(isolation: nil).get()
            #expect(read?.first == UInt8(truncatingIfNeeded: number) && read?.count == 1_024)
            #expect(channel.offer(chunk(number + 2)) == .accepted)
        }
        #expect(channel.storedChunkCount <= BodyChannel.compactionThreshold + 2)
        #expect(channel.heldByteCount == 2 * 1_024, "only the two unread chunks are kept")
        channel.finish(.success(()))
        let first = try await channel.next(isolation: nil).get()
        let second = try await channel.next(isolation: nil).get()
        #expect(first?.first == UInt8(truncatingIfNeeded: 10_000) && second?.first == UInt8(truncatingIfNeeded: 10_001))
        let end = try await channel.next(isolation: nil).get()
        #expect(end == nil)
    }
}
