import CFlintArb

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// Canonical text: "3", "-3/4", "1/8". Parsing it gives the same value back.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// Parses `description` or returns nil; see `init(parsing:)` for the syntax.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }

    /// Parses an exact rational:
    ///
    ///     number   = [sign] decimal [ "/" decimal ]
    ///     decimal  = digits [ "." [digits] ] [ exponent ] | "." digits [ exponent ]
    ///     exponent = ("e" | "E") [sign] digits
    ///
    /// Decimals are exact: "0.1" is 1/10, "1e-3" is 1/1000, "2.5E+2" is 250. Exponents
    /// beyond ±`ExactBudget.maximumDecimalExponent` and zero denominators throw.
    public init(parsing text: some StringProtocol) throws(ArithmeticError) {
        let string = String(text)
        let parts = string.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var value = try Rational.parseDecimal(parts[0], whole: string, allowSign: true)
        if parts.count == 2 {
            let denominator = try Rational.parseDecimal(parts[1], whole: string, allowSign: false)
            guard !denominator.isZero else { throw .divisionByZero }
            value = value / denominator
        }
        self = value
    }

    private static func parseDecimal(_ text: Substring, whole: String, allowSign: Bool) throws(ArithmeticError) -> Rational {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if allowSign, let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        let intDigits = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(intDigits.count)
        var fracDigits: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fracDigits = bytes.prefix(while: isDigit)
            bytes = bytes.dropFirst(fracDigits.count)
        }
        guard !intDigits.isEmpty || !fracDigits.isEmpty else { throw .invalidNumber(whole) }
        var exponent = 0
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                expNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            let expDigits = bytes.prefix(while: isDigit)
            guard !expDigits.isEmpty else { throw .invalidNumber(whole) }
            bytes = bytes.dropFirst(expDigits.count)
            let trimmed = expDigits.drop(while: { $0 == UInt8(ascii: "0") })
            guard trimmed.count <= 7, let magnitude = Int(String(decoding: trimmed.isEmpty ? [48] : Array(trimmed), as: UTF8.self)),
                  magnitude <= ExactBudget.maximumDecimalExponent else {
                throw .tooLarge("decimal exponent in '\(whole.prefix(40))' exceeds \(ExactBudget.maximumDecimalExponent)")
            }
            exponent = expNegative ? -magnitude : magnitude
        }
        guard bytes.isEmpty else { throw .invalidNumber(whole) }
        let digits = String(decoding: Array(intDigits) + Array(fracDigits), as: UTF8.self)
        guard let mantissa = BigInt(digits) else {
            throw .tooLarge("a number with \(digits.count) digits")
        }
        let scale = exponent - fracDigits.count
        let power = try Rational(10).power(scale)
        let value = Rational(mantissa) * power
        return negative ? -value : value
    }

    /// A decimal approximation with `digits` significant digits, correctly rounded
    /// (round half to even), e.g. "0.3333333333" or "1.234e-12"; integers and
    /// terminating values print without trailing zeros.
    public func decimalString(significantDigits digits: Int = 17) -> String {
        if isZero { return "0" }
        let digits = Swift.max(1, digits)
        var buffer = [CChar](repeating: 0, count: digits + 64)
        return withMPFR(precision: Int(Double(digits) * 3.33) + 16) { f in
            buffer.withUnsafeMutableBufferPointer { buf in
                var exp: mpfr_exp_t = 0
                mpfr_get_str(buf.baseAddress, &exp, 10, digits, f, MPFR_RNDN)
                var mantissa = String(cString: buf.baseAddress!)
                var sign = ""
                if mantissa.hasPrefix("-") { sign = "-"; mantissa.removeFirst() }
                while mantissa.count > 1 && mantissa.hasSuffix("0") { mantissa.removeLast() }
                return sign + Rational.formatScientific(mantissa: mantissa, exponent: Int(exp))
            }
        }
    }

    func withMPFR<T>(precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> T) -> T {
        let f = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 1)
        mpfr_init2(f, mpfr_prec_t(precision))
        mpfr_set_q(f, pointer, MPFR_RNDN)
        defer { mpfr_clear(f); f.deallocate() }
        return body(f)
    }

    /// Digits d1d2…dn with value 0.d1d2…dn × 10^exponent, in plain notation when the
    /// decimal point falls within a few places, scientific otherwise.
    static func formatScientific(mantissa: String, exponent: Int) -> String {
        let n = mantissa.count
        if exponent > 0 && exponent <= 21 {
            if exponent >= n { return mantissa + String(repeating: "0", count: exponent - n) }
            let i = mantissa.index(mantissa.startIndex, offsetBy: exponent)
            return mantissa[..<i] + "." + mantissa[i...]
        }
        if exponent <= 0 && exponent > -6 {
            return "0." + String(repeating: "0", count: -exponent) + mantissa
        }
        let head = mantissa.prefix(1), tail = mantissa.dropFirst()
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + String(exponent - 1)
    }
}
