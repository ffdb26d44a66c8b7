//! The release build of the web app and its size report.

use crate::shell::{self, cmd, root, Result};
use std::io::Write;
use std::path::Path;

/// One file of `dist/`: raw and gzip-compressed (level 9) bytes.
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
}

impl FileSize {
    /// Whether the full page (index.html) downloads this file. The blog-embedding files
    /// (`embed.js`, `embed.html`, `example-post.html`) are served beside it but not loaded by it.
    pub fn loaded_by_page(&self) -> bool {
        !(self.name.starts_with("embed") || self.name.starts_with("example-post"))
    }
}

/// Gzip bytes of everything the full page downloads.
pub fn page_weight(sizes: &[FileSize]) -> usize {
    sizes
        .iter()
        .filter(|f| f.loaded_by_page())
        .map(|f| f.gzip)
        .sum()
}

pub fn build_and_report() -> Result<Vec<FileSize>> {
    crate::tools::ensure_web_build_tools()?;
    shell::step("trunk build --release (into dist/)");
    cmd("trunk", &["build", "--release"]).run()?;
    let sizes = measure(&root().join("dist"))?;
    print_report(&sizes);
    Ok(sizes)
}

pub fn measure(dist: &Path) -> Result<Vec<FileSize>> {
    let mut sizes = Vec::new();
    let mut pending = vec![dist.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            sizes.push(FileSize {
                name: path
                    .strip_prefix(dist)
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
                raw: bytes.len(),
                gzip: gzip_len(&bytes),
            });
        }
    }
    sizes.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(sizes)
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

fn print_report(sizes: &[FileSize]) {
    println!("\n{:<48} {:>10} {:>10}", "dist/ file", "raw B", "gzip B");
    for f in sizes {
        println!("{:<48} {:>10} {:>10}", f.name, f.raw, f.gzip);
    }
    let (raw, gzip) = sizes
        .iter()
        .fold((0, 0), |(r, g), f| (r + f.raw, g + f.gzip));
    println!("{:<48} {:>10} {:>10}", "total", raw, gzip);
    println!(
        "{:<48} {:>10} {:>10}",
        "the full page (without the embed files)",
        sizes
            .iter()
            .filter(|f| f.loaded_by_page())
            .map(|f| f.raw)
            .sum::<usize>(),
        page_weight(sizes)
    );
}
