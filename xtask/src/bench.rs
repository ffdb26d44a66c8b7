//! `cargo xtask bench [sizes]`: measurements whose figures go into BENCHMARKS.md. They are
//! measured here, never asserted by timed tests.

use crate::dist::{self, FileSize};
use crate::shell::{self, cmd, root, Result};

pub fn run(args: &[String]) -> Result {
    let which = args.first().map(String::as_str).unwrap_or("all");
    if matches!(which, "sizes" | "all") {
        profile_sizes()?;
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
    println!("\n| variant | page wasm gz | worker wasm gz | everything gz |");
    println!("|---|---:|---:|---:|");
    for (name, sizes) in &rows {
        let gz = |pred: &dyn Fn(&FileSize) -> bool| {
            sizes
                .iter()
                .filter(|f| pred(f))
                .map(|f| f.gzip)
                .sum::<usize>()
        };
        println!(
            "| {name} | {} | {} | {} |",
            gz(&|f| f.name.ends_with("_bg.wasm") && !f.name.starts_with("worker")),
            gz(&|f| f.name == "worker_bg.wasm"),
            gz(&|_| true),
        );
    }
    Ok(())
}
