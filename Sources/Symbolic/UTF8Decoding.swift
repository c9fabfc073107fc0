/// Strict UTF-8 decoding one scalar at a time, shared by the lexer and the diagnostic
/// formatter so that both agree on what a column is.
///
/// The standard library's decoders repair bad input silently; the lexer has to stop at
/// the first bad byte and say which byte it was, so this follows the Unicode
/// well-formedness table (no overlong forms, no surrogates, nothing above U+10FFFF) by
/// hand.
enum UTF8Decoding {
    /// The scalar starting at `offset` and its length in bytes, or `nil` and length 1
    /// when the byte at `offset` does not begin a well-formed sequence.
    static func decode(_ bytes: [UInt8], at offset: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }

        func continuation(_ i: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard i < bytes.count, bytes[i] >= low, bytes[i] <= high else { return nil }
            return UInt32(bytes[i] & 0x3F)
        }

        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(offset + 1) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1), 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(offset + 1, low, high),
                  let c2 = continuation(offset + 2) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2), 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(offset + 1, low, high),
                  let c2 = continuation(offset + 2),
                  let c3 = continuation(offset + 3) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3), 4)
        default:
            return (nil, 1)
        }
    }
}
