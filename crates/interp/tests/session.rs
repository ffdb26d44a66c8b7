//! The `Session` API: whole runs, stepping, tracebacks, diagnostics, output, graph, traces.

use interp::session::with_big_stack;
use interp::{Config, Session};

fn config() -> Config {
    Config {
        filename: "lesson.py".into(),
        ..Config::default()
    }
}

#[test]
fn run_reports_output_and_traceback() {
    with_big_stack(|| {
        let mut s = Session::new(config());
        let src = "print('a')\ndef f(x):\n    return 1 / x\nprint(f(2))\nf(0)\n";
        let r = s.run(src);
        assert_eq!(r.stdout, "a\n0.5\n");
        assert!(r.done);
        let tb = r.traceback.clone().expect("traceback");
        assert_eq!(
            tb,
            "Traceback (most recent call last):\n  File \"lesson.py\", line 5, in <module>\n    f(0)\n  File \"lesson.py\", line 3, in f\n    return 1 / x\nZeroDivisionError: division by zero\n"
        );
        let d = r.error.clone().expect("diagnostic");
        assert_eq!(
            (d.kind.as_str(), d.message.as_str()),
            ("ZeroDivisionError", "division by zero")
        );
        assert_eq!((d.line, d.column), (3, 12));
        assert_eq!(
            r.transcript(),
            "a\n0.5\nZeroDivisionError: division by zero\n"
        );
    });
}

#[test]
fn syntax_errors_have_cpython_position_and_caret() {
    with_big_stack(|| {
        let mut s = Session::new(config());
        let r = s.run("x = 1\nprint((x)\n");
        let d = r.error.expect("error");
        assert_eq!(d.kind, "SyntaxError");
        assert_eq!(d.message, "'(' was never closed");
        assert_eq!((d.line, d.column), (2, 6));
        assert_eq!(
            r.traceback.as_deref(),
            Some("  File \"lesson.py\", line 2\n    print((x)\n         ^\nSyntaxError: '(' was never closed\n")
        );
        assert_eq!(r.stdout, "");
    });
}

#[test]
fn stepping_runs_one_top_level_statement_at_a_time() {
    with_big_stack(|| {
        let mut s = Session::new(config());
        let src = "x = 1\nfor i in range(2):\n    print(i)\n\nprint('end', x)\nundefined\nprint('never')\n";
        let r = s.load(src);
        assert!(r.error.is_none() && !r.done);
        assert_eq!(r.next_line, Some(1));
        let r = s.step();
        assert_eq!(
            (r.line, r.next_line, r.stdout.as_str()),
            (Some(1), Some(2), "")
        );
        let r = s.step();
        assert_eq!(
            (r.line, r.next_line, r.stdout.as_str()),
            (Some(2), Some(5), "0\n1\n")
        );
        let r = s.step();
        assert_eq!(r.stdout, "0\n1\nend 1\n");
        let r = s.step();
        assert!(r.done);
        let d = r.error.expect("NameError");
        assert_eq!(d.message, "name 'undefined' is not defined");
        assert_eq!(d.line, 6);
        let r = s.step();
        assert!(r.done && r.error.is_none());
        assert_eq!(r.stdout, "0\n1\nend 1\n");
    });
}

#[test]
fn globals_persist_across_runs_until_reset() {
    with_big_stack(|| {
        let mut s = Session::new(config());
        s.run("a = 40\n");
        assert_eq!(s.run("print(a + 2)\n").stdout, "42\n");
        assert_eq!(s.globals(), vec![("a".to_string(), "40".to_string())]);
        s.reset();
        let r = s.run("print(a)\n");
        assert_eq!(r.error.map(|e| e.kind).as_deref(), Some("NameError"));
    });
}

#[test]
fn output_goes_to_an_injected_writer() {
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;
    struct Sink(Rc<RefCell<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    with_big_stack(|| {
        let buf = Rc::new(RefCell::new(Vec::new()));
        let mut s = Session::new(config());
        s.set_writer(Box::new(Sink(buf.clone())));
        let r = s.run("print(1, 2, sep='-', end='!')\n");
        assert_eq!(r.stdout, "1-2!");
        assert_eq!(String::from_utf8_lossy(&buf.borrow()), "1-2!");
    });
}

#[test]
fn graph_snapshot_and_backward_traces() {
    with_big_stack(|| {
        let mut s = Session::new(Config {
            snapshot_graph: true,
            trace_backward: true,
            ..config()
        });
        let r = s.run(
            "import torch\nx2 = torch.ones(2, 2, requires_grad=True)\ny = x2 + 2\nz = y * y * 3\nout = z.mean()\nout.backward()\nprint(x2.grad)\n",
        );
        assert_eq!(
            r.stdout,
            "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])\n"
        );
        assert!(!r.graph.nodes.is_empty());
        assert_eq!(r.traces.len(), 1);
        assert!(!r.traces[0].steps.is_empty());
    });
}

#[test]
fn step_budget_is_configurable() {
    with_big_stack(|| {
        let mut c = config();
        c.limits.max_steps = 1000;
        let mut s = Session::new(c);
        let r = s.run("n = 0\nwhile True:\n    n += 1\n");
        let d = r.error.expect("timeout");
        assert_eq!(d.kind, "TimeoutError");
        assert!(r.steps > 1000);
    });
}

#[test]
fn sys_exit_and_stderr() {
    with_big_stack(|| {
        let mut s = Session::new(config());
        let r = s.run(
            "import sys\nprint('a')\nprint('warn', file=sys.stderr)\nsys.exit(3)\nprint('never')\n",
        );
        assert_eq!(r.stdout, "a\n");
        assert_eq!(r.stderr, "warn\n");
        assert_eq!(r.exit_code, 3);
        assert!(r.error.is_none() && r.traceback.is_none());
        let r = s.run("import sys\nsys.exit('bye')\n");
        assert_eq!((r.stderr.as_str(), r.exit_code), ("bye\n", 1));
        let r = s.run("1/0\n");
        assert_eq!(r.exit_code, 1);
    });
}
