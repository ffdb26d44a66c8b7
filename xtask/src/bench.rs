//! `cargo xtask bench [sizes|autograd|pyrun|page|all]`: measurements whose figures go into
//! BENCHMARKS.md. They are measured here, never asserted by timed tests.
//!
//! `autograd` and `pyrun` measure our code beside PyTorch on the CPU (one thread) in the same
//! run, when `TORCH_PYTHON` (default `python3`) can import torch; otherwise they print our
//! figures alone and say so.

use crate::dist::{self, FileSize};
use crate::shell::{self, cmd, root, Result};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

pub fn run(args: &[String]) -> Result {
    let which = args.first().map(String::as_str).unwrap_or("all");
    if !matches!(which, "sizes" | "autograd" | "pyrun" | "page" | "all") {
        return Err(format!(
            "unknown benchmark `{which}`; expected sizes, autograd, pyrun, page or all"
        ));
    }
    if matches!(which, "sizes" | "all") {
        profile_sizes()?;
    }
    if matches!(which, "autograd" | "all") {
        autograd_bench(which)?;
    }
    if matches!(which, "pyrun" | "all") {
        pyrun_bench(which)?;
    }
    if matches!(which, "page" | "all") {
        page_bench()?;
    }
    Ok(())
}

/// The page in headless Chromium (`tests/e2e/bench.mjs`): what it downloads, how soon the first
/// lesson output shows, a 500-node graph, and the training script in the browser beside native
/// `pyrun` on the same machine.
fn page_bench() -> Result {
    const SCRIPT: &str = "tests/bench/train_mlp.py";
    crate::tools::ensure_browser_test_tools()?;
    let sizes = dist::build_and_report()?;
    let total = dist::page_weight(&sizes);
    shell::step("pyrun: cargo build --release -p interp");
    cmd("cargo", &["build", "--release", "-p", "interp"]).run()?;
    let pyrun = target_dir().join("release/pyrun").display().to_string();
    let (native, out) = median_of_3(&pyrun, &[SCRIPT])?;
    if !last_line(&out).contains("done") {
        return Err(format!("pyrun did not finish {SCRIPT}"));
    }
    shell::step("page: tests/e2e/bench.mjs in headless Chromium");
    let json = cmd("node", &["bench.mjs"])
        .dir(crate::tools::e2e_dir())
        .env("BENCH_TRAINING_SCRIPT", root().join(SCRIPT))
        .read()
        .ok_or("tests/e2e/bench.mjs failed")?;
    let field = |name: &str| -> Option<f64> {
        let rest = json.split(&format!("\"{name}\":")).nth(1)?;
        rest.split([',', '}']).next()?.trim().parse().ok()
    };
    let ms = |name: &str| field(name).map_or("?".to_string(), |v| format!("{v:.0} ms"));
    let browser_s = field("training_in_browser_ms").map(|v| v / 1000.0);
    println!("\n`cargo xtask bench page` ({})\n", context());
    println!("| measurement | value | target |");
    println!("|---|---:|---|");
    println!(
        "| everything the page downloads, gzip -9 | {} KB | ≤ 300 KB (aim 250) |",
        total / 1000
    );
    println!(
        "| navigation to the first lesson output painted (page's clock, no Playwright in the page; median of 5) | {} | < 300 ms |",
        ms("first_output_ms")
    );
    println!(
        "| 500-node graph: worker response to graph drawn (decode, layout, render; median of 5) | {} | layout+render < 16 ms |",
        ms("render_500_nodes_ms")
    );
    println!(
        "| 500-node graph: worker response to the browser's next frame done (styles, layout, paint; median of 5) | {} | – |",
        ms("painted_500_nodes_ms")
    );
    println!(
        "| 500-node graph: click Run to graph painted, interpreter included (page's clock; median of 5) | {} | – |",
        ms("chain_500_nodes_run_and_render_ms")
    );
    println!(
        "| {SCRIPT}: browser (Run clicked as the first output shows; click to output painted, page's clock) vs native pyrun (whole process) | {} vs {native:.2} s{} | browser within 2× |",
        browser_s.map_or("?".into(), |b| format!("{b:.2} s")),
        browser_s.map_or(String::new(), |b| format!(" ({:.1}×)", b / native)),
    );
    for (name, what) in [
        ("training_after_3s_ms", "clicked 3 s after the first output"),
        ("training_again_ms", "a second Run on the same page"),
    ] {
        let browser_s = field(name).map(|v| v / 1000.0);
        println!(
            "| {SCRIPT}, {what}: browser vs native | {}{} | – |",
            browser_s.map_or("?".into(), |b| format!("{b:.2} s vs {native:.2} s")),
            browser_s.map_or(String::new(), |b| format!(" ({:.1}×)", b / native)),
        );
    }
    Ok(())
}

