//! Tokenizer: turns source text into tokens, with NEWLINE/INDENT/DEDENT from an
//! indentation stack and implicit line joining inside brackets, as CPython's tokenizer.
//!
//! Tokenizing never fails outright: it returns the tokens up to the first error and the
//! error itself, so the parser can report an earlier syntax error first (as CPython does).

use crate::error::PyErr;
use crate::span::Span;
use num_bigint::BigInt;
use std::rc::Rc;

/// CPython's MAXLEVEL: more nested brackets is "too many nested parentheses".
pub const MAX_BRACKET_DEPTH: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// Shared, so that the parser's look-ahead and the AST's names copy a pointer.
    Name(Rc<str>),
    Int(BigInt),
    Float(f64),
    Imaginary,
    /// A string literal. `fstring` holds the raw (unescaped) body of an f-string;
    /// `value` the processed text of a plain string.
    Str {
        value: String,
        fstring: Option<String>,
        bytes: bool,
    },
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// Bracket nesting level before this token.
    pub level: usize,
}

/// The operators that start with `c`, longest first so that greedy matching works (as in
/// CPython's tokenizer). A match on the first character: this runs for every operator token,
/// and `import torch` tokenizes some 50 KB of Python.
fn operators_starting_with(c: char) -> &'static [&'static str] {
    match c {
        '*' => &["**=", "**", "*=", "*"],
        '/' => &["//=", "//", "/=", "/"],
        '>' => &[">>=", ">>", ">=", ">"],
        '<' => &["<<=", "<<", "<=", "<"],
        '.' => &["...", "."],
        '-' => &["->", "-=", "-"],
        ':' => &[":=", ":"],
        '=' => &["==", "="],
        '!' => &["!="],
        '+' => &["+=", "+"],
        '%' => &["%=", "%"],
        '&' => &["&=", "&"],
        '|' => &["|=", "|"],
        '^' => &["^=", "^"],
        '@' => &["@=", "@"],
        '~' => &["~"],
        '(' => &["("],
        ')' => &[")"],
        '[' => &["["],
        ']' => &["]"],
        '{' => &["{"],
        '}' => &["}"],
        ',' => &[","],
        ';' => &[";"],
        _ => &[],
    }
}

pub struct Lexer<'a> {
    src: &'a [char],
    pos: usize,
    line: u32,
    line_start: usize,
    /// Offsets added to positions, for sub-lexing f-string expressions.
    base_line: u32,
    base_col: u32,
    indents: Vec<usize>,
    brackets: Vec<(char, Span)>,
    tokens: Vec<Token>,
    at_line_start: bool,
}

/// Tokenizes `src`. Returns all tokens produced before the first error and that error.
pub fn tokenize(src: &str) -> (Vec<Token>, Option<PyErr>) {
    let chars: Vec<char> = src.chars().collect();
    let mut lx = Lexer::new(&chars, 0, 0);
    let err = lx.run(true).err();
    (lx.tokens, err)
}

