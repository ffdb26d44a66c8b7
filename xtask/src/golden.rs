//! Regenerates the golden expectations from real Python + PyTorch. CI never runs this; it only
//! compares against the committed `.out` files.

use crate::shell::{cmd, Result};

pub fn regenerate(names: &[String]) -> Result {
    let python = std::env::var("TORCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let version = cmd(&python, &["-c", "import torch; print(torch.__version__)"])
        .read()
        .ok_or_else(|| {
            format!("`{python}` cannot import torch; set TORCH_PYTHON to a Python with torch")
        })?;
    eprintln!("regenerating with torch {}", version.trim());
    let mut args = vec!["tests/gen_golden.py"];
    args.extend(names.iter().map(String::as_str));
    cmd(&python, &args).run()?;
    // The browser tests' expected console text for each lesson step, run as a notebook.
    if names.is_empty() {
        cmd(&python, &["tests/e2e/gen_lesson_expected.py"]).run()?;
    }
    Ok(())
}
