//! No input may panic, overflow the stack or hang: garbage, deep nesting, runaway loops,
//! memory bombs, deep recursion, huge graphs.

use interp::{Config, Limits, RunResult, Session};

/// Runs on a 16 MB stack: enough for the default recursion limit in debug builds, small
/// enough that unbounded native recursion would be caught here.
fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}
use std::time::{Duration, Instant};

fn run_with(src: &str, limits: Limits) -> RunResult {
    let src = src.to_string();
    with_big_stack(move || {
        let mut s = Session::new(Config {
            limits,
            filename: "t.py".into(),
            ..Config::default()
        });
        s.run(&src)
    })
}

fn run(src: &str) -> RunResult {
    run_with(
        src,
        Limits {
            max_steps: 2_000_000,
            ..Limits::default()
        },
    )
}

fn last_line(r: &RunResult) -> String {
    r.traceback
        .as_deref()
        .and_then(|t| t.lines().last())
        .unwrap_or("")
        .to_string()
}

#[test]
fn garbage_never_panics() {
    // Deterministic pseudo-random programs from a Python-flavoured alphabet and raw bytes.
    let pieces = [
        "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//",
        "%", "@", "<", ">", "not ", " and ", " or ", "if ", "else ", "elif ", "for ", " in ",
        "while ", "def ", "class ", "return ", "lambda ", "x", "y", "f", "1", "0", "1.5", "'s'",
        "\"t", "'''", "f'{x}'", "f'{", "\n", "\n    ", "\t", "\\", "#", "None", "True", "import ",
        "torch", "try:", "except ", "finally:", "with ", "as ", "yield", "*args", "**kw", "...",
        ";", "é", "中", "\u{0}", "0x", "1e", "1_0", "del ", "global ", "assert ", "raise ",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut programs = Vec::new();
    for _ in 0..1500 {
        let n = (next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
        }
        programs.push(s);
    }
    for _ in 0..200 {
        let n = (next() % 64) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| (next() % 256) as u8).collect();
        programs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    with_big_stack(move || {
        for p in programs {
            let mut s = Session::new(Config {
                limits: Limits {
                    max_steps: 20_000,
                    ..Limits::default()
                },
                ..Config::default()
            });
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.run(&p)));
            assert!(r.is_ok(), "panic on input {p:?}");
        }
    });
}

#[test]
fn deep_nesting_is_an_error() {
    let cases = [
        "(".repeat(10_000),
        format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}1\n", "not ".repeat(10_000)),
        format!("x = {}1\n", "lambda: ".repeat(5_000)),
        format!("x = 1{}\n", " ** 1".repeat(10_000)),
        format!("x = {}\n", "f(".repeat(150) + &")".repeat(150)),
        (0..1000)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>(),
    ];
    for c in cases {
        let r = run(&c);
        assert!(
            r.error.is_some(),
            "expected an error for input of {} bytes",
            c.len()
        );
    }
}

#[test]
fn runaway_loops_stop_with_a_clear_error() {
    let limits = Limits {
        max_steps: 200_000,
        ..Limits::default()
    };
    for src in [
        "while True: pass\n",
        "for i in range(10**12): pass\n",
        "x = [i for i in range(10**12)]\n",
        "def f():\n    while True:\n        try:\n            pass\n        except Exception:\n            pass\nf()\n",
        "while True:\n    try:\n        while True: pass\n    except Exception:\n        pass\n",
        "sum(range(10**12))\n",
    ] {
        let t = Instant::now();
        let r = run_with(src, limits.clone());
        assert!(t.elapsed() < Duration::from_secs(20), "{src} took too long");
        let e = r.error.expect("error");
        assert_eq!(e.kind, "TimeoutError", "{src}");
        assert!(e.message.contains("step limit"), "{}", e.message);
    }
}