/// Tokenizes an expression embedded in an f-string that starts at (line, col).
pub fn tokenize_at(src: &str, line: u32, col: u32) -> (Vec<Token>, Option<PyErr>) {
    let chars: Vec<char> = src.chars().collect();
    let mut lx = Lexer::new(&chars, line.saturating_sub(1), col);
    let err = lx.run(false).err();
    (lx.tokens, err)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_id_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Lexer<'a> {
    fn new(src: &'a [char], base_line: u32, base_col: u32) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            line: 1,
            line_start: 0,
            base_line,
            base_col,
            indents: vec![0],
            brackets: Vec::new(),
            tokens: Vec::new(),
            at_line_start: true,
        }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.pos + n).copied()
    }

    fn col_of(&self, pos: usize) -> u32 {
        let col = (pos - self.line_start) as u32;
        if self.line == 1 {
            col + self.base_col
        } else {
            col
        }
    }

    fn here(&self) -> (u32, u32) {
        (self.line + self.base_line, self.col_of(self.pos))
    }

    fn span_from(&self, start: (u32, u32)) -> Span {
        let (l, c) = self.here();
        Span::new(start.0, start.1, l, c)
    }

    fn push(&mut self, tok: Tok, span: Span) {
        let level = self.brackets.len();
        self.tokens.push(Token { tok, span, level });
    }

    fn syntax_err(&self, msg: impl Into<String>, span: Span) -> PyErr {
        PyErr::syntax_error(msg).with_span(span)
    }

    fn newline(&mut self) {
        // Called with self.pos just past a '\n'.
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self, file_mode: bool) -> Result<(), PyErr> {
        loop {
            if file_mode && self.at_line_start && self.brackets.is_empty() {
                self.at_line_start = false;
                if !self.indentation()? {
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            if c == ' ' {
                // The commonest character, handled before the position of a token is worked out.
                self.pos += 1;
                continue;
            }
            let start = self.here();
            match c {
                '\0' => {
                    return Err(PyErr::syntax_error("source code cannot contain null bytes")
                        .with_span(self.span_from(start)))
                }
                ' ' | '\t' | '\x0c' => self.pos += 1,
                '\r' if self.peek_at(1) == Some('\n') => self.pos += 1,
                '\n' | '\r' => {
                    self.pos += 1;
                    let span = Span::new(start.0, start.1, start.0, start.1 + 1);
                    if self.brackets.is_empty() && file_mode {
                        self.push(Tok::Newline, span);
                        self.at_line_start = true;
                    }
                    self.newline();
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        if c == '\n' || c == '\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                '\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => {
                            self.pos += 1;
                            self.newline();
                        }
                        Some('\r') => {
                            self.pos += 1;
                            if self.peek() == Some('\n') {
                                self.pos += 1;
                            }
                            self.newline();
                        }
                        None => {
                            return Err(self
                                .syntax_err("unexpected EOF while parsing", self.span_from(start)))
                        }
                        Some(_) => {
                            let (l, c) = self.here();
                            return Err(self.syntax_err(
                                "unexpected character after line continuation character",
                                Span::point(l, c),
                            ));
                        }
                    }
                }
                c if c.is_ascii_digit()
                    || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    self.number()?
                }
                c if is_id_start(c) => {
                    let p0 = self.pos;
                    while self.peek().is_some_and(is_id_char) {
                        self.pos += 1;
                    }
                    let word: Rc<str> = self.src[p0..self.pos].iter().collect::<String>().into();
                    if matches!(self.peek(), Some('\'') | Some('"')) && is_string_prefix(&word) {
                        self.string(start, &word)?;
                    } else {
                        let span = self.span_from(start);
                        self.push(Tok::Name(word), span);
                    }
                }
                '\'' | '"' => self.string(start, "")?,
                _ => self.operator(start)?,
            }
        }
        // End of input.
        if let Some((open, span)) = self.brackets.last().copied() {
            if file_mode {
                return Err(self.syntax_err(format!("'{open}' was never closed"), span));
            }
        }
        let (l, c) = self.here();
        if file_mode {
            if self
                .tokens
                .last()
                .is_some_and(|t| !matches!(t.tok, Tok::Newline | Tok::Dedent))
            {
                self.push(Tok::Newline, Span::new(l, c, l, c + 1));
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Tok::Dedent, Span::point(l, c));
            }
        }
        self.push(Tok::EndMarker, Span::point(l, c));
        Ok(())
    }

    /// Handles indentation at the start of a logical line. Returns false if the line was
    /// blank or a comment (and has been consumed up to its newline).
    fn indentation(&mut self) -> Result<bool, PyErr> {
        let mut width = 0usize;
        let mut p = self.pos;
        while let Some(&c) = self.src.get(p) {
            match c {
                ' ' => width += 1,
                '\t' => width = (width / 8 + 1) * 8,
                '\x0c' => width = 0,
                _ => break,
            }
            p += 1;
        }
        match self.src.get(p) {
            None => {
                self.pos = p;
                return Ok(true);
            }
            Some('#') | Some('\n') | Some('\r') => {
                // Blank or comment-only line: no tokens.
                self.pos = p;
                while let Some(c) = self.peek() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                    self.pos += 1;
                }
                let mut consumed = false;
                if self.peek() == Some('\r') {
                    self.pos += 1;
                    consumed = true;
                }
                if self.peek() == Some('\n') {
                    self.pos += 1;
                    consumed = true;
                }
                if consumed {
                    self.newline();
                }
                self.at_line_start = true;
                return Ok(false);
            }
            Some('\\') => {
                // A continuation line starting with a backslash: treat as content.
            }
            _ => {}
        }
        self.pos = p;
        let (l, c) = self.here();
        let cur = *self.indents.last().unwrap_or(&0);
        if width > cur {
            self.indents.push(width);
            self.push(Tok::Indent, Span::new(l, c.saturating_sub(1), l, c));
        } else if width < cur {
            while self.indents.len() > 1 && *self.indents.last().unwrap_or(&0) > width {
                self.indents.pop();
                self.push(Tok::Dedent, Span::point(l, c));
            }
            if *self.indents.last().unwrap_or(&0) != width {
                // CPython reports the end of the offending line.
                let mut e = self.pos;
                while e < self.src.len() && self.src[e] != '\n' && self.src[e] != '\r' {
                    e += 1;
                }
                let end = self.col_of(e);
                return Err(PyErr::indentation_error(
                    "unindent does not match any outer indentation level",
                )
                .with_span(Span::new(l, end, l, end)));
            }
        }
        Ok(true)
    }

    fn number(&mut self) -> Result<(), PyErr> {
        let start = self.here();
        let p0 = self.pos;
        let c0 = self.peek().unwrap_or('0');
        let next = self.peek_at(1).map(|c| c.to_ascii_lowercase());
        if c0 == '0' && matches!(next, Some('x') | Some('o') | Some('b')) {
            let radix = match next {
                Some('x') => 16,
                Some('o') => 8,
                _ => 2,
            };
            self.pos += 2;
            let d0 = self.pos;
            while self
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                self.pos += 1;
            }
            let digits: String = self.src[d0..self.pos]
                .iter()
                .filter(|c| **c != '_')
                .collect();
            if let Some(k) = self.src[d0..self.pos]
                .iter()
                .position(|c| *c != '_' && !c.is_digit(radix))
            {
                let bad = self.src[d0 + k];
                let (l, c) = (self.line + self.base_line, self.col_of(d0 + k));
                let msg = match radix {
                    16 => "invalid hexadecimal literal".to_string(),
                    8 if bad.is_ascii_digit() => format!("invalid digit '{bad}' in octal literal"),
                    2 if bad.is_ascii_digit() => format!("invalid digit '{bad}' in binary literal"),
                    8 => "invalid octal literal".to_string(),
                    _ => "invalid binary literal".to_string(),
                };
                return Err(self.syntax_err(msg, Span::point(l, c)));
            }
            let span = self.span_from(start);
            return match BigInt::parse_bytes(digits.as_bytes(), radix) {
                Some(v) if !digits.is_empty() => {
                    self.push(Tok::Int(v), span);
                    Ok(())
                }
                _ => Err(self.syntax_err("invalid syntax", span)),
            };
        }
        let mut is_float = false;
        while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '_') {
            self.pos += 1;
        }
        if self.peek() == Some('.') {
            is_float = true;
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '_') {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some('e') | Some('E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+') | Some('-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '_') {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text: String = self.src[p0..self.pos]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        if matches!(self.peek(), Some('j') | Some('J')) {
            self.pos += 1;
            let span = self.span_from(start);
            self.push(Tok::Imaginary, span);
            return Ok(());
        }
        let span = self.span_from(start);
        if self.peek().is_some_and(is_id_start) {
            let (l, c) = self.here();
            return Err(self.syntax_err("invalid decimal literal", Span::new(l, c - 1, l, c)));
        }
        if is_float {
            let v = crate::floatparse::parse_f64(&text).unwrap_or(f64::NAN);
            self.push(Tok::Float(v), span);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(self.syntax_err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    span,
                ));
            }
            if text.len() > 4300 {
                return Err(PyErr::value_error(
                    "Exceeds the limit (4300 digits) for integer string conversion: value has more digits; use sys.set_int_max_str_digits() to increase the limit",
                )
                .with_span(span));
            }
            let v = BigInt::parse_bytes(text.as_bytes(), 10).unwrap_or_default();
            self.push(Tok::Int(v), span);
        }
        Ok(())
    }

    fn string(&mut self, start: (u32, u32), prefix: &str) -> Result<(), PyErr> {
        let lower = prefix.to_ascii_lowercase();
        let raw = lower.contains('r');
        let is_f = lower.contains('f');
        let bytes = lower.contains('b');
        let quote = self.peek().unwrap_or('"');
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        let body_start = self.pos;
        let body_end;
        loop {
            match self.peek() {
                None => {
                    let (l, _) = self.here();
                    let what = if triple {
                        "unterminated triple-quoted string literal"
                    } else {
                        "unterminated string literal"
                    };
                    let line = if self.src.last() == Some(&'\n') && l > 1 {
                        l - 1
                    } else {
                        l
                    };
                    return Err(self.syntax_err(
                        format!("{what} (detected at line {line})"),
                        Span::point(start.0, start.1),
                    ));
                }
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => {
                            self.pos += 1;
                            self.newline();
                        }
                        Some(_) => self.pos += 1,
                        None => {}
                    }
                }
                Some('\n') | Some('\r') if !triple => {
                    let (l, _) = self.here();
                    return Err(self.syntax_err(
                        format!("unterminated string literal (detected at line {l})"),
                        Span::point(start.0, start.1),
                    ));
                }
                Some('\n') => {
                    self.pos += 1;
                    self.newline();
                }
                Some(c) if c == quote => {
                    if !triple {
                        body_end = self.pos;
                        self.pos += 1;
                        break;
                    }
                    if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                        body_end = self.pos;
                        self.pos += 3;
                        break;
                    }
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
        let body: String = self.src[body_start..body_end].iter().collect();
        let span = self.span_from(start);
        let raw = raw || !body.contains('\\'); // nothing to unescape
        let tok = if is_f {
            Tok::Str {
                value: String::new(),
                fstring: Some(body),
                bytes,
            }
        } else {
            let value = if raw {
                body
            } else {
                unescape(&body).map_err(|m| self.syntax_err(m, span))?
            };
            Tok::Str {
                value,
                fstring: None,
                bytes,
            }
        };
        self.push(tok, span);
        Ok(())
    }

    fn operator(&mut self, start: (u32, u32)) -> Result<(), PyErr> {
        let c = self.peek().unwrap_or(' ');
        let op = operators_starting_with(c).iter().find(|op| {
            op.bytes()
                .enumerate()
                .skip(1)
                .all(|(i, b)| self.peek_at(i) == Some(char::from(b)))
        });
        let Some(op) = op else {
            self.pos += 1;
            let span = self.span_from(start);
            if c.is_ascii() && !c.is_ascii_control() {
                return Err(self.syntax_err("invalid syntax", span));
            }
            if c.is_control() {
                return Err(self.syntax_err(
                    format!("invalid non-printable character U+{:04X}", c as u32),
                    Span::point(start.0, start.1),
                ));
            }
            return Err(self.syntax_err(
                format!("invalid character '{c}' (U+{:04X})", c as u32),
                Span::point(start.0, start.1),
            ));
        };
        self.pos += op.len();
        let span = self.span_from(start);
        match *op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.syntax_err("too many nested parentheses", span));
                }
                // Level is recorded before the bracket opens.
                self.push(Tok::Op(op), span);
                self.brackets.push((c, span));
                return Ok(());
            }
            ")" | "]" | "}" => match self.brackets.pop() {
                None => return Err(self.syntax_err(format!("unmatched '{c}'"), span)),
                Some((open, ospan)) => {
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if expected != c {
                        let msg = if ospan.line != span.line {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                                ospan.line
                            )
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                            )
                        };
                        return Err(self.syntax_err(msg, span));
                    }
                }
            },
            _ => {}
        }
        self.push(Tok::Op(op), span);
        Ok(())
    }
}

