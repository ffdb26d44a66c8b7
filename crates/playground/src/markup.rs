//! Writing SVG markup as text, for the one part of the page too big for Yew's virtual DOM: the
//! graph (hundreds of nodes, thousands of elements), inserted with `Html::from_html_unchecked`.
//!
//! Nothing is "unchecked" here in practice: every text and attribute value goes through the
//! escapes below, since node labels come from user code and from share links. Element and
//! attribute names are always literals of our own code, never data.

/// Appends `text` as element content, with `&`, `<` and `>` escaped.
pub fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// Appends `value` for use inside a double-quoted attribute: `&`, `<`, `>`, `"` and `'` escaped.
pub fn push_attr_value(out: &mut String, value: &str) {
    push_escaped(out, value, true);
}

fn push_escaped(out: &mut String, text: &str, quotes: bool) {
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>') || (quotes && matches!(b, b'"' | b'\''));
    let mut rest = text;
    // Bytes, not chars: the special characters are ASCII, and no byte of a multi-byte UTF-8
    // character is ASCII, so a found position is a char boundary (and scanning is cheaper).
    while let Some(i) = rest.as_bytes().iter().position(special) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Appends `value` rounded to one decimal, like `{:.1}` (but ties away from zero, no `-0.0`, and
/// whole numbers without the decimal).
/// A graph's markup holds about 20 numbers per node; Rust's exact float formatting took over
/// half of the time to write it.
pub fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    // Coordinates are far inside i64's range; a non-finite one (a bug) is drawn at 0 rather
    // than written as `NaN`, which would void the whole path.
    let tenths = if tenths.is_finite() { tenths as i64 } else { 0 };
    if tenths < 0 {
        out.push('-');
    }
    let abs = tenths.unsigned_abs();
    push_uint(out, abs / 10);
    // Whole numbers without ".0": most sizes and many coordinates, a tenth of the markup.
    if abs % 10 != 0 {
        out.push('.');
        push_digit(out, abs % 10);
    }
}

/// Appends `value` in decimal. Written by hand: `core::fmt` was most of the time to write a
/// graph's markup in the (size-optimised) wasm, where it is not inlined.
pub fn push_uint(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    while start > 0 {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    // ASCII digits: always valid UTF-8.
    if let Ok(text) = std::str::from_utf8(&digits[start..]) {
        out.push_str(text);
    }
}

fn push_digit(out: &mut String, digit: u64) {
    out.push(char::from(b'0' + (digit % 10) as u8));
}

/// A start tag being written: `Tag::open(out, "rect").num("x", 1.0).end_empty()`.
pub struct Tag<'a> {
    out: &'a mut String,
    name: &'static str,
}

impl<'a> Tag<'a> {
    pub fn open(out: &'a mut String, name: &'static str) -> Self {
        out.push('<');
        out.push_str(name);
        Tag { out, name }
    }

    /// An attribute with a text value, escaped.
    pub fn attr(self, name: &'static str, value: &str) -> Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_attr_value(self.out, value);
        self.out.push('"');
        self
    }

    /// An attribute with a number, to one decimal (SVG coordinates).
    pub fn num(self, name: &'static str, value: f64) -> Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_num(self.out, value);
        self.out.push('"');
        self
    }

    /// An attribute with path data: numbers and command letters only, so nothing to escape.
    pub fn path(self, name: &'static str, d: &PathData) -> Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&d.0);
        self.out.push('"');
        self
    }

    /// An attribute with an integer (ids, lines).
    pub fn int(self, name: &'static str, value: usize) -> Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_uint(self.out, value as u64);
        self.out.push('"');
        self
    }

    /// Ends the start tag; the caller writes the content and `close(out, name)`.
    pub fn end(self) {
        self.out.push('>');
    }

    /// Ends an element without content.
    pub fn end_empty(self) {
        self.out.push_str("/>");
    }

    /// Ends the element with `text` (escaped) as its content.
    pub fn text(self, text: &str) {
        self.out.push('>');
        push_text(self.out, text);
        close(self.out, self.name);
    }
}

/// SVG path data. It holds only what `command` and `point` write, so it is written into an
/// attribute without escaping (a graph's edges are tens of kilobytes of it).
#[derive(Clone, Debug, Default)]
pub struct PathData(String);

impl PathData {
    /// Command letters and fixed parts (`"M"`, `"l5,10 5,-10z"`): literals of our code.
    pub fn command(&mut self, literal: &'static str) {
        debug_assert!(!literal.contains(['&', '<', '>', '"', '\'']));
        self.0.push_str(literal);
    }

    pub fn num(&mut self, value: f64) {
        push_num(&mut self.0, value);
    }

    pub fn point(&mut self, x: f64, y: f64) {
        push_num(&mut self.0, x);
        self.0.push(',');
        push_num(&mut self.0, y);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The end tag of an element opened with `Tag::open(..).end()`.
pub fn close(out: &mut String, name: &'static str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(value: &str) -> String {
        let mut out = String::new();
        push_attr_value(&mut out, value);
        out
    }

    fn text(value: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, value);
        out
    }

    #[test]
    fn text_cannot_open_a_tag_or_an_entity() {
        assert_eq!(
            text("a<b && c>d</text><script>x</script>"),
            "a&lt;b &amp;&amp; c&gt;d&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(text("&lt;"), "&amp;lt;");
        // Quotes are harmless in content and stay readable.
        assert_eq!(text(r#"say "hi" it's"#), r#"say "hi" it's"#);
    }

    #[test]
    fn attribute_values_cannot_end_their_quotes() {
        assert_eq!(
            attr(r#"x" onclick="alert(1)"#),
            "x&quot; onclick=&quot;alert(1)"
        );
        assert_eq!(attr("it's <b>&"), "it&#39;s &lt;b&gt;&amp;");
    }

    #[test]
    fn other_text_is_kept_as_is() {
        for s in [
            "",
            "x2",
            "变量 α → β …",
            "tensor([[3., 3.], [3., 3.]])",
            "🙂",
        ] {
            assert_eq!(attr(s), s);
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn numbers_have_one_decimal() {
        let num = |v: f64| {
            let mut out = String::new();
            push_num(&mut out, v);
            out
        };
        assert_eq!(num(0.0), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-3.16), "-3.2");
        assert_eq!(num(2.96), "3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-27.05), "-27.1");
        assert_eq!(num(123456.78), "123456.8");
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(num(v), "0");
        }
        for v in [0.05, 99.94, -612.3, 1e6 + 0.2] {
            assert_eq!(num(v), format!("{v:.1}"), "{v}");
        }
        for v in [0, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut out = String::new();
            push_uint(&mut out, v);
            assert_eq!(out, v.to_string());
        }
    }

    #[test]
    fn tags_are_written_with_escaped_values() {
        let mut out = String::new();
        Tag::open(&mut out, "text")
            .num("x", 1.25)
            .int("data-id", 7)
            .attr("data-label", "a\"b")
            .text("<x>");
        let mut d = PathData::default();
        d.command("M");
        d.point(1.0, -2.55);
        Tag::open(&mut out, "rect")
            .num("y", -0.04)
            .path("d", &d)
            .end_empty();
        assert_eq!(
            out,
            r#"<text x="1.3" data-id="7" data-label="a&quot;b">&lt;x&gt;</text><rect y="0" d="M1,-2.6"/>"#
        );
    }
}
