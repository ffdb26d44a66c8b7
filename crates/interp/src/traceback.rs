//! CPython-style traceback text for uncaught errors.

use crate::error::{PyErr, TbEntry};
use crate::eval::*;

impl Interp {
    /// Renders the traceback of an uncaught error like CPython.
    pub fn format_traceback(&self, err: &PyErr, filename: &str, source: &str) -> String {
        let lines: Vec<&str> = source.lines().collect();
        let src_line = |n: u32| -> Option<String> {
            lines
                .get((n as usize).wrapping_sub(1))
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
        };
        let mut out = String::new();
        if err.is_syntax_error() {
            let span = err.span.unwrap_or_default();
            out.push_str(&format!("  File \"{filename}\", line {}\n", span.line));
            if let Some(raw) = lines.get((span.line as usize).wrapping_sub(1)) {
                let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
                let trimmed = raw.trim();
                if !trimmed.is_empty() {
                    out.push_str(&format!("    {trimmed}\n"));
                    let col = (span.col as usize).saturating_sub(indent);
                    let width = if span.end_line == span.line && span.end_col > span.col {
                        (span.end_col - span.col) as usize
                    } else {
                        1
                    };
                    out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
                }
            }
            out.push_str(&err.last_line());
            out.push('\n');
            return out;
        }
        out.push_str("Traceback (most recent call last):\n");
        let mut entries: Vec<&TbEntry> = err.traceback.iter().collect();
        entries.reverse();
        for t in entries {
            out.push_str(&format!(
                "  File \"{filename}\", line {}, in {}\n",
                t.line, t.name
            ));
            if let Some(l) = src_line(t.line) {
                out.push_str(&format!("    {l}\n"));
            }
        }
        out.push_str(&err.last_line());
        out.push('\n');
        out
    }
}
