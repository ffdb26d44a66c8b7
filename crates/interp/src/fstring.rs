//! f-strings: splits the raw body into literal parts and `FormattedValue`s, parsing each
//! embedded expression with the ordinary parser (CPython 3.11 rules and error texts).

use crate::ast::*;
use crate::error::PyErr;
use crate::lexer::tokenize_at;
use crate::parser::Parser;
use crate::span::Span;
use std::rc::Rc;

type PResult<T> = Result<T, PyErr>;

/// Splits the raw body of an f-string into constant and `FormattedValue` parts.
pub(crate) fn parse_fstring(raw: &str, line: u32, col: u32, span: Span) -> PResult<Vec<Expr>> {
    let chars: Vec<char> = raw.chars().collect();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    // CPython 3.11 reports f-string errors just after the string.
    let err_raw =
        |m: String| PyErr::syntax_error(m).with_span(Span::point(span.end_line, span.end_col));
    let err = |m: &str| err_raw(format!("f-string: {m}"));
    let flush = |lit: &mut String, parts: &mut Vec<Expr>| -> PResult<()> {
        if !lit.is_empty() {
            let s =
                crate::lexer::unescape(lit).map_err(|m| PyErr::syntax_error(m).with_span(span))?;
            parts.push(Expr {
                kind: ExprKind::Constant(Constant::Str(Rc::from(s.as_str()))),
                span,
            });
            lit.clear();
        }
        Ok(())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(err("single '}' is not allowed"));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        flush(&mut lit, &mut parts)?;
        // Find the end of the expression.
        i += 1;
        let expr_start = i;
        // Open brackets, as CPython 3.11's fstring_find_expr tracks them for its errors.
        let mut open: Vec<char> = Vec::new();
        let mut quote: Option<char> = None;
        while i < chars.len() {
            let ch = chars[i];
            if ch == '\\' {
                return Err(err_raw(
                    "f-string expression part cannot include a backslash".into(),
                ));
            }
            if let Some(q) = quote {
                if ch == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match ch {
                '\'' | '"' => quote = Some(ch),
                '(' | '[' | '{' => open.push(ch),
                '#' => {
                    return Err(err_raw(
                        "f-string expression part cannot include '#'".into(),
                    ))
                }
                '}' | ':' if open.is_empty() => break,
                '!' if open.is_empty() && chars.get(i + 1) != Some(&'=') => break,
                ')' | ']' | '}' => {
                    let Some(o) = open.pop() else {
                        return Err(err(&format!("unmatched '{ch}'")));
                    };
                    if (o, ch) != ('(', ')') && (o, ch) != ('[', ']') && (o, ch) != ('{', '}') {
                        return Err(err(&format!(
                            "closing parenthesis '{ch}' does not match opening parenthesis '{o}'"
                        )));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(err("unterminated string"));
        }
        if let Some(o) = open.last() {
            return Err(err(&format!("unmatched '{o}'")));
        }
        if i >= chars.len() {
            return Err(err("expecting '}'"));
        }
        let mut expr_text: String = chars[expr_start..i].iter().collect();
        let mut debug_prefix = None;
        let trimmed = expr_text.trim_end();
        if trimmed.ends_with('=')
            && !trimmed.ends_with("==")
            && !trimmed.ends_with("!=")
            && !trimmed.ends_with("<=")
            && !trimmed.ends_with(">=")
        {
            debug_prefix = Some(expr_text.clone());
            let t = trimmed.trim_end_matches('=').to_string();
            expr_text = t;
        }
        if expr_text.trim().is_empty() {
            return Err(err("empty expression not allowed"));
        }
        let (toks, lex_err) = tokenize_at(&expr_text, line, col + expr_start as u32);
        let mut p = Parser::new(toks, lex_err);
        let value = p.expression_only();
        let value = p.finish(value)?;
        let mut conversion = None;
        if chars[i] == '!' {
            match chars.get(i + 1) {
                Some(&c @ ('r' | 's' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(err(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
            i += 2;
            if !matches!(chars.get(i), Some(':') | Some('}')) {
                return Err(err("expecting '}'"));
            }
        }
        let mut format_spec = None;
        if chars.get(i) == Some(&':') {
            i += 1;
            let spec_start = i;
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            let spec_raw: String = chars[spec_start..i.min(chars.len())].iter().collect();
            let spec_parts = parse_fstring(&spec_raw, line, col + spec_start as u32, span)?;
            format_spec = Some(Box::new(Expr {
                kind: ExprKind::JoinedStr(spec_parts),
                span,
            }));
        }
        if chars.get(i) != Some(&'}') {
            return Err(err("expecting '}'"));
        }
        i += 1;
        if let Some(prefix) = debug_prefix {
            parts.push(Expr {
                kind: ExprKind::Constant(Constant::Str(Rc::from(prefix.as_str()))),
                span,
            });
            if conversion.is_none() && format_spec.is_none() {
                conversion = Some('r');
            }
        }
        parts.push(Expr {
            span: value.span,
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        });
    }
    flush(&mut lit, &mut parts)?;
    Ok(parts)
}
