import Crypto

/// SHA-256 helpers.
enum Digest {
    /// The SHA-256 of `bytes`, lowercase hex.
    static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
