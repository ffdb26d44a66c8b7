//! The worker's side: one interpreter session driven by `Request`s. Native code (no web APIs), so
//! it is unit-tested natively; `worker.rs` only moves bytes in and out.

use crate::graphview;
use crate::protocol::{BackwardRun, Definition, Diagnostic, Request, Response};
use autograd::{GraphSnapshot, Tensor};
use interp::{Config, RunResult, Session};
use std::collections::HashMap;

pub struct Runner {
    session: Session,
    /// The current cell's backward passes so far (a stepped cell collects them step by step).
    backwards: Vec<BackwardRun>,
    /// For each global name bound to a tensor: where it was bound last.
    bound_at: Vec<Binding>,
    /// Index of the cell being run (the prelude's cells come first).
    cell: usize,
    /// Rounds of [`WARM_UP`] still to run (see [`Runner::warm_up_round`]).
    warm_up_rounds_left: u32,
}

/// A global name bound to a tensor, and the cell and line whose statement bound it.
struct Binding {
    name: String,
    tensor: Tensor,
    cell: usize,
    line: u32,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

/// At most this many backward passes of a cell are sent to the page for replay.
pub const MAX_BACKWARD_RUNS: usize = 16;

/// The file name tracebacks show for a cell.
pub const CELL_FILENAME: &str = "<cell>";

/// What [`Request::WarmUp`] runs, [`WARM_UP_ROUNDS`] times: the lesson's operations and steps
/// of a small network (layers, a loss, backward, an optimizer; `nn.Sequential` and a `Module`
/// subclass, sized like the lessons' own), so that V8 compiles the code paths of a learner's
/// first Run with its optimizing tier: a function tiers up only after running for a while, and
/// 100 steps in all left much of a first Run in baseline code (150 per model now).
const WARM_UP: &str = "\
import torch
from torch import nn
torch.manual_seed(0)
x = torch.linspace(-1.0, 1.0, 64).unsqueeze(1)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 16)
        self.fc2 = nn.Linear(16, 1)
    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))
