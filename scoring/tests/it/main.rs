//! The scoring crate's integration tests (native; the same golden reports
//! run in a browser from `wasm_golden.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod comments_labelled;
mod fixture;
mod golden;
mod properties;
mod scales_demo;
mod tally_format;
