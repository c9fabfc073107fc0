import Symbolic

/// A small JSON reader that keeps positions: every value and object key carries its
/// source range, so that a diagnostic about a config key points at it, and numbers
/// keep their literal text (`0.00085` stays the exact decimal 85/100000, never a
/// binary double).
public indirect enum JSONNode: Sendable {
    case null
    case bool(Bool)
    /// The literal as written.
    case number(String)
    case string(String)
    case array([JSONEntry])
    /// Members in file order.
    case object([(key: String, keyRange: SourceRange, value: JSONEntry)])
}

/// A JSON value with where it is.
public struct JSONEntry: Sendable {
    public var node: JSONNode
    public var range: SourceRange

    /// The member `key` of an object.
    public subscript(key: String) -> JSONEntry? {
        guard case .object(let members) = node else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A malformed JSON document: where, and what was expected.
public struct JSONSyntaxError: Error, Sendable {
    public var message: String
    public var location: SourceLocation
}

public struct JSONReader {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var lineStart = 0

    /// The most nested arrays and objects read.
    static let maximumDepth = 200

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONEntry {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    var location: SourceLocation {
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SourceLocation(line: line, column: column, offset: offset)
    }

    func failure(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, location: location) }

    mutating func skipSpace() {
        while offset < bytes.count, [32, 9, 10, 13].contains(bytes[offset]) {
            if bytes[offset] == 10 { line += 1; lineStart = offset + 1 }
            offset += 1
        }
    }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func expect(_ c: Character) throws(JSONSyntaxError) {
        guard current == c.asciiValue else {
            throw failure(current == nil ? "expected '\(c)' before the end of the file" : "expected '\(c)'")
        }
        offset += 1
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONEntry {
        guard depth <= Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        let start = location
        let node: JSONNode
        switch current {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [(key: String, keyRange: SourceRange, value: JSONEntry)] = []
            skipSpace()
            if current == UInt8(ascii: "}") { offset += 1 } else {
                while true {
                    skipSpace()
                    let keyStart = location
                    guard current == UInt8(ascii: "\"") else { throw failure("expected a member name in double quotes") }
                    let key = try string()
                    let keyRange = SourceRange(start: keyStart, end: location)
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    let v = try value(depth: depth + 1)
                    members.append((key, keyRange, v))
                    skipSpace()
                    if current == UInt8(ascii: ",") { offset += 1; continue }
                    try expect("}")
                    break
                }
            }
            node = .object(members)
        case UInt8(ascii: "["):
            offset += 1
            var items: [JSONEntry] = []
            skipSpace()
            if current == UInt8(ascii: "]") { offset += 1 } else {
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if current == UInt8(ascii: ",") { offset += 1; continue }
                    try expect("]")
                    break
                }
            }
            node = .array(items)
        case UInt8(ascii: "\""): node = .string(try string())
        case UInt8(ascii: "t"): try word("true"); node = .bool(true)
        case UInt8(ascii: "f"): try word("false"); node = .bool(false)
        case UInt8(ascii: "n"): try word("null"); node = .null
        case UInt8(ascii: "N"): try word("NaN"); node = .number("NaN")
        case let c? where c == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c):
            let begin = offset
            if current == UInt8(ascii: "-") { offset += 1 }
            if current == UInt8(ascii: "I") { try word("Infinity"); node = .number(String(decoding: bytes[begin..<offset], as: UTF8.self)); break }
            var digits = 0
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(c) {
                offset += 1
                digits += 1
            }
            guard digits > 0 else { throw failure("expected a digit") }
            node = .number(String(decoding: bytes[begin..<offset], as: UTF8.self))
        case nil: throw failure("expected a value before the end of the file")
        default: throw failure("expected a value (an object, array, string, number, true, false or null)")
        }
        return JSONEntry(node: node, range: SourceRange(start: start, end: location))
    }

    mutating func word(_ w: String) throws(JSONSyntaxError) {
        for c in w.utf8 {
            guard current == c else { throw failure("expected '\(w)'") }
            offset += 1
        }
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        offset += 1
        var out: [UInt8] = []
        while true {
            guard let c = current, c != 10 else { throw failure("unterminated string") }
            offset += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                guard let e = current else { throw failure("unterminated string") }
                offset += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw failure("expected four hexadecimal digits after \\u") }
                    offset += 4
                    out += Array(String(Character(scalar)).utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
