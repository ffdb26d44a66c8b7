//! Installs the pinned toolchain when missing and skips what is present at the right version.
//!
//! Only crates.io, npm and Debian are reachable from our machines, so nothing may download a
//! prebuilt binary: Trunk and wasm-bindgen are built from crates.io, wasm-opt comes from npm's
//! `binaryen` (Debian's binaryen 108 cannot read what rustc 1.95 emits), Chromium from Debian.

use crate::shell::{self, cmd, root, Result};
use std::path::PathBuf;

/// Trunk 0.21.14 installs with `--locked` on our rustc (0.22 declares rustc 1.96 and needs
/// `--ignore-rust-version`); its only gain, JS minification, is worth ~2 KB gzipped to us.
const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn e2e_dir() -> PathBuf {
    root().join("tests/e2e")
}

pub fn npm_bin_dir() -> PathBuf {
    e2e_dir().join("node_modules/.bin")
}

/// Everything `trunk build` needs, at the pinned versions.
pub fn ensure_web_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_npm_packages()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    // wasm-bindgen-cli cannot be installed `--locked` (its lockfile names a yanked crate).
    ensure_cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &locked_wasm_bindgen()?,
        &[],
    )?;
    // Trunk runs offline (Trunk.toml), which passes --offline to cargo: fetch first.
    shell::step("cargo fetch --locked (Trunk builds offline)");
    cmd("cargo", &["fetch", "--locked"]).run()
}

/// Chromium and its driver for the browser tests, and the npm test packages.
pub fn ensure_browser_test_tools() -> Result {
    ensure_npm_packages()?;
    if PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists() {
        return Ok(());
    }
    shell::step("installing Debian chromium and chromium-driver (apt-get)");
    cmd("apt-get", &["update", "-q"]).run()?;
    cmd(
        "apt-get",
        &[
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ],
    )
    .env("DEBIAN_FRONTEND", "noninteractive")
    .run()
}

fn ensure_wasm_target() -> Result {
    let installed = cmd("rustup", &["target", "list", "--installed"]).read();
    if installed.is_some_and(|list| list.lines().any(|t| t.trim() == WASM_TARGET)) {
        return Ok(());
    }
    shell::step(&format!("installing the {WASM_TARGET} target"));
    cmd("rustup", &["target", "add", WASM_TARGET]).run()
}

/// `cargo install`s `krate` unless `binary --version` already reports `version`.
fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, extra: &[&str]) -> Result {
    let reported = cmd(binary, &["--version"]).read().unwrap_or_default();
    if reported.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    shell::step(&format!(
        "installing {krate} {version} from crates.io (takes 10-25 minutes on 2 cores; found: {})",
        if reported.is_empty() {
            "none"
        } else {
            reported.trim()
        }
    ));
    let mut args = vec!["install", krate, "--version", version, "--force"];
    args.extend_from_slice(extra);
    cmd("cargo", &args).run()?;
    let reported = cmd(binary, &["--version"]).read().unwrap_or_default();
    if reported.split_whitespace().nth(1) != Some(version) {
        return Err(format!(
            "`{binary} --version` says {reported:?} after installing {krate} {version}; is {} first on PATH?",
            shell::cargo_install_bin().display()
        ));
    }
    Ok(())
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == r#"name = "wasm-bindgen""# {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// `npm ci` in tests/e2e (playwright-core, binaryen for wasm-opt, axe-core), skipped when the
/// installed tree was made from the current package-lock.json.
fn ensure_npm_packages() -> Result {
    let lock = std::fs::read(e2e_dir().join("package-lock.json"))
        .map_err(|e| format!("cannot read tests/e2e/package-lock.json: {e}"))?;
    let stamp = e2e_dir().join("node_modules/.xtask-installed-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..])
        && npm_bin_dir().join("wasm-opt").exists()
    {
        return Ok(());
    }
    shell::step("installing npm packages (npm ci in tests/e2e)");
    cmd("npm", &["ci", "--no-audit", "--no-fund"])
        .dir(e2e_dir())
        .run()?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}