for model in (Net(), nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.MSELoss()
    for step in range(30):
        opt.zero_grad()
        loss = loss_fn(model(x), x * x)
        loss.backward()
        opt.step()
        if step % 10 == 0:
            line = f\"step {step:4d} loss {loss.item():.6f}\"
w = torch.ones(2, 2, requires_grad=True)
out = ((w + 2) * (w + 2) * 3).mean()
out.backward()
print(w.grad, out, loss.item())
";

/// The warm-up runs in rounds, one per worker task, so that a request arriving meanwhile
/// waits for one round (tens of milliseconds) rather than all of it, and cancels the rest.
pub const WARM_UP_ROUNDS: u32 = 5;

impl Runner {
    pub fn new() -> Runner {
        let config = Config {
            filename: CELL_FILENAME.into(),
            trace_backward: true,
            ..Config::default()
        };
        Runner {
            session: Session::new(config),
            backwards: Vec::new(),
            bound_at: Vec::new(),
            cell: 0,
            warm_up_rounds_left: 0,
        }
    }

    /// Whether a [`Request::WarmUp`] left rounds to run.
    pub fn warm_up_pending(&self) -> bool {
        self.warm_up_rounds_left > 0
    }

    /// Runs one round of the warm-up a [`Request::WarmUp`] asked for, if any is left; true when
    /// more are left. The worker calls it from a timer of its own after each round, so requests
    /// that arrive in between come first (and cancel the rest: see `handle`).
    pub fn warm_up_round(&mut self) -> bool {
        if self.warm_up_rounds_left == 0 {
            return false;
        }
        self.warm_up_rounds_left -= 1;
        warm_up();
        self.warm_up_rounds_left > 0
    }

    /// One encoded request to its encoded response (see `protocol.rs`); `WarmUp` has none (it
    /// only schedules the warm-up's rounds).
    pub fn handle_bytes(&mut self, request: &[u8]) -> Option<Vec<u8>> {
        let response = match Request::from_bytes(request) {
            Ok(Request::WarmUp) => {
                self.handle(Request::WarmUp);
                return None;
            }
            Ok(request) => self.handle(request),
            Err(err) => Response {
                error: Some(internal_error(&format!("bad request: {err}"))),
                done: true,
                ..Response::default()
            },
        };
        Some(response.to_bytes())
    }

    pub fn handle(&mut self, request: Request) -> Response {
        // The learner's request is what the warm-up was preparing for: what is left of it would
        // only compete with the learner's next ones.
        self.warm_up_rounds_left = 0;
        match request {
            Request::Run {
                prelude,
                code,
                stepping,
            } => {
                self.session.reset();
                self.bound_at.clear();
                // Like a notebook: an earlier cell that raised still leaves what it defined, and
                // the next cells run anyway. Their output is not shown.
                for (i, cell) in prelude.iter().enumerate() {
                    self.cell = i;
                    let mut r = self.session.load(cell);
                    while r.error.is_none() && !r.done {
                        r = self.step();
                    }
                }
                // Only this cell's backward passes are replayed.
                self.session.interp().trace_graphs.clear();
                self.backwards.clear();
                self.cell = prelude.len();
                let loaded = self.session.load(&code);
                if loaded.error.is_some() || loaded.done {
                    return self.response(loaded);
                }
                // A whole run is the same steps without stopping in between, so both modes know
                // which line bound each tensor and which line ran each backward().
                let mut r = self.step();
                while !stepping && !r.done {
                    r = self.step();
                }
                self.response(r)
            }
            Request::Step => {
                let r = self.step();
                self.response(r)
            }
            Request::WarmUp => {
                self.warm_up_rounds_left = WARM_UP_ROUNDS;
                Response {
                    done: true,
                    ..Response::default()
                }
            }
        }
    }

    /// Runs one top-level statement and records what it did: the tensors it bound to names and
    /// the backward passes it ran, each with its line.
    fn step(&mut self) -> RunResult {
        let mut r = self.session.step();
        let line = r.line.unwrap_or(0);
        let interp = self.session.interp();
        let cell = self.cell;
        for (name, tensor) in interp.named_tensors() {
            match self.bound_at.iter_mut().find(|b| b.name == name) {
                Some(b) if b.tensor.same(&tensor) => {}
                Some(b) => (b.tensor, b.cell, b.line) = (tensor, cell, line),
                None => self.bound_at.push(Binding {
                    name,
                    tensor,
                    cell,
                    line,
                }),
            }
        }
        // The session hands over this call's traces; the graphs they refer to were recorded
        // beside them, in the same order.
        let graphs = std::mem::take(&mut interp.trace_graphs);
        let traces = std::mem::take(&mut r.traces);
        // Keep the debugger's list short: the first passes of a loop are the instructive ones.
        let room = MAX_BACKWARD_RUNS.saturating_sub(self.backwards.len());
        self.backwards.extend(
            traces
                .into_iter()
                .zip(graphs)
                .take(room)
                .map(|(trace, graph)| BackwardRun {
                    line,
                    node_lines: Vec::new(),
                    graph,
                    trace,
                }),
        );
        r
    }

    fn response(&mut self, r: RunResult) -> Response {
        let error = r.error.as_ref().map(|e| diagnostic(&r, e));
        let (graph, _) = GraphSnapshot::build(&self.session.interp().named_tensors());
        // Lines link nodes to the editor, which shows this cell only.
        let lines: HashMap<&str, u32> = self
            .bound_at
            .iter()
            .filter(|b| b.cell == self.cell)
            .map(|b| (b.name.as_str(), b.line))
            .collect();
        let node_lines = graphview::node_lines_of(&graph, &lines);
        let definitions = graph
            .nodes
            .iter()
            .map(|n| {
                let b = self
                    .bound_at
                    .iter()
                    .find(|b| b.name == n.label && n.tensor.is_some());
                b.map(|b| Definition {
                    cell: b.cell,
                    line: b.line,
                })
            })
            .collect();
        let backwards = self
            .backwards
            .iter()
            .map(|b| BackwardRun {
                node_lines: graphview::node_lines_of(&b.graph, &lines),
                ..b.clone()
            })
            .collect();
        Response {
            stdout: r.stdout.clone(),
            stderr: r.stderr.clone(),
            warning_lines: r.warning_lines.clone(),
            error,
            graph,
            node_lines,
            definitions,
            backwards,
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

/// Runs [`WARM_UP`] once in a throwaway session: the worker's own session is untouched. Traced like
/// a Run, so the code that records backward passes for the debugger (graph snapshots, gradient
/// previews) is warm too.
fn warm_up() -> RunResult {
    let config = Config {
        trace_backward: true,
        ..Config::default()
    };
    Session::new(config).run(WARM_UP)
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
    fn warnings_come_back_apart_from_the_output_and_only_for_this_cell() {
        let nonleaf =
            "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\nprint(y.grad)";
        let r = run(&[nonleaf], "print(y.grad)\nprint(y.grad)");
        assert_eq!(r.stdout, "None\nNone\n");
        // One warning a line, each located in this cell; the earlier cell's stays hidden.
        let located: Vec<&str> = r
            .stderr
            .lines()
            .filter(|l| l.contains("UserWarning: The .grad attribute"))
            .map(|l| l.split(": UserWarning").next().unwrap_or(""))
            .collect();
        assert_eq!(
            located,
            [format!("{CELL_FILENAME}:1"), format!("{CELL_FILENAME}:2")]
        );
        assert_eq!(r.warning_lines, [1, 2]);
        assert!(run(&[nonleaf], "print(x.grad)").stderr.is_empty());
    }

    #[test]
    fn an_earlier_failing_cell_does_not_stop_the_notebook() {
        let r = run(&["a = 1\nb = undefined\nc = 3"], "print(a)\nprint(c)");
        assert_eq!(r.stdout, "1\n");
        assert_eq!(
            r.error.map(|d| d.kind),
            Some("NameError".into()),
            "c was never defined"
        );
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
    fn the_lesson_graph_and_its_backward_trace_come_back() {
        let prelude = ["import torch\nx2 = torch.ones(2, 2, requires_grad=True)\ny = x2 + 2\nz = y * y * 3\nout = z.mean()"];
        let r = run(&prelude, "out.backward()\nprint(x2.grad)");
        assert_eq!(
            r.stdout,
            "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])\n"
        );
        let labels: Vec<&str> = r.graph.nodes.iter().map(|n| n.label.as_str()).collect();
        for name in [
            "x2",
            "y",
            "z",
            "out",
            "AddBackward0",
            "MulBackward0",
            "MeanBackward0",
            "AccumulateGrad",
        ] {
            assert!(labels.contains(&name), "{name} missing from {labels:?}");
        }
        assert_eq!(
            r.backwards.len(),
            1,
            "only this cell's backward is replayed"
        );
        let run = &r.backwards[0];
        assert_eq!(
            run.trace.steps.first().map(|s| s.name.as_str()),
            Some("MeanBackward0")
        );
        let leaf = run
            .trace
            .steps
            .iter()
            .find_map(|s| s.leaf.as_ref())
            .expect("AccumulateGrad step");
        let x2 = run.graph.nodes.iter().find(|n| n.label == "x2").unwrap();
        assert_eq!(leaf.tensor_node, Some(x2.id));
        assert_eq!(
            leaf.grad_after.as_ref().map(|g| g.values.clone()),
            Some(vec![4.5; 4])
        );
    }

    #[test]
    fn each_node_knows_the_line_that_created_it() {
        let code =
            "import torch\nx = torch.ones(2, requires_grad=True)\n\ny = x * 2\nz = (y + 1).sum()\n";
        let r = run(&[], code);
        let line_of = |label: &str| {
            let i = r.graph.nodes.iter().position(|n| n.label == label).unwrap();
            r.node_lines[i]
        };
        assert_eq!(line_of("x"), 2);
        assert_eq!(line_of("AccumulateGrad"), 2);
        assert_eq!(line_of("y"), 4);
        assert_eq!(line_of("MulBackward0"), 4);
        assert_eq!(
            (
                line_of("z"),
                line_of("AddBackward0"),
                line_of("SumBackward0")
            ),
            (5, 5, 5)
        );
    }

    #[test]
    fn tensors_from_earlier_cells_are_not_linked_to_this_cells_lines() {
        let prelude = ["import torch\n\nx2 = torch.ones(2, requires_grad=True)"];
        let r = run(&prelude, "y = x2 * 2\n");
        let node = |label: &str| r.graph.nodes.iter().position(|n| n.label == label).unwrap();
        assert_eq!(r.node_lines[node("x2")], 0);
        assert_eq!(r.node_lines[node("y")], 1);
        assert_eq!(
            r.definitions[node("x2")],
            Some(Definition { cell: 0, line: 3 })
        );
        assert_eq!(
            r.definitions[node("y")],
            Some(Definition { cell: 1, line: 1 })
        );
        assert_eq!(r.definitions[node("MulBackward0")], None);
    }

    #[test]
    fn a_training_loop_sends_only_its_first_backward_passes() {
        let code = "import torch\nw = torch.ones(2, requires_grad=True)\nfor i in range(100):\n    (w * 2).sum().backward()\nprint(w.grad)";
        let r = run(&[], code);
        assert_eq!(r.stdout, "tensor([200., 200.])\n");
        assert_eq!(r.backwards.len(), MAX_BACKWARD_RUNS);
    }

    #[test]
    fn a_second_backward_on_a_freed_graph_is_replayed_up_to_the_failing_node() {
        let code = "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\ny.backward()\ny.backward()\n";
        let r = run(&[], code);
        let err = r.error.as_ref().expect("RuntimeError");
        assert_eq!((err.kind.as_str(), err.line), ("RuntimeError", 5));
        assert_eq!(r.backwards.len(), 2);
        let second = &r.backwards[1];
        assert_eq!(second.line, 5);
        let last = second.trace.steps.last().unwrap();
        assert_eq!(last.name, "MulBackward0");
        let shown = last.error.as_deref().unwrap();
        assert!(
            shown.starts_with("RuntimeError: Trying to backward through the graph a second time")
        );
        let node = last.node.unwrap();
        assert_eq!(second.graph.nodes[node].label, "MulBackward0");
        assert!(r.backwards[0].trace.steps.iter().all(|s| s.error.is_none()));
    }

    #[test]
    fn the_warm_up_runs_cleanly_replies_nothing_and_leaves_the_session_alone() {
        let r = warm_up();
        assert!(r.error.is_none(), "{:?}", r.error);
        assert!(
            r.stdout.starts_with("tensor([[4.5000, 4.5000],"),
            "{}",
            r.stdout
        );
        let mut runner = Runner::new();
        runner.handle(Request::Run {
            prelude: vec![],
            code: "a = 41".into(),
            stepping: true,
        });
        assert_eq!(runner.handle_bytes(&Request::WarmUp.to_bytes()), None);
        let rounds = std::iter::from_fn(|| Some(runner.warm_up_round()))
            .take_while(|&more| more)
            .count();
        assert_eq!(rounds as u32 + 1, WARM_UP_ROUNDS);
        assert!(!runner.warm_up_round(), "all rounds ran");
        let r = runner.handle(Request::Step);
        assert!(r.error.is_none() && r.done);
        assert!(!r
            .graph
            .nodes
            .iter()
            .any(|n| n.label == "model" || n.label == "w"));
    }

    #[test]
    fn a_request_cancels_what_is_left_of_the_warm_up() {
        let mut runner = Runner::new();
        runner.handle(Request::WarmUp);
        assert!(runner.warm_up_round(), "one round ran, more are left");
        runner.handle(Request::Run {
            prelude: vec![],
            code: "a = 1".into(),
            stepping: false,
        });
        assert!(!runner.warm_up_round(), "the Run cancelled the rest");
    }

    #[test]
    fn garbage_requests_get_an_error_not_a_panic() {
        let reply = Runner::new().handle_bytes(b"\xff\xff\xff garbage").unwrap();
        let r = Response::from_bytes(&reply).unwrap();
        assert!(r.error.is_some() && r.done);
        let empty = Response::from_bytes(&Runner::new().handle_bytes(&[]).unwrap()).unwrap();
        assert!(empty.error.is_some());
    }
}
