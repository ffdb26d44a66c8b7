//! Number and string formatting exactly as CPython prints them: float `repr`,
//! string `repr`, and the format-spec mini-language used by f-strings and `format()`.

use crate::error::{PyErr, PyResult};
use num_bigint::BigInt;

/// Splits Rust's shortest round-trip scientific form into (negative, digits, exponent)
/// where the value is `0.d1d2d3... * 10^(exp+1)`, i.e. `d1.d2d3... * 10^exp`.
fn sci_parts(s: &str) -> (bool, String, i32) {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (neg, digits, exp.parse().unwrap_or(0))
}

/// `repr(float)`: shortest round-trip digits, switching to exponent notation outside
/// `1e-4 <= |x| < 1e16` as Python does.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let (neg, digits, exp) = sci_parts(&format!("{x:e}"));
    // Rust gives the shortest length; among strings of that length Python picks the one
    // closest to the exact value, ties to even: that is the correctly rounded one.
    let (neg, digits, exp) = {
        let k = digits.len().max(1);
        let exact = format!("{x:.*e}", k - 1);
        match crate::floatparse::parse_f64(&exact) {
            Some(y) if y == x => sci_parts(&exact),
            _ => (neg, digits, exp),
        }
    };
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        format!("{sign}{}", place_point(&digits, exp, true))
    } else {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        format!(
            "{sign}{mant}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

/// Places the decimal point in `digits` (value `d1.d2... * 10^exp`). With `force_frac`
/// an integral result gets `.0`.
fn place_point(digits: &str, exp: i32, force_frac: bool) -> String {
    if exp >= 0 {
        let e = exp as usize;
        let (int, frac) = if digits.len() > e + 1 {
            (digits[..e + 1].to_string(), digits[e + 1..].to_string())
        } else {
            (
                format!("{digits}{}", "0".repeat(e + 1 - digits.len())),
                String::new(),
            )
        };
        if frac.is_empty() {
            if force_frac {
                format!("{int}.0")
            } else {
                int
            }
        } else {
            format!("{int}.{frac}")
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    }
}

/// `repr(str)` with Python's choice of quotes and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            // Not printable for CPython: controls, and the separators and format characters
            // that pasted text carries (no-break and zero-width spaces, byte order mark, ...);
            // unassigned code points are not tracked.
            c if c.is_control()
                || matches!(c as u32, 0x80..=0xa0 | 0xad | 0x1680 | 0x180e | 0x2000..=0x200f
                    | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff
                    | 0xfeff | 0xfff9..=0xfffb) =>
            {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `ascii()` of a repr: non-ASCII characters escaped as `\xe9`, `\u4e2d`, `\U0001f600`.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            v @ 0x80..=0xff => out.push_str(&format!("\\x{v:02x}")),
            v @ 0x100..=0xffff => out.push_str(&format!("\\u{v:04x}")),
            v => out.push_str(&format!("\\U{v:08x}")),
        }
    }
    out
}

/// A parsed format specification: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let w0 = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > w0 {
        let w: String = c[w0..i].iter().collect();
        s.width = w
            .parse()
            .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?;
        if s.width > (1 << 24) {
            return Err(PyErr::value_error(
                "Too many decimal digits in format string",
            ));
        }
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let p0 = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == p0 {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        let p: String = c[p0..i].iter().collect();
        let p: usize = p
            .parse()
            .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?;
        if p > 10_000 {
            return Err(PyErr::value_error("precision too big"));
        }
        s.precision = Some(p);
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// The fill character and alignment: the `0` flag fills with zeros (`format(3, '>03')` is
/// `003`) and, for numbers without an explicit alignment, pads after the sign.
fn fill_align(spec: &Spec, default_right: bool) -> (char, char) {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = match spec.align {
        Some(a) => a,
        None if spec.zero && default_right => '=',
        None if default_right => '>',
        None => '<',
    };
    (fill, align)
}

/// Pads `body` (with its sign already split off into `sign`) to the spec's width.
fn pad(sign: &str, body: &str, spec: &Spec, default_right: bool) -> String {
    let len = sign.chars().count() + body.chars().count();
    let (fill, align) = fill_align(spec, default_right);
    if len >= spec.width {
        return format!("{sign}{body}");
    }
    let n = spec.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

fn sign_str(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

fn group(int_part: &str, sep: Option<char>, every: usize) -> String {
    let Some(sep) = sep else {
        return int_part.to_string();
    };
    let chars: Vec<char> = int_part.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Groups a number's integer digits; zero padding (`0` fill, `=` alignment) takes part in the
/// grouping as in CPython: `format(1234, '010,')` is `00,001,234`. `others` is the width of the
/// sign, prefix and fraction around it.
fn group_padded(int: &str, spec: &Spec, every: usize, others: usize) -> String {
    if spec.grouping.is_none() || fill_align(spec, true) != ('0', '=') {
        return group(int, spec.grouping, every);
    }
    let need = spec.width.saturating_sub(others);
    let grouped_len = |d: usize| d + d.saturating_sub(1) / every;
    // The fewest digits whose grouped form fills the width (a close first guess, then adjusted).
    let mut d = int.len().max(need - need / (every + 1));
    while grouped_len(d) < need {
        d += 1;
    }
    while d > int.len() && grouped_len(d - 1) >= need {
        d -= 1;
    }
    group(
        &format!("{}{int}", "0".repeat(d - int.len())),
        spec.grouping,
        every,
    )
}

pub fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad("", &body, spec, false))
}

pub fn format_int(v: &BigInt, spec: &Spec) -> PyResult<String> {
    use num_traits::{Signed, ToPrimitive};
    if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = spec.ty {
        return format_float(v.to_f64().unwrap_or(f64::INFINITY), spec);
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let neg = v.is_negative();
    let a = v.abs();
    let (digits, prefix) = match spec.ty {
        None | Some('d') | Some('n') => (a.to_str_radix(10), ""),
        Some('x') => (a.to_str_radix(16), "0x"),
        Some('X') => (a.to_str_radix(16).to_ascii_uppercase(), "0X"),
        Some('o') => (a.to_str_radix(8), "0o"),
        Some('b') => (a.to_str_radix(2), "0b"),
        Some('c') => {
            let ch = v
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad("", &ch.to_string(), spec, false));
        }
        Some(t) => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            )))
        }
    };
    let every = if matches!(spec.ty, Some('x' | 'X' | 'o' | 'b')) {
        4
    } else {
        3
    };
    let sign = format!(
        "{}{}",
        sign_str(neg, spec),
        if spec.alt { prefix } else { "" }
    );
    let body = group_padded(&digits, spec, every, sign.len());
    Ok(pad(&sign, &body, spec, true))
}

