//! Python syntax colouring for the editor overlay.
//!
//! A small scanner of its own rather than `interp`'s lexer: the page must colour half-typed code
//! that the real lexer rejects (an open string, a stray bracket), and the real lexer would bring
//! big integers and the interpreter's error types into the page's wasm. Colouring is display only;
//! what runs is always parsed by `interp`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Plain,
    Keyword,
    Builtin,
    Name,
    Number,
    Str,
    Comment,
    Op,
}

impl Class {
    pub fn css(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Keyword => "tok-kw",
            Class::Builtin => "tok-builtin",
            Class::Name => "",
            Class::Number => "tok-num",
            Class::Str => "tok-str",
            Class::Comment => "tok-comment",
            Class::Op => "tok-op",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "type",
    "isinstance",
    "str",
    "repr",
    "int",
    "float",
    "bool",
    "abs",
    "round",
    "min",
    "max",
    "sum",
    "sorted",
    "reversed",
    "list",
    "tuple",
    "dict",
    "enumerate",
    "zip",
    "map",
    "filter",
    "any",
    "all",
    "torch",
    "self",
    "super",
];

/// Splits `src` into (class, text) runs that concatenate back to `src` exactly.
pub fn highlight(src: &str) -> Vec<(Class, &str)> {
    let bytes = src.as_bytes();
    let mut out: Vec<(Class, &str)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        let class = if c == b'#' {
            i = find_from(bytes, i, |b| b == b'\n');
            Class::Comment
        } else if c == b'"'
            || c == b'\''
            || (matches!(c, b'f' | b'r' | b'b') && next_is_quote(bytes, i))
        {
            i = string_end(bytes, i);
            Class::Str
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i = find_from(bytes, i, |b| {
                !(b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
            });
            Class::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            i = find_from(bytes, i, |b| {
                !(b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
            });
            let word = &src[start..i];
            if KEYWORDS.contains(&word) {
                Class::Keyword
            } else if BUILTINS.contains(&word) {
                Class::Builtin
            } else {
                Class::Name
            }
        } else if b"+-*/%@=<>!&|^~".contains(&c) {
            i += 1;
            Class::Op
        } else {
            i += 1;
            Class::Plain
        };
        // Never split a UTF-8 character: move to the next char boundary.
        while i < bytes.len() && !src.is_char_boundary(i) {
            i += 1;
        }
        match out.last_mut() {
            Some((last, text)) if *last == class && class != Class::Name => {
                *text = &src[start - text.len()..i];
            }
            _ => out.push((class, &src[start..i])),
        }
    }
    out
}

fn find_from(bytes: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| stop(b))
        .map_or(bytes.len(), |p| from + p)
}

fn next_is_quote(bytes: &[u8], i: usize) -> bool {
    let mut j = i;
    while j < bytes.len()
        && j < i + 2
        && matches!(bytes[j], b'f' | b'r' | b'b' | b'F' | b'R' | b'B')
    {
        j += 1;
    }
    matches!(bytes.get(j), Some(b'"') | Some(b'\''))
}

/// End of the string literal starting at `i` (prefix letters included): the closing quote, the
/// end of the line for an unterminated one-line string, or the end of the text.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while !matches!(bytes[i], b'"' | b'\'') {
        i += 1;
    }
    let quote = bytes[i];
    let triple = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
    i += if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            b if b == quote
                && (!triple
                    || (bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote))) =>
            {
                return i + if triple { 3 } else { 1 };
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(src: &str) -> Vec<(Class, &str)> {
        highlight(src)
            .into_iter()
            .filter(|(c, _)| *c != Class::Plain)
            .collect()
    }

    #[test]
    fn runs_concatenate_back_to_the_source() {
        for src in [
            "x2 = torch.ones(2, 2, requires_grad=True)\n",
            "'''\ntensor([1.])\n'''",
            "s = 'open",
            "é = '你好' # 注释",
            "f'{x:.4f}'",
            "\\",
        ] {
            let joined: String = highlight(src).into_iter().map(|(_, t)| t).collect();
            assert_eq!(joined, src);
        }
    }

    #[test]
    fn colours_the_lesson_code() {
        let got = classes("with torch.no_grad():\n    print((x ** 2).requires_grad)  # False\n");
        assert!(got.contains(&(Class::Keyword, "with")));
        assert!(got.contains(&(Class::Builtin, "torch")));
        assert!(got.contains(&(Class::Builtin, "print")));
        assert!(got.contains(&(Class::Op, "**")));
        assert!(got.contains(&(Class::Number, "2")));
        assert!(got.contains(&(Class::Comment, "# False\n".trim_end())));
    }

    #[test]
    fn strings_in_all_their_forms() {
        assert_eq!(classes("'''a\nb'''"), vec![(Class::Str, "'''a\nb'''")]);
        assert_eq!(classes("f\"{x}\""), vec![(Class::Str, "f\"{x}\"")]);
        assert_eq!(classes("'it\\'s'"), vec![(Class::Str, "'it\\'s'")]);
        // An unterminated string stops at the end of its line.
        assert_eq!(classes("'abc\nx")[0], (Class::Str, "'abc"));
    }
}
