//! Tiyan's scoring core.
//!
//! Everything here is pure: data in, data out. No files, network, clock or
//! DOM — the CLI, the server and the browser app do the I/O around it, so
//! the same functions give the same bytes natively and in WebAssembly.
//! The formulas are those of `docs/scoring.md` (see `docs/methodology.md`).

pub mod comments;
pub mod export;
pub mod generate;
pub mod input;
pub mod instrument;
pub mod lang;
pub mod present;
pub mod report;
pub mod response;
pub mod stats;
pub mod tally;
pub mod timestamp;
pub mod validate;