/// Release-profile variants for the wasm, each built by Trunk into its own folder. Cargo reads
/// `CARGO_PROFILE_WASM_RELEASE_*` overrides from the environment, so Cargo.toml stays as is.
const VARIANTS: &[(&str, &[(&str, &str)])] = &[
    ("opt-level=z, lto, 1 cgu, wasm-opt -Oz (shipped)", &[]),
    (
        "opt-level=s, lto, 1 cgu, wasm-opt -Oz",
        &[("CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL", "s")],
    ),
    (
        "opt-level=z, no lto, 1 cgu, wasm-opt -Oz",
        &[("CARGO_PROFILE_WASM_RELEASE_LTO", "false")],
    ),
    (
        "opt-level=z, lto, 16 cgu, wasm-opt -Oz",
        &[("CARGO_PROFILE_WASM_RELEASE_CODEGEN_UNITS", "16")],
    ),
];

fn profile_sizes() -> Result {
    crate::tools::ensure_web_build_tools()?;
    let mut rows = Vec::new();
    for (i, (name, env)) in VARIANTS.iter().enumerate() {
        shell::step(&format!("size variant: {name}"));
        let out = root().join(format!("target/size-variants/{i}"));
        let mut c = cmd(
            "trunk",
            &["build", "--release", "--dist", &out.display().to_string()],
        );
        for (k, v) in env.iter() {
            c = c.env(k, v);
        }
        c.run()?;
        let sizes = dist::measure(&out)?;
        rows.push((name, sizes));
    }
    println!("\n| variant | wasm gz | everything the page loads gz |");
    println!("|---|---:|---:|");
    for (name, sizes) in &rows {
        let gz = |pred: &dyn Fn(&FileSize) -> bool| {
            sizes
                .iter()
                .filter(|f| pred(f))
                .map(|f| f.gzip)
                .sum::<usize>()
        };
        println!(
            "| {name} | {} | {} |",
            gz(&|f| f.name.ends_with("_bg.wasm")),
            dist::page_weight(sizes),
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// autograd and pyrun beside PyTorch

/// `target/` (or `$CARGO_TARGET_DIR`).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| if d.is_absolute() { d } else { root().join(d) })
        .unwrap_or_else(|| root().join("target"))
}

/// The Python that runs the torch side, and torch's version if it can import torch.
fn torch_python() -> (String, Option<String>) {
    let python = std::env::var("TORCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let version = cmd(
        &python,
        &[
            "-c",
            "import torch; print(torch.__version__, torch.get_num_threads())",
        ],
    )
    .read()
    .map(|v| v.trim().to_string());
    (python, version)
}

/// The command line as typed, with the Python it used.
fn command_line(which: &str, python: &str) -> String {
    match std::env::var("TORCH_PYTHON") {
        Ok(_) => format!("TORCH_PYTHON={python} cargo xtask bench {which}"),
        Err(_) => format!("cargo xtask bench {which}"),
    }
}

/// Date (UTC) and machine, for the heading of a table.
fn context() -> String {
    let date = cmd("date", &["-u", "+%Y-%m-%d %H:%M UTC"])
        .read()
        .map(|d| d.trim().to_string())
        .unwrap_or_else(|| "unknown date".into());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .map(|l| format!(", load average {l} at start"))
        .unwrap_or_default();
    format!("{date}; {cpu}, {cores} cores{load}")
}

/// `BENCH <name> <value> <unit>` lines.
fn parse_bench_lines(out: &str) -> Vec<(String, f64, String)> {
    out.lines()
        .filter_map(|l| {
            let mut it = l.strip_prefix("BENCH ")?.split_whitespace();
            let name = it.next()?.to_string();
            let value = it.next()?.parse().ok()?;
            let unit = it.next()?.to_string();
            Some((name, value, unit))
        })
        .collect()
}

fn lookup(rows: &[(String, f64, String)], name: &str) -> Option<f64> {
    rows.iter().find(|(n, _, _)| n == name).map(|(_, v, _)| *v)
}

/// Ours against PyTorch: `"7.1× faster"` / `"2.3× slower"`.
fn versus(ours: f64, torch: f64) -> String {
    if ours <= torch {
        format!("{:.1}× faster", torch / ours)
    } else {
        format!("{:.1}× slower", ours / torch)
    }
}

/// `ratio` is PyTorch's time over ours; `min_ratio` the target's.
fn verdict(ratio: Option<f64>, min_ratio: f64) -> &'static str {
    match ratio {
        None => "no torch",
        Some(r) if r >= min_ratio => "met",
        Some(_) => "**not met**",
    }
}

/// Runs the autograd example (built for the default target, as shipped, and with
/// `-C target-cpu=$BENCH_TARGET_CPU`, default `x86-64-v3`) and the torch script.
fn autograd_bench(which: &str) -> Result {
    let (python, torch) = torch_python();
    shell::step("autograd: build the bench example (release)");
    cmd(
        "cargo",
        &["build", "--release", "-p", "autograd", "--example", "bench"],
    )
    .run()?;
    let example = target_dir().join("release/examples/bench");
    shell::step("autograd: ours");
    let ours_out = cmd(&example.display().to_string(), &[])
        .read()
        .ok_or("the autograd bench example failed")?;
    let ours = parse_bench_lines(&ours_out);

    // The shipped native build targets baseline x86-64 (SSE2: no FMA instruction, so the
    // float32 matmul emulates fmaf in f64). The same example built for a CPU level with FMA
    // shows what enabling it would give; BENCH_TARGET_CPU=none skips this build.
    let cpu_level = std::env::var("BENCH_TARGET_CPU").unwrap_or_else(|_| "x86-64-v3".into());
    let native = if cpu_level == "none" || !cfg!(target_arch = "x86_64") {
        None
    } else {
        shell::step(&format!(
            "autograd: the same example built with -C target-cpu={cpu_level}"
        ));
        let dir = root().join(format!("target/bench-{cpu_level}"));
        cmd(
            "cargo",
            &["build", "--release", "-p", "autograd", "--example", "bench"],
        )
        .env("RUSTFLAGS", format!("-C target-cpu={cpu_level}"))
        .env("CARGO_TARGET_DIR", &dir)
        .run()?;
        let out = cmd(
            &dir.join("release/examples/bench").display().to_string(),
            &[],
        )
        .read()
        .ok_or("the autograd bench example (target-cpu build) failed")?;
        Some(parse_bench_lines(&out))
    };

    let theirs = match &torch {
        Some(version) => {
            shell::step(&format!(
                "autograd: PyTorch (version, default threads: {version})"
            ));
            let out = cmd(&python, &["tests/bench/autograd_torch.py"])
                .read()
                .ok_or("tests/bench/autograd_torch.py failed")?;
            parse_bench_lines(&out)
        }
        None => Vec::new(),
    };

    println!("\n`{}` ({})\n", command_line(which, &python), context());
    match &torch {
        Some(v) => println!(
            "PyTorch {} on the CPU via `{python}`, `torch.set_num_threads(1)`; every figure is the median of 7 trials.\n",
            v.split_whitespace().next().unwrap_or(v)
        ),
        None => println!(
            "torch was not found (`{python}` cannot import torch; set TORCH_PYTHON): our figures only.\n"
        ),
    }
    println!("| benchmark | ours | PyTorch | ours vs PyTorch | target |");
    println!("|---|---:|---:|---:|---|");
    let rows: &[(&str, &str, Option<f64>)] = &[
        ("add_2x2", "add, 2x2 float32, no grad (per op)", Some(5.0)),
        ("mul_2x2", "mul, 2x2 float32, no grad (per op)", Some(5.0)),
        (
            "add_2x2_grad",
            "add, 2x2 float32, requires_grad (per op, records the node)",
            Some(5.0),
        ),
        (
            "mul_2x2_grad",
            "mul, 2x2 float32, requires_grad (per op, records the node)",
            Some(5.0),
        ),
        ("matmul_256", "256x256 float32 matmul", Some(1.0 / 3.0)),
        (
            "backward_chain_10000",
            "backward through a 10,000-node chain",
            None,
        ),
    ];
    let fmt = |v: Option<f64>, unit: &str| {
        v.map_or("–".to_string(), |v| {
            if v < 10.0 {
                format!("{v:.3} {unit}")
            } else {
                format!("{v:.1} {unit}")
            }
        })
    };
    for &(name, what, target) in rows {
        let unit = ours
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or("", |(_, _, u)| u.as_str());
        let o = lookup(&ours, name);
        let t = lookup(&theirs, name);
        let ratio = o.zip(t).map(|(o, t)| t / o);
        let vs = o.zip(t).map_or("–".to_string(), |(o, t)| versus(o, t));
        let target_text = match target {
            Some(r) if r >= 1.0 => format!("≥ {r:.0}× faster: {}", verdict(ratio, r)),
            Some(r) => format!("≤ {:.0}× slower: {}", 1.0 / r, verdict(ratio, r)),
            None => "–".to_string(),
        };
        println!(
            "| {what} | {} | {} | {vs} | {target_text} |",
            fmt(o, unit),
            fmt(t, unit)
        );
        if name == "matmul_256" {
            if let Some(native) = &native {
                let o = lookup(native, name);
                let ratio = o.zip(t).map(|(o, t)| t / o);
                let vs = o.zip(t).map_or("–".to_string(), |(o, t)| versus(o, t));
                println!(
                    "| 256x256 float32 matmul, ours built with `-C target-cpu={cpu_level}` (hardware FMA) | {} | {} | {vs} | ≤ 3× slower: {} |",
                    fmt(o, unit),
                    fmt(t, unit),
                    verdict(ratio, 1.0 / 3.0)
                );
            }
        }
    }
    if let Some(overhead) = lookup(&theirs, "python_loop_overhead") {
        println!(
            "\nPyTorch's per-op figures include Python's loop and call overhead, measured alone at {overhead:.3} us per iteration; ours call the Rust API from a Rust loop."
        );
    }
    Ok(())
}

/// Wall time of one run of `program args`, its stdout, or an error. Torch gets one intra-op
/// thread through the environment (`OMP_NUM_THREADS=1` is what `torch.set_num_threads(1)`
/// sets), so the script itself stays within what pyrun runs.
fn timed_run(program: &str, args: &[&str]) -> Result<(f64, String)> {
    let t = Instant::now();
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .env("OMP_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .output()
        .map_err(|e| format!("cannot start `{program}`: {e}"))?;
    let secs = t.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!(
            "`{program} {}` failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok((secs, String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// Median of three wall times and the last run's stdout.
fn median_of_3(program: &str, args: &[&str]) -> Result<(f64, String)> {
    let mut times = Vec::new();
    let mut stdout = String::new();
    for _ in 0..3 {
        let (t, out) = timed_run(program, args)?;
        times.push(t);
        stdout = out;
    }
    times.sort_by(f64::total_cmp);
    Ok((times[1], stdout))
}

fn last_line(out: &str) -> String {
    out.lines().last().unwrap_or("").trim().to_string()
}

/// `tests/bench/train_mlp.py` run by `target/release/pyrun` and by Python with torch.
fn pyrun_bench(which: &str) -> Result {
    const SCRIPT: &str = "tests/bench/train_mlp.py";
    let (python, torch) = torch_python();
    shell::step("pyrun: cargo build --release -p interp");
    cmd("cargo", &["build", "--release", "-p", "interp"]).run()?;
    let pyrun = target_dir().join("release/pyrun").display().to_string();
    shell::step(&format!("pyrun: {SCRIPT} (3 runs)"));
    let (ours, ours_out) = median_of_3(&pyrun, &[SCRIPT])?;
    let ours_final = last_line(&ours_out);
    if !ours_final.contains("done") {
        return Err(format!(
            "pyrun did not finish {SCRIPT}: last line `{ours_final}`"
        ));
    }
    let theirs = match &torch {
        Some(_) => {
            shell::step(&format!("pyrun: {python} {SCRIPT} (3 runs)"));
            let (t, out) = median_of_3(&python, &[SCRIPT])?;
            let (import, _) = median_of_3(&python, &["-c", "import torch"])?;
            Some((t, last_line(&out), import))
        }
        None => None,
    };

    println!("\n`{}` ({})\n", command_line(which, &python), context());
    match &torch {
        Some(v) => println!(
            "`target/release/pyrun {SCRIPT}` beside `OMP_NUM_THREADS=1 {python} {SCRIPT}` (PyTorch {}, one thread); wall time of the whole process, median of 3 runs.\n",
            v.split_whitespace().next().unwrap_or(v)
        ),
        None => println!(
            "torch was not found (`{python}` cannot import torch; set TORCH_PYTHON): our figures only.\n"
        ),
    }
    println!("| run | pyrun | Python + PyTorch | pyrun vs PyTorch | target |");
    println!("|---|---:|---:|---:|---|");
    match &theirs {
        Some((t, _, import)) => {
            println!(
                "| tiny MLP (1-16-1, ReLU, MSELoss, SGD), 2,000 steps, whole process | {ours:.3} s | {t:.3} s | {} | ≥ 3× faster: {} |",
                versus(ours, *t),
                verdict(Some(t / ours), 3.0)
            );
            println!(
                "| of which `import torch` (Python alone: `-c \"import torch\"`) | – | {import:.3} s | – | – |"
            );
            let loop_only = t - import;
            println!(
                "| the same run less the `import torch` time | {ours:.3} s | {loop_only:.3} s | {} | – |",
                versus(ours, loop_only)
            );
        }
        None => println!(
            "| tiny MLP (1-16-1, ReLU, MSELoss, SGD), 2,000 steps, whole process | {ours:.3} s | – | – | no torch |"
        ),
    }
    println!("\nfinal line, pyrun: `{ours_final}`");
    if let Some((_, final_torch, _)) = &theirs {
        println!(
            "final line, PyTorch: `{final_torch}`{}",
            if *final_torch == ours_final {
                " (identical)"
            } else {
                " (differs)"
            }
        );
    }
    Ok(())
}
