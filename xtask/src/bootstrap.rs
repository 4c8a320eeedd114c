//! Idempotent tool bootstrap: every tool pinned, checked before installing.
//!
//! A second run only checks versions (about a second). What works here and
//! the traps are recorded in `docs/toolchain.md`: trunk 0.22 needs a
//! newer rustc; wasm-bindgen-cli must equal the `wasm-bindgen` in Cargo.lock;
//! wasm-opt comes from npm `binaryen` because Debian's is too old to read
//! rustc 1.95 output; browsers come from Debian, never from a tool's own
//! download.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::shell::{first_line, on_path, run, tool_path};

pub(crate) const TRUNK_VERSION: &str = "0.21.14";

/// Debian packages for the browser tests, the PostgreSQL suite and the
/// poster test (`zbar-tools`: zbarimg decodes the rasterised QR codes,
/// server/tests/it/posters.rs).
const APT_TEST_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "postgresql",
    "zbar-tools",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// What building and serving the app needs.
    Build,
    /// Also the browsers and PostgreSQL that the tests need.
    Everything,
}

pub(crate) fn ensure_all(root: &Path, needs: Needs) -> Result<()> {
    ensure_wasm_target()?;
    ensure_npm_tools(root)?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    if needs == Needs::Everything {
        ensure_apt(APT_TEST_PACKAGES)?;
    }
    // Trunk runs cargo with --offline: fetch the locked dependencies first.
    run(Command::new("cargo").args(["fetch", "--locked", "--quiet"]))?;
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("could not run rustup")?;
    let installed = String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown");
    if !installed {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// playwright-core, axe-core, lighthouse and binaryen (wasm-opt), pinned in
/// `tests/package-lock.json`.
fn ensure_npm_tools(root: &Path) -> Result<()> {
    let tests = root.join("tests");
    let marker = tests.join("node_modules/.package-lock.json");
    let lock = tests.join("package-lock.json");
    let fresh = match (marker.metadata(), lock.metadata()) {
        (Ok(m), Ok(l)) => m.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh || !tests.join("node_modules/.bin/wasm-opt").exists() {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests))?;
    }
    Ok(())
}

fn ensure_trunk() -> Result<()> {
    let have = first_line(Command::new("trunk").arg("--version"));
    if have.as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        run(Command::new("cargo").args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ]))?;
    }
    Ok(())
}

/// wasm-bindgen-cli at exactly the version Cargo.lock resolved.
fn ensure_wasm_bindgen(root: &Path) -> Result<()> {
    let want = locked_version(root, "wasm-bindgen")?;
    let have = first_line(
        Command::new("wasm-bindgen")
            .arg("--version")
            .env("PATH", tool_path(root)),
    );
    if have.as_deref() == Some(&format!("wasm-bindgen {want}")) {
        return Ok(());
    }
    // `--locked` fails (its lock pins a webpki-roots the registry
    // lacks), so fall back to an unlocked install of the same version.
    let locked = run(Command::new("cargo").args([
        "install",
        "--locked",
        "wasm-bindgen-cli",
        "--version",
        &want,
    ]));
    if locked.is_err() {
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    Ok(())
}

/// The version of `package` recorded in Cargo.lock.
pub(crate) fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).context("could not read Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    bail!("{package} is not in Cargo.lock")
}

fn ensure_apt(packages: &[&str]) -> Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !apt_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = if is_root() { None } else { Some("sudo") };
    let apt = |args: &[&str]| {
        let mut cmd = match sudo {
            Some(s) => {
                let mut c = Command::new(s);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    let install = || {
        apt(&["update", "-qq"])?;
        let mut args = vec!["install", "-y", "-qq"];
        args.extend(&missing);
        apt(&args)
    };
    install().with_context(|| {
        format!(
            "could not install the Debian packages {} with apt-get (as root, or with sudo); \
             install them by hand and run again",
            missing.join(", ")
        )
    })
}

fn apt_installed(package: &str) -> bool {
    first_line(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .map(|s| s.ends_with("installed") && !s.contains("not-installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    first_line(Command::new("id").arg("-u")).as_deref() == Some("0") || !on_path("sudo")
}