fn is_string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "rf" | "fr" | "br" | "rb"
    )
}

/// Processes backslash escapes in a (non-raw) string body.
pub fn unescape(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = chars.get(i) else {
            out.push('\\');
            break;
        };
        i += 1;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                let mut n = 1;
                while n < 3 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.iter().skip(i).take(n).collect();
                if hex.chars().count() != n || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    let what = match e {
                        'x' => "truncated \\xXX escape",
                        'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
                        i - 2,
                        i - 1 + hex.chars().take_while(|c| c.is_ascii_hexdigit()).count()
                    ));
                }
                i += n;
                let v = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                            i - n - 2,
                            i - 1
                        ))
                    }
                }
            }
            'N' => {
                return Err("(unicode error) \\N{...} escapes are not supported".to_string());
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let (toks, err) = tokenize(src);
        assert!(err.is_none(), "{err:?}");
        toks.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn operators_are_matched_longest_first() {
        for c in (0..128u8).map(char::from) {
            let ops = operators_starting_with(c);
            // No operator comes after one that is its prefix ("*" after "**=").
            for (i, earlier) in ops.iter().enumerate() {
                assert!(
                    !ops[i + 1..].iter().any(|later| later.starts_with(earlier)),
                    "{ops:?}"
                );
            }
            for op in ops {
                assert!(op.starts_with(c));
                if "()[]{}".contains(c) {
                    continue; // an unmatched bracket is an error of its own
                }
                let ops_only: Vec<Tok> = kinds(&format!("x {op} y"))
                    .into_iter()
                    .filter(|t| matches!(t, Tok::Op(_)))
                    .collect();
                assert_eq!(ops_only, vec![Tok::Op(op)], "x {op} y");
            }
        }
        let t = kinds("a**=b//=c>>=d<<=e...f->g:=h");
        let ops: Vec<&str> = t
            .iter()
            .filter_map(|t| match t {
                Tok::Op(o) => Some(*o),
                _ => None,
            })
            .collect();
        assert_eq!(ops, ["**=", "//=", ">>=", "<<=", "...", "->", ":="]);
    }

    #[test]
    fn indent_dedent() {
        let t = kinds("if x:\n    y\nz\n");
        assert_eq!(
            t,
            vec![
                Tok::Name("if".into()),
                Tok::Name("x".into()),
                Tok::Op(":"),
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
    }

    #[test]
    fn brackets_join_lines_and_comments_skip() {
        let t = kinds("x = (1,\n  2)  # c\n\n   # only comment\ny");
        assert_eq!(t.iter().filter(|t| **t == Tok::Newline).count(), 2);
        assert!(!t.contains(&Tok::Indent));
    }

    #[test]
    fn numbers() {
        let t = kinds("1 1.5 .5 1e-7 0x1F 1_000 3j");
        assert_eq!(t[0], Tok::Int(1.into()));
        assert_eq!(t[1], Tok::Float(1.5));
        assert_eq!(t[2], Tok::Float(0.5));
        assert_eq!(t[3], Tok::Float(1e-7));
        assert_eq!(t[4], Tok::Int(31.into()));
        assert_eq!(t[5], Tok::Int(1000.into()));
        assert_eq!(t[6], Tok::Imaginary);
    }

    #[test]
    fn strings() {
        let t = kinds(
            r#"'a\n' "b" '''c
d''' r'\n' f'{x:.4f}'"#,
        );
        let strs: Vec<String> = t
            .into_iter()
            .filter_map(|t| match t {
                Tok::Str { value, fstring, .. } => Some(fstring.unwrap_or(value)),
                _ => None,
            })
            .collect();
        assert_eq!(strs, vec!["a\n", "b", "c\nd", "\\n", "{x:.4f}"]);
    }

    #[test]
    fn errors() {
        let msg = |s: &str| tokenize(s).1.map(|e| e.last_line()).unwrap_or_default();
        assert_eq!(
            msg("s = 'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            msg("s = \"\"\"abc\n\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 2)"
        );
        assert_eq!(msg("print((1)\n"), "SyntaxError: '(' was never closed");
        assert_eq!(msg("x = 1)\n"), "SyntaxError: unmatched ')'");
        assert_eq!(
            msg("x = [1, 2)\n"),
            "SyntaxError: closing parenthesis ')' does not match opening parenthesis '['"
        );
        assert_eq!(
            msg("if x:\n    a\n  b\n"),
            "IndentationError: unindent does not match any outer indentation level"
        );
        assert_eq!(
            msg(&"(".repeat(10000)),
            "SyntaxError: too many nested parentheses"
        );
        assert_eq!(msg("x = …"), "SyntaxError: invalid character '…' (U+2026)");
    }
}
