//! Warnings as Python shows them with its default filter: on stderr, as
//! `file:line: Category: message` followed by that line's source, once for each place in the
//! program and text however often the line runs (Python's `__warningregistry__`).
//!
//! PyTorch warns exactly where learners go wrong without an error: reading a non-leaf
//! tensor's `.grad` (always `None`), a loss whose target broadcasts against its input.

use crate::eval::Interp;

impl Interp {
    /// Issues a `UserWarning` where the running code is. Raised while library code (the torch
    /// prelude) runs, it has one place however the program gets there, so it shows once.
    pub(crate) fn warn(&mut self, message: &str) {
        let in_library = self
            .frames
            .last()
            .and_then(|f| f.func.as_ref())
            .is_some_and(|f| f.hidden);
        self.warn_at(message, in_library);
    }

    /// Issues a `UserWarning` that PyTorch raises inside its own modules: shown once per run.
    pub(crate) fn warn_from_library(&mut self, message: &str) {
        self.warn_at(message, true);
    }

    /// Shows the warning, with the line of user code that led to it (library frames are
    /// skipped, as PyTorch's `stacklevel` points out of its modules), unless it was shown at
    /// the same place before (place 0: library code).
    fn warn_at(&mut self, message: &str, in_library: bool) {
        let line = self.user_line();
        let place = if in_library { 0 } else { line };
        let text = format!("UserWarning: {message}");
        if !self.warned.insert((place, text.clone())) {
            return;
        }
        let mut out = format!("{}:{line}: {text}\n", self.filename);
        let source = self.source.lines().nth((line as usize).wrapping_sub(1));
        if let Some(src) = source.map(str::trim).filter(|s| !s.is_empty()) {
            out.push_str(&format!("  {src}\n"));
        }
        self.write_err(&out);
        self.out.warning_lines.push(line);
    }

    /// The line being run in the innermost frame that is not library code.
    fn user_line(&self) -> u32 {
        let mut line = self.current_line;
        for frame in self.frames.iter().rev() {
            if !frame.func.as_ref().is_some_and(|f| f.hidden) {
                break;
            }
            line = frame.call_line;
        }
        line
    }
}
