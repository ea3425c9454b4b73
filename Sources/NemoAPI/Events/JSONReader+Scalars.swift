extension JSONReader {
    /// Reads a quoted string; the fast path builds the `String` straight from the bytes.
    mutating func readString() throws(JSONParsingError) -> String {
        offset += 1  // the opening quote
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return string
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(from: start)
            }
            if byte < 0x20 {
                throw error("control characters must be escaped in strings")
            }
            offset += 1
        }
        throw error("the text ends inside a string")
    }

    /// Reads the rest of a string that has escapes, from its first unescaped byte at `start`.
    private mutating func readEscapedString(from start: Int) throws(JSONParsingError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                try readEscape()
            case 0..<0x20:
                throw error("control characters must be escaped in strings")
            default:
                scratch.append(byte)
                offset += 1
            }
        }
        throw error("the text ends inside a string")
    }

    /// Reads one escape (after its backslash) and appends its UTF-8 to `scratch`.
    private mutating func readEscape() throws(JSONParsingError) {
        guard let byte = current else {
            throw error("the text ends inside an escape")
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            offset += 1
            try readUnicodeEscape()
            return
        default:
            throw error("unknown escape \\\(Unicode.Scalar(byte))")
        }
        offset += 1
    }

    /// Reads the hex digits of a `\u` escape, and of the low surrogate that must follow a high one.
    private mutating func readUnicodeEscape() throws(JSONParsingError) {
        let unit = try readHex4()
        switch unit {
        case 0xD800...0xDBFF:
            let pairStart = offset
            if offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                offset += 2
                let low = try readHex4()
                if (0xDC00...0xDFFF).contains(low) {
                    appendUTF8(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                    return
                }
                offset = pairStart  // not a low surrogate: read that escape again on its own
            }
            appendUTF8("\u{FFFD}")
        case 0xDC00...0xDFFF:
            appendUTF8("\u{FFFD}")
        default:
            appendUTF8(Unicode.Scalar(unit)!)
        }
    }

    /// Reads four hex digits.
    private mutating func readHex4() throws(JSONParsingError) -> UInt32 {
        guard offset + 4 <= bytes.count else {
            throw error("the text ends inside a \\u escape")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Appends a scalar's UTF-8 to `scratch`.
    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: scalar.utf8)
    }

    /// Reads a number per the JSON grammar; integers of up to 15 digits skip text conversion.
    mutating func readNumber() throws(JSONParsingError) -> Double {
        let start = offset
        let negative = current == UInt8(ascii: "-")
        if negative {
            offset += 1
        }
        let integerStart = offset
        guard let first = current, Self.isDigit(first) else {
            throw error("expected a digit")
        }
        offset += 1
        if first != UInt8(ascii: "0") {
            skipDigits()
        }
        let integerEnd = offset
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try requireDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                offset += 1
            }
            try requireDigits()
        }
        if isInteger, integerEnd - integerStart <= 15 {
            var value = 0
            for index in integerStart..<integerEnd {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return negative ? -Double(value) : Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is out of range")
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) {
            offset += 1
        }
    }

    private mutating func requireDigits() throws(JSONParsingError) {
        guard let byte = current, Self.isDigit(byte) else {
            throw error("expected a digit")
        }
        skipDigits()
    }
}
