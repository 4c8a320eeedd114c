//! The administrator dashboard.
//!
//! The page signs in, downloads the export of the chosen periods (or opens
//! a local export file) and hands the raw text to a web worker (`worker/`:
//! the same wasm module, in a module worker), which parses, tallies and
//! scores it with the scoring crate off the main thread. The page then shows the report in
//! views shaped by the pure functions of `model/`.
//!
//! Code map: `app` (the layout), `hooks/` (the effects: session, worker,
//! downloads), `state` (the pure reducer), `protocol` (page ↔ worker
//! messages), `engine` (the worker's pure core), `comment_worker/` (the
//! comment analysis in a wasm module of its own, started by the worker on
//! the first comment request), `filters`,
//! `model/` (view models over scoring's `Report`), `charts/` (inline SVG), `views/` (pages),
//! `i18n`, `labels`, `number_format`. The server's HTTP API and the
//! stored preferences are `crate::services` (`staff_api`, `preferences`).

mod app;
pub mod base_path;
pub mod charts;
pub mod comment_worker;
pub mod download;
pub mod export_tables;
pub mod filters;
pub mod hooks;
pub mod i18n;
pub mod labels;
pub mod loading;
pub mod model;
pub mod number_format;
pub mod place_names;
pub mod protocol;
pub mod route;
pub mod state;
pub mod views;
pub mod worker;

pub use app::DashboardApp;
