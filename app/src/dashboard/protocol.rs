//! Messages between the dashboard page and its scoring worker.
//!
//! The page streams raw export text to the worker in chunks (never one huge
//! message, so no main-thread task grows with the data), the worker parses,
//! validates and tallies it, then scores on request. Scoring again with
//! other filters reuses what the worker holds: nothing is downloaded twice.
//! Messages travel with gloo-worker's bincode codec, so every type here is
//! plain serde data (no `serde_json::Value`, which bincode cannot carry).

use serde::{Deserialize, Serialize};

use scoring::report::Report;

use crate::dashboard::filters::Filters;

/// Identifies one stream of export text (a download or a local file).
pub type SourceId = u32;

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Forget every loaded response and use this instrument (its JSON).
    Reset { instrument_json: String },
    /// The next piece of a source's text. Pieces arrive in order.
    Chunk { source: SourceId, text: String },
    /// The source is complete: parse and tally it now. `total_bytes` is
    /// only for the progress bar.
    EndSource { source: SourceId, total_bytes: u64 },
    /// Score what is loaded with these filters.
    Score { request: u64, filters: Filters },
    /// Comments of the current period that pass the filters and contain
    /// `query` (case-insensitive), newest first, at most `limit`.
    Comments {
        request: u64,
        filters: Filters,
        query: String,
        limit: u32,
    },
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    Progress(Progress),
    /// A source was read: how many responses were counted and why others
    /// were not (the first few errors, with line and column).
    SourceDone {
        source: SourceId,
        accepted: u64,
        rejected: u64,
        first_errors: Vec<String>,
        facets: Facets,
    },
    Scored {
        request: u64,
        outcome: Result<Scored, String>,
    },
    Comments {
        request: u64,
        total: u64,
        comments: Vec<CommentRow>,
    },
    /// A message the worker could not act on (e.g. an instrument that does
    /// not parse); the page shows it.
    Failed {
        message: String,
    },
}

/// Work done so far on a source or a scoring request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub phase: Phase,
    pub done: u64,
    /// `None` when the total is not known (a download without length).
    pub total: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Bytes of a source parsed and tallied.
    Parsing,
    /// Stored responses tallied again with other subset filters.
    Tallying,
    /// Scoring: the report and the trend.
    Scoring,
}

/// The result of a scoring request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// `scoring::report::to_canonical_json` output: the bytes the export
    /// button saves, identical to `tiyan score` with the same options.
    pub report_json: String,
    /// The same report, for the views (boxed: it is far larger than the
    /// other messages).
    pub report: Box<Report>,
    pub trend: TrendData,
    /// Non-empty comments of the current period passing the filters.
    pub comment_count: u64,
}

/// Values seen in the loaded data, for the filter menus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub hospitals: Vec<String>,
    /// (hospital, department) pairs; a department menu lists those of the
    /// chosen hospital.
    pub departments: Vec<(String, String)>,
    /// The earliest and latest `submitted_at` dates (`YYYY-MM-DD`), to
    /// preset the periods of an opened file.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// Monthly means of the index and the stages (0–100), oldest month first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrendData {
    pub months: Vec<TrendMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Fewer responses than the suppression threshold: no number shown.
    pub suppressed: bool,
    pub n: u64,
    pub index: Option<f64>,
    /// Stage id → mean, for the stages scored that month.
    pub stages: Vec<(String, Option<f64>)>,
}

/// One free-text comment, shown as text only (never as HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub hospital: String,
    pub department: String,
    pub visit_type: String,
    pub text: String,
}
