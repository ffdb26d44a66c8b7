//! Decimal text to `f64`, correctly rounded, accepting exactly what `str::parse::<f64>` accepts.
//!
//! Why not `str::parse`: core's parser (Eisel-Lemire with a big-decimal fallback) carries a
//! 10 KB table of 128-bit powers of five plus its own slow path, about 17 KB of wasm. Here the
//! exact value `digits * 10^exp` is divided out with the big integers Python's `int` already
//! needs. It is slower, but floats are parsed only for literals, `float(str)`, `round()` and
//! `repr(float)`, never in tensor kernels.

use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};

/// `s.parse::<f64>().ok()`: an optional sign, then `inf`, `infinity` or `nan` (any case), or
/// digits with an optional `.` (at least one digit in all) and an optional exponent
/// `e`/`E`, optional sign, at least one digit.
pub fn parse_f64(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        parse_decimal(body.as_bytes())?
    };
    Some(if neg { -v } else { v })
}

/// An unsigned decimal number (no sign, no inf/nan).
fn parse_decimal(b: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new();
    let mut n_digits = 0usize;
    // Decimal exponent of the last digit kept in `digits`.
    let mut exp: i64 = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        n_digits += 1;
        if !(digits.is_empty() && b[i] == b'0') {
            digits.push(b[i] - b'0');
        }
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            n_digits += 1;
            exp -= 1;
            if !(digits.is_empty() && b[i] == b'0') {
                digits.push(b[i] - b'0');
            }
            i += 1;
        }
    }
    if n_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let e0 = i;
        let mut e: i64 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturates: any exponent this large already means 0 or infinity.
            e = (e * 10 + i64::from(b[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == e0 {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    // Trailing zeros only scale the exponent.
    while digits.last() == Some(&0) {
        digits.pop();
        exp += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    // The value lies in [10^(mag-1), 10^mag).
    let mag = digits.len() as i64 + exp;
    if mag > 310 {
        return Some(f64::INFINITY);
    }
    if mag < -324 {
        // Below 10^-325, under half the smallest subnormal (4.9e-324).
        return Some(0.0);
    }
    let mut m = BigUint::zero();
    for chunk in digits.chunks(9) {
        let mut v = 0u32;
        for &d in chunk {
            v = v * 10 + u32::from(d);
        }
        m = m * 10u32.pow(chunk.len() as u32) + v;
    }
    let (num, den) = if exp >= 0 {
        (m * BigUint::from(10u32).pow(exp as u32), BigUint::one())
    } else {
        (m, BigUint::from(10u32).pow((-exp) as u32))
    };
    Some(ratio_to_f64(&num, &den))
}

/// `num / den` (both positive) rounded to the nearest `f64`, ties to even.
fn ratio_to_f64(num: &BigUint, den: &BigUint) -> f64 {
    // num/den is in [2^(bl-1), 2^(bl+1)); aim the quotient at 53 significant bits.
    let bl = num.bits() as i64 - den.bits() as i64;
    let mut e2 = (bl - 53).max(-1074);
    loop {
        let (q, r, d) = if e2 >= 0 {
            let d = den << (e2 as usize);
            let (q, r) = (num / &d, num % &d);
            (q, r, d)
        } else {
            let n = num << ((-e2) as usize);
            (&n / den, &n % den, den.clone())
        };
        let mut q = q.to_u64().unwrap_or(u64::MAX);
        if q >= 1 << 53 {
            // The estimate was one bit low.
            e2 += 1;
            continue;
        }
        let twice_r = r << 1usize;
        if twice_r > d || (twice_r == d && q & 1 == 1) {
            q += 1;
        }
        // q < 2^52 only at e2 = -1074 (subnormal); q = 2^53 after rounding carries into the
        // exponent field. Both fall out of adding q to the biased exponent below.
        let bits = if q < 1 << 52 {
            q
        } else {
            (((e2 + 1075) as u64) << 52) + (q - (1 << 52))
        };
        return if bits >= 0x7ff0_0000_0000_0000 {
            f64::INFINITY
        } else {
            f64::from_bits(bits)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    fn same(s: &str) {
        let want = s.parse::<f64>().ok();
        let got = parse_f64(s);
        match (want, got) {
            (Some(w), Some(g)) => assert!(
                w.to_bits() == g.to_bits() || (w.is_nan() && g.is_nan()),
                "{s:?}: std {w:e}, ours {g:e}"
            ),
            (None, None) => {}
            _ => panic!("{s:?}: std {want:?}, ours {got:?}"),
        }
    }

    #[test]
    fn agrees_with_std() {
        for s in [
            "0",
            "0.0",
            "1",
            "1.",
            ".5",
            ".",
            "",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1e5",
            "1E5",
            "+1",
            "-1",
            "+-1",
            "--1",
            "-",
            "+",
            "inf",
            "-Infinity",
            "NaN",
            "nan",
            "infinit",
            "infx",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2e308",
            "1e309",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "1e-400",
            "1e400",
            "0e999999",
            "0.000000000000000000000000000001",
            "123456789012345678901234567890",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000001",
            "1e99999999999999999999999",
            "1e-99999999999999999999999",
            "3.14159",
            "1_0",
            " 1",
            "1 ",
            "0x10",
            "1.5e-5",
            "00012.5000",
            "5e-324",
            "3e-324",
            "8.98846567431158e307",
        ] {
            same(s);
        }
    }

    #[test]
    fn round_trips_many() {
        // A deterministic spread of bit patterns, printed shortest and long, and parsed back.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x);
            if !f.is_finite() {
                continue;
            }
            same(&format!("{f:e}"));
            same(&format!("{f:.20e}"));
            same(&format!("{:.3e}", f));
            same(&format!("{}", f as f32));
        }
        for k in -330..310 {
            same(&format!("1e{k}"));
            same(&format!("5e{k}"));
            same(&format!("2.5e{k}"));
        }
    }
}
