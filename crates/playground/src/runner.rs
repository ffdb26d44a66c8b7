//! The worker's side: one interpreter session driven by `Request`s. Native code (no web APIs), so
//! it is unit-tested natively; `bin/worker.rs` only moves JSON strings in and out.

use crate::protocol::{Diagnostic, Request, Response};
use interp::{Config, RunResult, Session};

pub struct Runner {
    session: Session,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

/// The file name tracebacks show for a cell.
pub const CELL_FILENAME: &str = "<cell>";

impl Runner {
    pub fn new() -> Runner {
        let config = Config {
            filename: CELL_FILENAME.into(),
            ..Config::default()
        };
        Runner {
            session: Session::new(config),
        }
    }

    pub fn handle_json(&mut self, request: &str) -> String {
        let response = match Request::from_json(request) {
            Ok(request) => self.handle(request),
            Err(err) => Response {
                error: Some(internal_error(&format!("bad request: {err}"))),
                done: true,
                ..Response::default()
            },
        };
        response.to_json()
    }

    pub fn handle(&mut self, request: Request) -> Response {
        match request {
            Request::Run {
                prelude,
                code,
                stepping,
            } => {
                self.session.reset();
                for (i, cell) in prelude.iter().enumerate() {
                    let r = self.session.run(cell);
                    if let Some(err) = &r.error {
                        // The earlier cell failed: say so instead of running this one in a
                        // half-built session.
                        let mut d = diagnostic(&r, err);
                        d.line = 0;
                        d.column = 0;
                        d.traceback = format!("(in lesson step {}) {}", i + 1, d.traceback);
                        return Response {
                            error: Some(d),
                            done: true,
                            ..Response::default()
                        };
                    }
                }
                if stepping {
                    let loaded = self.session.load(&code);
                    if loaded.error.is_some() || loaded.done {
                        return self.response(loaded);
                    }
                    let r = self.session.step();
                    self.response(r)
                } else {
                    let r = self.session.run(&code);
                    self.response(r)
                }
            }
            Request::Step => {
                let r = self.session.step();
                self.response(r)
            }
        }
    }

    fn response(&mut self, r: RunResult) -> Response {
        let error = r.error.as_ref().map(|e| diagnostic(&r, e));
        Response {
            stdout: r.stdout.clone(),
            error,
            graph: Default::default(),
            backwards: Vec::new(),
            next_line: if r.done { None } else { r.next_line },
            done: r.done,
        }
    }
}

fn diagnostic(r: &RunResult, e: &interp::Diagnostic) -> Diagnostic {
    Diagnostic {
        kind: e.kind.clone(),
        message: e.message.clone(),
        line: e.line,
        column: e.column,
        traceback: r.traceback.clone().unwrap_or_default(),
    }
}

fn internal_error(message: &str) -> Diagnostic {
    Diagnostic {
        kind: "RuntimeError".into(),
        message: message.into(),
        line: 0,
        column: 0,
        traceback: format!("RuntimeError: {message}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(prelude: &[&str], code: &str) -> Response {
        Runner::new().handle(Request::Run {
            prelude: prelude.iter().map(|s| s.to_string()).collect(),
            code: code.into(),
            stepping: false,
        })
    }

    #[test]
    fn a_cell_sees_the_earlier_cells_but_not_their_output() {
        let r = run(&["a = 20\nprint('hidden')", "b = 22"], "print(a + b)");
        assert_eq!(r.stdout, "42\n");
        assert!(r.done && r.error.is_none());
    }

    #[test]
    fn an_error_carries_its_line_and_pythons_last_line() {
        let r = run(&[], "x = 1\nprint(y)\n");
        let d = r.error.expect("NameError");
        assert_eq!((d.kind.as_str(), d.line), ("NameError", 2));
        assert!(
            d.traceback
                .trim_end()
                .ends_with("NameError: name 'y' is not defined"),
            "{}",
            d.traceback
        );
    }

    #[test]
    fn stepping_runs_one_statement_at_a_time() {
        let mut runner = Runner::new();
        let first = runner.handle(Request::Run {
            prelude: vec![],
            code: "print(1)\nprint(2)\n".into(),
            stepping: true,
        });
        assert_eq!(
            (first.stdout.as_str(), first.next_line, first.done),
            ("1\n", Some(2), false)
        );
        let second = runner.handle(Request::Step);
        assert_eq!((second.stdout.as_str(), second.done), ("1\n2\n", true));
    }

    #[test]
    fn garbage_requests_get_an_error_not_a_panic() {
        let reply = Runner::new().handle_json("{not json");
        let r = Response::from_json(&reply).unwrap();
        assert!(r.error.is_some() && r.done);
    }
}
