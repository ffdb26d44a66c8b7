//! Golden tests: every `tests/snippets/NAME.py` (repo root) runs through `Session` and must
//! print exactly `NAME.out` (stdout, then the traceback's last line if it raised), and warn
//! exactly as `NAME.warnings` lists (`Category: message` lines; no file: no warnings), after
//! replacing every `0x[0-9a-fA-F]+` by `0x?` on both sides.
//!
//! `tests/snippets/PENDING` (optional) lists snippets expected to fail for now, one name per
//! line (`#` comments and blank lines ignored). A listed snippet that passes fails the test,
//! so the list only shrinks.

use interp::session::with_big_stack;
use interp::{Config, Session};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn snippets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/snippets")
}

/// Replaces hexadecimal addresses by `0x?`.
fn normalize(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0'
            && i + 2 < b.len() + 1
            && matches!(b.get(i + 1), Some(b'x'))
            && b.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit())
        {
            out.push_str("0x?");
            i += 2;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or('?');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn run_snippet(path: &Path) -> String {
    let source = std::fs::read_to_string(path).unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let result = std::panic::catch_unwind(move || {
        let mut s = Session::new(Config {
            filename: name,
            ..Config::default()
        });
        let r = s.run(&source);
        r.transcript() + &warnings_section(&warning_lines(&r.stderr))
    });
    match result {
        Ok(t) => t,
        Err(_) => "<interpreter panicked>\n".to_string(),
    }
}

/// The `Category: message` part of each warning on stderr (`file:line: Category: message`,
/// as Python's `warnings.formatwarning` writes them), one a line.
fn warning_lines(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        // `file:LINE: ` then a name ending in `Warning: `.
        let Some(at) = line.find("Warning: ") else {
            continue;
        };
        let Some(start) = line[..at].rfind(": ").map(|i| i + 2) else {
            continue;
        };
        let location = &line[..start - 2];
        let numbered = location
            .rsplit_once(':')
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let category = &line[start..at];
        if numbered
            && category
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            out.push_str(&line[start..]);
            out.push('\n');
        }
    }
    out
}

/// What the comparison appends to a snippet's output for its warnings (nothing for none).
fn warnings_section(warnings: &str) -> String {
    if warnings.is_empty() {
        String::new()
    } else {
        format!("--- warnings ---\n{warnings}")
    }
}

/// A short diff: the first differing line with context.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e
        .iter()
        .zip(a.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let mut out = String::new();
    let from = first.saturating_sub(2);
    for i in from..(first + 4).min(e.len().max(a.len())) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => out.push_str(&format!("      {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("    - {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("    + {y}\n"));
                }
            }
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') && out.is_empty() {
        out.push_str("    (difference in the final newline)\n");
    }
    format!("  first difference at line {}:\n{out}", first + 1)
}

#[test]
fn golden_snippets() {
    let dir = snippets_dir();
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter_map(|n| n.strip_suffix(".py").map(String::from))
            .filter(|n| dir.join(format!("{n}.out")).exists())
            .collect(),
        Err(_) => {
            eprintln!("golden: no snippets directory at {}", dir.display());
            return;
        }
    };
    names.sort();
    let pending: BTreeSet<String> = std::fs::read_to_string(dir.join("PENDING"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.trim_end_matches(".py").to_string())
        .collect();

    let dir2 = dir.clone();
    let names2 = names.clone();
    let results: Vec<(String, String, String)> = with_big_stack(move || {
        names2
            .iter()
            .map(|n| {
                let read = |ext: &str| {
                    std::fs::read_to_string(dir2.join(format!("{n}.{ext}"))).unwrap_or_default()
                };
                let expected = read("out") + &warnings_section(&read("warnings"));
                let actual = run_snippet(&dir2.join(format!("{n}.py")));
                (n.clone(), normalize(&expected), normalize(&actual))
            })
            .collect()
    });

    let mut passed = 0;
    let mut failures = Vec::new();
    let mut newly_passing = Vec::new();
    let mut still_pending = Vec::new();
    for (name, expected, actual) in &results {
        let ok = expected == actual;
        match (ok, pending.contains(name)) {
            (true, false) => passed += 1,
            (true, true) => newly_passing.push(name.clone()),
            (false, true) => still_pending.push(name.clone()),
            (false, false) => failures.push(format!("{name}:\n{}", diff(expected, actual))),
        }
    }
    let unknown: Vec<&String> = pending.iter().filter(|p| !names.contains(p)).collect();
    eprintln!(
        "golden: {} snippets, {passed} passed, {} pending (expected failures), {} failed, {} pending now pass",
        results.len(),
        still_pending.len(),
        failures.len(),
        newly_passing.len()
    );
    let mut msg = String::new();
    if !failures.is_empty() {
        msg.push_str(&format!("{} snippet(s) differ:\n", failures.len()));
        for f in &failures {
            msg.push_str(f);
        }
        let failing: Vec<&str> = failures
            .iter()
            .map(|f| f.split(':').next().unwrap_or(""))
            .collect();
        msg.push_str(&format!(
            "\n(to accept them as pending, add to tests/snippets/PENDING:)\n{}\n",
            failing.join("\n")
        ));
    }
    if !newly_passing.is_empty() {
        msg.push_str(&format!(
            "these snippets are listed in tests/snippets/PENDING but now pass; remove them:\n{}\n",
            newly_passing.join("\n")
        ));
    }
    if !unknown.is_empty() {
        eprintln!("golden: PENDING names without a snippet: {unknown:?}");
    }
    assert!(msg.is_empty(), "{msg}");
}

#[test]
fn warning_lines_keep_category_and_message() {
    let stderr = "t.py:6: UserWarning: a: b\n  print(y.grad)\nprinted Warning: no\n\
                  /x/loss.py:630: UserWarning: c\n";
    assert_eq!(warning_lines(stderr), "UserWarning: a: b\nUserWarning: c\n");
}

#[test]
fn normalize_replaces_addresses() {
    assert_eq!(
        normalize("<AddBackward0 object at 0x7f3a9c> 0x 10"),
        "<AddBackward0 object at 0x?> 0x 10"
    );
}
