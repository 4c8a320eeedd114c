//! How much disk the checks use and have left, printed after every step.
//!
//! CI once failed with the linker killed by SIGBUS ("ld terminated with
//! signal 7 [Bus error]"): lld writes its output through a memory map, and a
//! full disk turns into a bus error there. The figures after each step make
//! the next such failure readable at a glance.

use std::path::Path;
use std::process::Command;

/// `free 41.2 GB on the target's disk; target/ 3.1 GB`, or None when `df`
/// or `du` cannot tell.
pub(crate) fn usage_note(target: &Path) -> Option<String> {
    let free = kilobytes(
        Command::new("df").arg("-Pk").arg(existing_ancestor(target)),
        2,
        3,
    )?;
    let used = kilobytes(Command::new("du").arg("-sk").arg(target), 1, 0).unwrap_or(0);
    Some(format!(
        "free {} on the target's disk; {} {}",
        gigabytes(free),
        target.display(),
        gigabytes(used)
    ))
}

/// Reads the whitespace-separated `column` of `line` (1-based) of a
/// command's output as kilobytes.
fn kilobytes(cmd: &mut Command, line: usize, column: usize) -> Option<u64> {
    let out = cmd.output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text.lines().nth(line - 1)?;
    row.split_whitespace().nth(column)?.parse().ok()
}

fn existing_ancestor(path: &Path) -> &Path {
    path.ancestors()
        .find(|p| p.exists())
        .unwrap_or(Path::new("/"))
}

fn gigabytes(kb: u64) -> String {
    format!("{:.1} GB", kb as f64 / 1_048_576.0)
}
