//! `cargo xtask test`: every check the project has, in the order that fails
//! fastest. CI (`.ci/run`) calls exactly this.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::app_build::build_app;
use crate::bootstrap::{ensure_all, Needs};
use crate::shell::{run, target_dir, tool_path};

/// Chromium flags that keep it off this machine's closed network
/// (see ../shared/TOOLCHAIN.md).
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

pub(crate) fn test_all(root: &Path) -> Result<()> {
    let started = Instant::now();
    step("install what is missing", || {
        ensure_all(root, Needs::Everything)
    })?;
    step("formatting", || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    step("clippy (native)", || {
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
    step("clippy (wasm32)", || {
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
    step("native tests (SQLite)", || {
        run(cargo().args(["test", "--workspace", "--locked"]))
    })?;
    step("server tests on PostgreSQL (pg_virtualenv)", || {
        run(Command::new("pg_virtualenv")
            .args(["cargo", "test", "--locked", "-p", "server"])
            .env("TIYAN_TEST_PG", "1"))
    })?;
    step("wasm tests in headless Chromium", || wasm_tests(root))?;
    step("build the app bundles", || build_app(root))?;
    step("browser end-to-end tests", || e2e_tests(root))?;
    eprintln!("\nall checks passed in {:.0?}", started.elapsed());
    Ok(())
}

fn step(name: &str, f: impl FnOnce() -> Result<()>) -> Result<()> {
    eprintln!("\n\x1b[1;34m==> {name}\x1b[0m");
    let t = Instant::now();
    let result = f().with_context(|| format!("step failed: {name}"));
    eprintln!(
        "\x1b[1;34m<== {name}: {} in {:.1?}\x1b[0m",
        if result.is_ok() { "ok" } else { "FAILED" },
        t.elapsed()
    );
    result
}

fn cargo() -> Command {
    Command::new("cargo")
}

fn wasm_tests(root: &Path) -> Result<()> {
    let scratch = target_dir(root).join("xtask");
    let tmp = scratch.join("tmp");
    std::fs::create_dir_all(&tmp)?;
    let webdriver = scratch.join("webdriver.json");
    let config = webdriver_capabilities(CHROME_ARGS);
    std::fs::write(&webdriver, config)?;
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
        .env("TMPDIR", &tmp))
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
    run(cargo().args(["build", "--locked", "-p", "server", "-p", "cli"]))?;
    let tmp = target_dir(root).join("xtask/tmp");
    std::fs::create_dir_all(&tmp)?;
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "e2e/"])
        .current_dir(root.join("tests"))
        .env(
            "TIYAN_SERVER_BIN",
            target_dir(root).join("debug/tiyan-server"),
        )
        .env("TIYAN_CLI_BIN", target_dir(root).join("debug/tiyan"))
        .env("TIYAN_DIST", root.join("dist"))
        .env("CHROME_PATH", "/usr/bin/chromium")
        .env("TMPDIR", &tmp))
}
