/// The WHATWG Encoding standard's "UTF-8 decode", transcribed step by step: slow and literal.
///
/// It strips a byte order mark at the start only, and replaces each invalid sequence with U+FFFD
/// exactly as the standard's UTF-8 decoder does (one U+FFFD per maximal invalid subpart).
/// Used by the tests and by the differential fuzzer (Fuzz/fuzz-sse).
public enum ReferenceUTF8Decoder {
    /// Decodes a whole byte stream into Unicode scalars.
    public static func decode(_ input: [UInt8]) -> [Unicode.Scalar] {
        var bytes = input[...]
        // "UTF-8 decode": if the first three bytes are 0xEF 0xBB 0xBF, read and discard them.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        var output: [Unicode.Scalar] = []
        var codePoint: UInt32 = 0
        var bytesSeen = 0
        var bytesNeeded = 0
        var lowerBoundary: UInt8 = 0x80
        var upperBoundary: UInt8 = 0xBF
        var index = bytes.startIndex
        while true {
            guard index < bytes.endIndex else {
                // End of queue: an unfinished sequence is an error.
                if bytesNeeded != 0 {
                    output.append("\u{FFFD}")
                }
                return output
            }
            let byte = bytes[index]
            index += 1
            if bytesNeeded == 0 {
                switch byte {
                case 0x00...0x7F:
                    output.append(Unicode.Scalar(byte))
                case 0xC2...0xDF:
                    bytesNeeded = 1
                    codePoint = UInt32(byte & 0x1F)
                case 0xE0...0xEF:
                    if byte == 0xE0 { lowerBoundary = 0xA0 }
                    if byte == 0xED { upperBoundary = 0x9F }
                    bytesNeeded = 2
                    codePoint = UInt32(byte & 0xF)
                case 0xF0...0xF4:
                    if byte == 0xF0 { lowerBoundary = 0x90 }
                    if byte == 0xF4 { upperBoundary = 0x8F }
                    bytesNeeded = 3
                    codePoint = UInt32(byte & 0x7)
                default:
                    output.append("\u{FFFD}")
                }
                continue
            }
            if byte < lowerBoundary || byte > upperBoundary {
                // Reset, restore the byte to the queue (it is processed again), and emit an error.
                codePoint = 0
                bytesNeeded = 0
                bytesSeen = 0
                lowerBoundary = 0x80
                upperBoundary = 0xBF
                index -= 1
                output.append("\u{FFFD}")
                continue
            }
            lowerBoundary = 0x80
            upperBoundary = 0xBF
            codePoint = (codePoint << 6) | UInt32(byte & 0x3F)
            bytesSeen += 1
            if bytesSeen != bytesNeeded {
                continue
            }
            output.append(Unicode.Scalar(codePoint)!)
            codePoint = 0
            bytesNeeded = 0
            bytesSeen = 0
        }
    }
}
