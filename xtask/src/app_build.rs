//! Building the two browser bundles with trunk, offline, with the local tools.
//!
//! The survey goes to `dist/` (served at `/`), the dashboard to
//! `dist/admin/` (served at `/admin/`), the staff's roll-out pages to
//! `dist/admin/rollout/`, the cases pages to `dist/admin/cases/`, so
//! patients never download the staff bundles.
//! Each bundle is built before the ones inside its folder because trunk
//! empties its dist folder.
//!
//! A release build runs wasm-opt over three modules (about 45 s here even
//! when cargo has nothing to compile), so the build is skipped when a
//! fingerprint of every input matches the one written after the last
//! successful build.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::shell::{run, tool_path};

/// What the bundles are built from (relative to the repository root).
const INPUTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "dashboard.html",
    "rollout.html",
    "cases.html",
    "comments_worker.html",
    "app",
    "scoring",
    "public",
    "tests/tools",
    "tests/package-lock.json",
];
/// Written into `dist/` after both bundles were built.
const STAMP: &str = "dist/.inputs-fingerprint";

pub(crate) fn build_app(root: &Path) -> Result<()> {
    let fingerprint = inputs_fingerprint(root)?;
    let stamp = root.join(STAMP);
    let built = [
        "dist",
        "dist/admin",
        "dist/admin/comments",
        "dist/admin/rollout",
        "dist/admin/cases",
    ]
    .iter()
    .all(|folder| root.join(folder).join("index.html").exists());
    if built && std::fs::read_to_string(&stamp).ok().as_deref() == Some(fingerprint.as_str()) {
        eprintln!("app bundles in dist/ are up to date (inputs unchanged since the last build)");
        return Ok(());
    }
    build_bundles(root)?;
    std::fs::write(&stamp, fingerprint)?;
    Ok(())
}

/// A hash of the path and bytes of every input file, in a fixed order.
fn inputs_fingerprint(root: &Path) -> Result<String> {
    let mut files = Vec::new();
    for input in INPUTS {
        collect_files(&root.join(input), &mut files)?;
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        hasher.write(
            file.strip_prefix(root)
                .unwrap_or(&file)
                .as_os_str()
                .as_encoded_bytes(),
        );
        hasher.write(&std::fs::read(&file)?);
    }
    Ok(format!("{:016x}\n", hasher.finish()))
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            // Build output and test data never change a bundle.
            if matches!(entry.file_name().to_str(), Some("target" | "test_data")) {
                continue;
            }
            collect_files(&entry.path(), files)?;
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
    Ok(())
}

fn build_bundles(root: &Path) -> Result<()> {
    trunk(
        root,
        &["build", "index.html", "--dist", "dist", "--public-url", "/"],
    )?;
    trunk(
        root,
        &[
            "build",
            "dashboard.html",
            "--dist",
            "dist/admin",
            "--public-url",
            "/admin/",
        ],
    )?;
    write_worker_loader(
        &root.join("dist/admin"),
        "dashboard",
        "dashboard_worker_loader.js",
    )?;
    // The comments worker: a module of its own, fetched only when the
    // dashboard first shows comment themes (app/src/dashboard/comment_worker/).
    trunk(
        root,
        &[
            "build",
            "comments_worker.html",
            "--dist",
            "dist/admin/comments",
            "--public-url",
            "/admin/comments/",
        ],
    )?;
    write_worker_loader(
        &root.join("dist/admin/comments"),
        "comments_worker",
        "comments_worker_loader.js",
    )?;
    trunk(
        root,
        &[
            "build",
            "rollout.html",
            "--dist",
            "dist/admin/rollout",
            "--public-url",
            "/admin/rollout/",
        ],
    )?;
    trunk(
        root,
        &[
            "build",
            "cases.html",
            "--dist",
            "dist/admin/cases",
            "--public-url",
            "/admin/cases/",
        ],
    )?;
    minify_glue(root)
}

/// terser over each bundle's wasm-bindgen glue, which trunk's minifier
/// cannot parse (`tests/tools/minify_glue.mjs` also updates the integrity
/// hashes in the HTML): about 2 KB gzipped off each bundle.
fn minify_glue(root: &Path) -> Result<()> {
    let mut bundles = Vec::new();
    collect_bundle_dirs(&root.join("dist"), &mut bundles)?;
    run(Command::new("node")
        .arg("tools/minify_glue.mjs")
        .args(&bundles)
        .current_dir(root.join("tests")))
}

/// `dist` and every folder below it that holds a page.
fn collect_bundle_dirs(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let mut has_page = false;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_bundle_dirs(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            has_page = true;
        }
    }
    if has_page {
        found.push(dir.to_path_buf());
    }
    Ok(())
}

/// The dashboard's scoring worker runs the page's own wasm module
/// (`app/src/dashboard/worker/`), the comments worker a module of its own:
/// each loader is a module script importing the bundle's wasm-bindgen glue
/// (`<bin>-<hash>.js`) and naming the wasm file, both carrying the content
/// hash trunk gave them (the glue's default is the unhashed name). The
/// loader's own name is fixed (the page or the worker asks for it) and,
/// without a hash, is revalidated on every load.
fn write_worker_loader(dist: &Path, bin: &str, loader: &str) -> Result<()> {
    let mut glue = Vec::new();
    let prefix = format!("{bin}-");
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".js") {
            glue.push(name);
        }
    }
    let [glue] = glue.as_slice() else {
        anyhow::bail!(
            "expected one {bin}-<hash>.js in {}, found {glue:?}",
            dist.display()
        );
    };
    let wasm = glue.replace(".js", "_bg.wasm");
    if !dist.join(&wasm).exists() {
        anyhow::bail!("{glue} has no {wasm} beside it in {}", dist.display());
    }
    std::fs::write(
        dist.join(loader),
        format!("import init from \"./{glue}\";\ninit({{ module_or_path: \"./{wasm}\" }});\n"),
    )?;
    Ok(())
}

fn trunk(root: &Path, args: &[&str]) -> Result<()> {
    run(Command::new("trunk")
        .args(args)
        .current_dir(root)
        .env("PATH", tool_path(root))
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("NO_COLOR", "true"))
}
