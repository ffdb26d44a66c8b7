//! Source positions. Lines are 1-based; columns are 0-based character offsets,
//! like the `lineno`/`col_offset` of Python's `ast` nodes.

/// A source range: start `(line, col)` to end `(end_line, end_col)` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Span {
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> Span {
        Span {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// A zero-width span at one point.
    pub fn point(line: u32, col: u32) -> Span {
        Span::new(line, col, line, col)
    }

    /// The span from the start of `self` to the end of `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.line, self.col, other.end_line, other.end_col)
    }
}
