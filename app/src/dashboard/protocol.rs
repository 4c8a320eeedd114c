//! Messages between the dashboard page and its scoring worker.
//!
//! The page streams raw export text to the worker in chunks (never one huge
//! message, so no main-thread task grows with the data), the worker parses,
//! validates and tallies it, then scores on request. Scoring again with
//! other filters reuses what the worker holds: nothing is downloaded twice.
//! Messages travel with gloo-worker's bincode codec, so every type here is
//! plain serde data (no `serde_json::Value`, which bincode cannot carry).

use serde::{Deserialize, Serialize};

use scoring::comments::{CommentReport, ResponseTheme, ThemeNames};
use scoring::instrument::VisitType;
use scoring::report::Report;
use scoring::response::Channel;

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
    /// The comment analysis of docs/formats.md §8 with these filters
    /// (its groups; the quotes are asked for with `Comments`).
    AnalyseComments { request: u64, filters: Filters },
    /// The canonical JSON of the last comment analysis: the bytes the
    /// export button saves, identical to `tiyan comments`.
    CommentsJson { request: u64 },
    /// The masked comments of the analysis with these filters (groups
    /// not suppressed) that carry `theme` if given and contain `query`
    /// (case-insensitive), newest first, at most `limit`.
    Comments {
        request: u64,
        filters: Filters,
        query: String,
        theme: Option<String>,
        limit: u32,
    },
    /// Scoring worker → comments worker: every loaded response, as the
    /// comment analysis counts it (replaces what it held).
    CommentInputs(Box<CommentInputs>),
}

impl ToWorker {
    /// Answered by the comments worker (loaded on first use), not the
    /// scoring worker.
    pub fn is_for_comments(&self) -> bool {
        matches!(
            self,
            ToWorker::AnalyseComments { .. }
                | ToWorker::CommentsJson { .. }
                | ToWorker::Comments { .. }
                | ToWorker::CommentInputs(_)
        )
    }
}

/// What the comment analysis needs of the loaded responses: each one's
/// month and group values (to count responses and suppress groups), and
/// the non-empty comments with their id and time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommentInputs {
    pub instrument: String,
    pub instrument_version: u32,
    pub hospitals: Vec<String>,
    pub departments: Vec<String>,
    pub responses: Vec<ResponseKey>,
    pub comments: Vec<CommentInput>,
}

/// A response by its month and interned values (`CommentInputs`' lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseKey {
    /// `year·12 + month − 1` of `submitted_at`.
    pub month: i32,
    pub hospital: u32,
    pub department: u32,
    pub visit_type: VisitType,
    pub channel: Channel,
}

/// A non-empty comment as written, with what the filters and the
/// document need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentInput {
    pub id: String,
    pub submitted_at: String,
    pub hospital: String,
    pub department: String,
    pub visit_type: VisitType,
    pub channel: Channel,
    pub text: String,
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
    /// The comment analysis, without its quotes (`responses` is empty:
    /// they can be far larger than what a page shows).
    CommentsAnalysed {
        request: u64,
        outcome: Result<Box<AnalysedComments>, String>,
    },
    CommentsJson {
        request: u64,
        outcome: Result<String, String>,
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

/// The comment analysis as the views read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysedComments {
    /// docs/formats.md §8, without `responses`.
    pub report: CommentReport,
    /// Each theme's names, in taxonomy order (the page has no lexicon).
    pub theme_names: Vec<ThemeNames>,
}

impl AnalysedComments {
    /// A theme's name in `lang` (its id if unknown).
    pub fn theme_name<'a>(&'a self, id: &'a str, lang: scoring::lang::Lang) -> &'a str {
        let at = self
            .report
            .groups
            .iter()
            .find_map(|g| g.counts.as_ref())
            .and_then(|c| c.themes.iter().position(|t| t.id == id));
        match at.and_then(|i| self.theme_names.get(i)) {
            Some(n) => match lang {
                scoring::lang::Lang::ZhCn => &n.zh_cn,
                scoring::lang::Lang::ZhHant => &n.zh_hant,
                scoring::lang::Lang::En => &n.en,
            },
            None => id,
        }
    }
}

/// One free-text comment, masked (docs/scoring.md §16), shown as text only
/// (never as HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub hospital: String,
    pub department: String,
    pub text: String,
    /// Its themes and their sentiments, in taxonomy order.
    pub themes: Vec<ResponseTheme>,
}
