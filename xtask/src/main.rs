//! Project automation, rust-analyzer style: `cargo xtask <command>`.
//!
//! Every command first installs what it needs and is missing (see `tools.rs`), so a fresh
//! machine needs nothing but `cargo` and this repository.

mod bench;
mod dist;
mod golden;
mod shell;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve    install what is missing, build, serve the playground on http://127.0.0.1:8080
  test     install what is missing, run every check (what CI runs)
  dist     release build into dist/ and a size report
  bench    measurements for BENCHMARKS.md (`bench sizes`: wasm size per release profile;
           `bench autograd` / `bench pyrun`: beside PyTorch, TORCH_PYTHON, default python3)
  golden   regenerate tests/snippets/*.out with real PyTorch (TORCH_PYTHON, default python3)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("dist") => dist::build_and_report().map(|_| ()),
        Some("golden") => golden::regenerate(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn serve() -> shell::Result {
    tools::ensure_web_build_tools()?;
    shell::step("serving the playground on http://127.0.0.1:8080");
    shell::cmd(
        "trunk",
        &["serve", "--port", "8080", "--address", "127.0.0.1"],
    )
    .run()
}

/// The single command CI runs: everything a change must pass.
fn test() -> shell::Result {
    let started = std::time::Instant::now();
    tools::ensure_web_build_tools()?;
    tools::ensure_browser_test_tools()?;

    shell::step("cargo fmt --check");
    shell::cmd("cargo", &["fmt", "--all", "--check"]).run()?;
    shell::step("cargo clippy");
    shell::cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )
    .run()?;
    shell::step("cargo test");
    shell::cmd("cargo", &["test", "--workspace", "--locked"]).run()?;

    dist::build_and_report()?;

    shell::step("browser tests (headless Chromium)");
    shell::cmd("node", &["--test", "--test-concurrency=1"])
        .dir(tools::e2e_dir())
        .run()?;

    shell::step(&format!(
        "all checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}
