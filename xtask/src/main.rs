//! `cargo xtask`: the project's task runner (matklad, "Basic Things").
//!
//! The two set-up commands of the README live here so that a fresh machine
//! (Rust toolchain, Node/npm and apt only) and CI run exactly the same steps:
//! - `cargo xtask run [--demo]` — install what is missing, build the app,
//!   start `tiyan-server` on 127.0.0.1:8080 (SQLite under `./data/`).
//! - `cargo xtask test` — install what is missing, then every check:
//!   fmt, clippy (native + wasm32), native tests, the server suite on
//!   PostgreSQL too, wasm tests in headless Chromium, browser end-to-end tests.

mod app_build;
mod bootstrap;
mod disk;
mod run;
mod shell;
mod test;

use std::path::PathBuf;

use anyhow::{bail, Result};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run [--demo]     install what is missing, build the app, serve it on 127.0.0.1:8080
                   (--demo: a separate database filled with generated data)
  test             install what is missing, then run every test
  bootstrap        only install the tools (idempotent)
  build-app        only build the survey and dashboard bundles into dist/
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("run") => {
            let demo = args.iter().any(|a| a == "--demo");
            run::run(&root, demo)
        }
        Some("test") => test::test_all(&root),
        Some("bootstrap") => bootstrap::ensure_all(&root, bootstrap::Needs::Everything),
        Some("build-app") => {
            bootstrap::ensure_all(&root, bootstrap::Needs::Build)?;
            app_build::build_app(&root)
        }
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => {
            eprint!("{USAGE}");
            bail!("unknown task {other:?}")
        }
    }
}

/// The workspace root: xtask lives in `<root>/xtask`.
fn project_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
