//! `cargo xtask test`: every check the project has, in the order that fails
//! fastest. CI (`.ci/run`) calls exactly this.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::app_build::build_app;
use crate::bootstrap::{ensure_all, Needs};
use crate::disk::usage_note;
use crate::shell::{run, target_dir, tool_path};

/// Chromium flags that keep it off this machine's closed network
/// (see docs/toolchain.md).
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The native tests' cargo arguments. Every cargo command of the tests
/// selects the same packages so that they share one build.
const NATIVE_TESTS: &[&str] = &["test", "--workspace", "--locked"];

pub(crate) fn test_all(root: &Path) -> Result<()> {
    let started = Instant::now();
    step(root, "install what is missing", || {
        ensure_all(root, Needs::Everything)
    })?;
    step(root, "formatting", || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    step(root, "clippy (native)", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(root, "clippy (wasm32)", || {
        run(cargo().args([
            "clippy",
            "-p",
            "scoring",
            "-p",
            "app",
            "--all-targets",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // One build and one run for both databases: the server's tests run each
    // case on SQLite and, with TIYAN_TEST_PG=1, again on PostgreSQL. A second
    // `cargo test -p server` would select fewer packages, unify different
    // features and rebuild 72 crates (86 s in a clean run).
    step(
        root,
        "native tests (server on SQLite and PostgreSQL)",
        || {
            run(without_incremental(&mut Command::new("pg_virtualenv"))
                .arg("cargo")
                .args(NATIVE_TESTS)
                .env("TIYAN_TEST_PG", "1"))
        },
    )?;
    step(root, "wasm tests in headless Chromium", || wasm_tests(root))?;
    step(root, "build the app bundles", || build_app(root))?;
    step(root, "browser end-to-end tests", || e2e_tests(root))?;
    eprintln!("\nall checks passed in {:.0?}", started.elapsed());
    Ok(())
}

fn step(root: &Path, name: &str, f: impl FnOnce() -> Result<()>) -> Result<()> {
    eprintln!("\n\x1b[1;34m==> {name}\x1b[0m");
    let t = Instant::now();
    let result = f().with_context(|| format!("step failed: {name}"));
    eprintln!(
        "\x1b[1;34m<== {name}: {} in {:.1?}\x1b[0m",
        if result.is_ok() { "ok" } else { "FAILED" },
        t.elapsed()
    );
    if let Some(note) = usage_note(&target_dir(root)) {
        eprintln!("    disk: {note}");
    }
    result
}

fn cargo() -> Command {
    let mut cargo = Command::new("cargo");
    without_incremental(&mut cargo);
    cargo
}

/// Incremental caches are off for every cargo the checks run: they help an
/// edit loop, not a full run, and take a third of target/ (1.1 of 3.4 GB).
fn without_incremental(cmd: &mut Command) -> &mut Command {
    cmd.env("CARGO_INCREMENTAL", "0")
}

/// Where the browser tests keep their configuration and scratch files.
fn scratch_dir(root: &Path) -> PathBuf {
    target_dir(root).join("xtask")
}

fn wasm_tests(root: &Path) -> Result<()> {
    let scratch = scratch_dir(root);
    std::fs::create_dir_all(&scratch)?;
    let webdriver = scratch.join("webdriver.json");
    let config = webdriver_capabilities(CHROME_ARGS);
    std::fs::write(&webdriver, config)?;
    browser_tmp(scratch.join("tmp"), |tmp| {
        run(cargo()
            .args([
                "test",
                "--locked",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "scoring",
                "-p",
                "app",
            ])
            .env("PATH", tool_path(root))
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .env("TMPDIR", tmp))
    })
}

/// The WebDriver capabilities for wasm-bindgen-test-runner.
fn webdriver_capabilities(args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| format!("\"{a}\"")).collect();
    format!(
        "{{\"goog:chromeOptions\": {{\"binary\": \"/usr/bin/chromium\", \"args\": [{}]}}}}\n",
        args.join(", ")
    )
}

fn e2e_tests(root: &Path) -> Result<()> {
    // The same build as the native tests (nothing to compile after them),
    // which leaves target/debug/tiyan-server and target/debug/tiyan.
    run(cargo().args(NATIVE_TESTS).arg("--no-run"))?;
    let binaries = target_dir(root).join("debug");
    browser_tmp(scratch_dir(root).join("tmp"), |tmp| {
        run(Command::new("node")
            .args(["--test", "--test-concurrency=1", "e2e/"])
            .current_dir(root.join("tests"))
            .env("TIYAN_SERVER_BIN", binaries.join("tiyan-server"))
            .env("TIYAN_CLI_BIN", binaries.join("tiyan"))
            .env("TIYAN_DIST", root.join("dist"))
            .env("CHROME_PATH", "/usr/bin/chromium")
            .env("TMPDIR", tmp))
    })
}

/// An empty TMPDIR for the browsers: chromedriver leaves a profile of about
/// 50 MB per session behind (380 MB per run of the tests). Removed after a
/// successful run; kept after a failed one for its logs.
fn browser_tmp(path: PathBuf, test: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if path.exists() {
        std::fs::remove_dir_all(&path)?;
    }
    std::fs::create_dir_all(&path)?;
    test(&path)?;
    std::fs::remove_dir_all(&path)?;
    Ok(())
}
