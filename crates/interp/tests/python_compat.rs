//! Language conformance: every `tests/cases/NAME.py` (in this crate) must print exactly
//! `NAME.out`, which was produced by CPython 3.11 (`python3 NAME.py > NAME.out 2>&1`,
//! keeping only the last traceback line for programs that raise).

use interp::session::with_big_stack;
use interp::{Config, Session};
use std::path::Path;

#[test]
fn python_cases_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".py").map(String::from))
        .collect();
    names.sort();
    let failures = with_big_stack(move || {
        let mut failures = Vec::new();
        for n in &names {
            let src = std::fs::read_to_string(dir.join(format!("{n}.py"))).unwrap_or_default();
            let want = std::fs::read_to_string(dir.join(format!("{n}.out"))).unwrap_or_default();
            let mut s = Session::new(Config::default());
            let got = s.run(&src).transcript();
            if got != want {
                let line = want
                    .lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(want.lines().count().min(got.lines().count()));
                failures.push(format!(
                    "{n}.py, line {}:\n  - {}\n  + {}",
                    line + 1,
                    want.lines().nth(line).unwrap_or("<end>"),
                    got.lines().nth(line).unwrap_or("<end>")
                ));
            }
        }
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
