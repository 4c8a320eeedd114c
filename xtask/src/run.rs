//! `cargo xtask run [--demo]`: the product on this machine, on SQLite.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::app_build::build_app;
use crate::bootstrap::{ensure_all, Needs};
use crate::shell::{run as sh, target_dir};

/// The demo database is separate from the real one so demo data never mixes
/// with collected responses. `TIYAN_DEMO_DATABASE` names another; never
/// `TIYAN_DATABASE`, which may be the real one (demo accounts have a public
/// password).
const DEMO_DATABASE: &str = "sqlite://data/demo.db";

pub(crate) fn run(root: &Path, demo: bool) -> Result<()> {
    ensure_all(root, Needs::Build)?;
    build_app(root)?;
    sh(Command::new("cargo").args([
        "build",
        "--release",
        "--locked",
        "-p",
        "server",
        "-p",
        "cli",
    ]))?;
    std::fs::create_dir_all(root.join("data"))?;
    let server = target_dir(root).join("release/tiyan-server");
    let mut serve = Command::new(&server);
    serve.args(["serve", "--dist"]).arg(root.join("dist"));
    if demo {
        let database = demo_database(std::env::var("TIYAN_DEMO_DATABASE").ok());
        sh(Command::new(&server).args(["seed-demo", "--database", &database]))?;
        serve.env("TIYAN_DATABASE", &database);
    }
    eprintln!("Tiyan: survey at http://127.0.0.1:8080/ , dashboard at http://127.0.0.1:8080/admin/ (unless TIYAN_LISTEN says otherwise)");
    sh(&mut serve)
}

/// The database `--demo` seeds: `TIYAN_DEMO_DATABASE` when set, else
/// `data/demo.db`; `TIYAN_DATABASE` plays no part.
fn demo_database(demo_variable: Option<String>) -> String {
    demo_variable
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| DEMO_DATABASE.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_never_seeds_the_database_tiyan_database_names() {
        assert_eq!(demo_database(None), "sqlite://data/demo.db");
        assert_eq!(demo_database(Some(String::new())), "sqlite://data/demo.db");
        assert_eq!(
            demo_database(Some("sqlite:///tmp/other-demo.db".into())),
            "sqlite:///tmp/other-demo.db"
        );
    }
}
