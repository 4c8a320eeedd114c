//! Building the two browser bundles with trunk, offline, with the local tools.
//!
//! The survey goes to `dist/` (served at `/`), the dashboard to
//! `dist/admin/` (served at `/admin/`), so patients never download the
//! dashboard. The survey is built first because trunk empties its dist folder.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::shell::{run, tool_path};

pub(crate) fn build_app(root: &Path) -> Result<()> {
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
    )
}

fn trunk(root: &Path, args: &[&str]) -> Result<()> {
    run(Command::new("trunk")
        .args(args)
        .current_dir(root)
        .env("PATH", tool_path(root))
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("NO_COLOR", "true"))
}