/// Formats a non-negative finite float in fixed notation with `p` decimals.
fn fixed(a: f64, p: usize) -> String {
    format!("{a:.p$}")
}

/// Formats a non-negative finite float as `d.ddde+XX` with `p` decimals.
fn sci(a: f64, p: usize, upper: bool) -> String {
    let s = format!("{a:.p$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mant}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn strip_zeros(s: &str) -> String {
    if let Some((mant, exp)) = s.split_once(['e', 'E']) {
        let e = if s.contains('E') { 'E' } else { 'e' };
        return format!("{}{e}{exp}", strip_zeros(mant));
    }
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `g` formatting of a non-negative finite float with precision `p`.
fn general(a: f64, p: usize, upper: bool, alt: bool, min_frac: bool) -> String {
    let p = p.max(1);
    let exp = if a == 0.0 {
        0
    } else {
        let s = format!("{a:.*e}", p - 1);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let s = if exp >= -4 && exp < p as i32 {
        fixed(a, (p as i32 - 1 - exp).max(0) as usize)
    } else {
        sci(a, p - 1, upper)
    };
    if alt {
        return s;
    }
    let mut s = strip_zeros(&s);
    if min_frac && !s.contains(['.', 'e', 'E']) {
        s.push_str(".0");
    }
    s
}

pub fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(spec.ty, Some('E' | 'F' | 'G'));
    let body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_string()
        };
        if spec.ty == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match spec.ty {
            Some('f' | 'F') => fixed(a, spec.precision.unwrap_or(6)),
            Some('e' | 'E') => sci(a, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G' | 'n') => {
                general(a, spec.precision.unwrap_or(6), upper, spec.alt, false)
            }
            Some('%') => format!("{}%", fixed(a * 100.0, spec.precision.unwrap_or(6))),
            None => match spec.precision {
                Some(p) => general(a, p, false, spec.alt, true),
                None => float_repr(a),
            },
            Some(t) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{t}' for object of type 'float'"
                )))
            }
        }
    };
    // The alternate form always has a decimal point: `format(100.0, '#.3g')` is `100.`.
    let body = if spec.alt && a.is_finite() && !body.contains('.') {
        let at = body.find(['e', 'E', '%']).unwrap_or(body.len());
        format!("{}.{}", &body[..at], &body[at..])
    } else {
        body
    };
    let body = if spec.grouping.is_some() && a.is_finite() {
        let (int, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => body.split_at(i),
            None => (body.as_str(), ""),
        };
        let others = sign_str(neg, spec).len() + rest.chars().count();
        format!("{}{rest}", group_padded(int, spec, 3, others))
    } else {
        body
    };
    Ok(pad(sign_str(neg, spec), &body, spec, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, spec: &str) -> String {
        format_float(x, &parse_spec(spec).unwrap()).unwrap()
    }

    #[test]
    fn float_reprs_match_python() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-7, "1e-07"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (4.5, "4.5"),
            (1.5e300, "1.5e+300"),
            (123456789.123, "123456789.123"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
            (2.5e-5, "2.5e-05"),
            (-(2f64.powi(70)) * 1e-7, "-118059162071741.12"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (100.0, "100.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn format_specs_match_python() {
        assert_eq!(f(1.23456, ".4f"), "1.2346");
        assert_eq!(f(1.23456, "6.1f"), "   1.2");
        assert_eq!(f(-1.23456, "8.2f"), "   -1.23");
        assert_eq!(f(0.5, ".0f"), "0");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1234.5, ".3e"), "1.234e+03");
        assert_eq!(f(0.0001234, "g"), "0.0001234");
        assert_eq!(f(1234567.0, "g"), "1.23457e+06");
        assert_eq!(f(1.0, ".2"), "1.0");
        assert_eq!(f(0.25, ".1%"), "25.0%");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(3.0, "+.1f"), "+3.0");
        assert_eq!(f(3.0, "08.3f"), "0003.000");
        assert_eq!(f(3.0, "<8.1f"), "3.0     ");
        assert_eq!(f(3.0, "^9.1f"), "   3.0   ");
        let i = |v: i64, s: &str| format_int(&BigInt::from(v), &parse_spec(s).unwrap()).unwrap();
        assert_eq!(i(42, "5d"), "   42");
        assert_eq!(i(42, "05d"), "00042");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(1234, "08,"), "0,001,234");
        assert_eq!(i(1234, "010_x"), "0_0000_04d2");
        assert_eq!(i(3, ">03"), "003");
        assert_eq!(i(5, ".2f"), "5.00");
        assert_eq!(
            format_str("ab", &parse_spec(">5").unwrap()).unwrap(),
            "   ab"
        );
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
    }
}