#[test]
fn memory_bombs_fail_at_once() {
    for src in [
        "x = [0] * 10**10\n",
        "x = 'ab' * 10**10\n",
        "x = 10 ** 10 ** 10\n",
        "x = 1 << 10**12\n",
        "x = list(range(10**11))\n",
        "import torch\nx = torch.ones(100000, 100000)\n",
        "x = 'x'.center(10**11)\n",
    ] {
        let t = Instant::now();
        let r = run(src);
        assert!(t.elapsed() < Duration::from_secs(10), "{src} took too long");
        let e = r.error.unwrap_or_else(|| panic!("no error for {src}"));
        assert!(
            e.kind == "MemoryError" || e.kind == "RuntimeError",
            "{src}: {} {}",
            e.kind,
            e.message
        );
    }
}

#[test]
fn recursion_limit_is_a_recursion_error() {
    let r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(
        last_line(&r),
        "RecursionError: maximum recursion depth exceeded"
    );
    // Caught, and the interpreter keeps working afterwards.
    let r = run(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\nprint('after')\n",
    );
    assert_eq!(r.stdout, "caught maximum recursion depth exceeded\nafter\n");
}

#[test]
fn deep_structures_drop_and_print_safely() {
    let r =
        run("a = []\nfor i in range(200000):\n    a = [a]\nprint(len(a))\ndel a\nprint('ok')\n");
    assert_eq!(r.stdout, "1\nok\n");
    let r = run("a = []\nfor i in range(5000):\n    a = [a]\nprint(a)\n");
    assert_eq!(r.error.map(|e| e.kind).as_deref(), Some("RecursionError"));
    let r =
        run("a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n");
    assert_eq!(r.error.map(|e| e.kind).as_deref(), Some("RecursionError"));
    let r = run("t = ()\nfor i in range(100000):\n    t = (t,)\nd = {t: 1}\n");
    assert_eq!(r.error.map(|e| e.kind).as_deref(), Some("RecursionError"));
    let r = run("class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nn = None\nfor i in range(200000):\n    n = Node(n)\ndel n\nit = iter([1])\nfor i in range(100000):\n    it = map(abs, it)\ntry:\n    next(it)\nexcept RecursionError:\n    print('deep map')\ndel it\ns = {1}\nfor i in range(100000):\n    s = {(s and 1, i)}\nprint('ok')\n");
    assert_eq!(r.stdout, "deep map\nok\n", "{:?}", r.error);
    let r = run("a = [1]\na.append(a)\nprint(a)\nd = {}\nd['d'] = d\nprint(d)\n");
    assert_eq!(r.stdout, "[1, [...]]\n{'d': {...}}\n");
}

#[test]
fn long_autograd_chain() {
    let r = run_with(
        "import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(200000):\n    y = y * 1.0\ny.backward()\nprint(x.grad)\ndel y\nprint('done')\n",
        Limits::default(),
    );
    assert_eq!(r.stdout, "tensor([1.])\ndone\n", "{:?}", r.error);
}

#[test]
fn unsupported_builtin_bases_say_so() {
    for t in ["list", "int"] {
        let r = run(&format!("class My({t}):\n    pass\n"));
        assert_eq!(
            last_line(&r),
            format!("NotImplementedError: subclassing '{t}' is not supported by this interpreter")
        );
    }
    // dict is: its instances hold a dict.
    let r = run("class My(dict):\n    pass\nprint(My(a=1))\n");
    assert_eq!(r.stdout, "{'a': 1}\n", "{:?}", r.error);
}

#[test]
fn no_file_or_process_access() {
    let r = run("open('/etc/passwd')\n");
    assert_eq!(r.error.map(|e| e.kind).as_deref(), Some("OSError"));
    for m in ["os", "subprocess", "socket", "shutil"] {
        let r = run(&format!("import {m}\n"));
        assert_eq!(
            last_line(&r),
            format!("ModuleNotFoundError: No module named '{m}'")
        );
    }
}
