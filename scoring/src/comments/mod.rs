//! Comment analysis, methodology for free text version 1 (docs/scoring.md
//! §14–§17, output docs/formats.md §8): personal data masked, themes of
//! taxonomy `campaign-v1` mapped to the care stages, a sentiment per theme,
//! and aggregates per group with suppression. Deterministic and pure: the
//! lexicons are compiled in (`scoring/data/campaign-v1/`), so the browser
//! and `tiyan comments` compute the same bytes. Why lexicons and an
//! Aho–Corasick matcher rather than a segmenter or a model: docs/comments.md.

mod aggregate;
mod analyse;
mod clauses;
mod lexicon;
mod mask;
mod matcher;
mod model;
mod normalise;
mod sentiment;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use aggregate::{
    top_complaints, CommentOptions, CommentTally, CommentedResponse, MIN_MENTIONS,
};
pub use analyse::CommentAnalysis;
pub use lexicon::{Taxonomy, Theme, ThemeNames};
pub use mask::MaskKind;

/// `comment` with its personal data masked (docs/scoring.md §16): what
/// any view of a single comment shows (a case's response, a search hit).
pub fn mask_personal_data(comment: &str) -> String {
    mask::mask(comment).0
}
pub use model::{
    comments_to_json, CommentGroup, CommentMethod, CommentOptionsOut, CommentReport, GroupCounts,
    ResponseComment, ResponseTheme, ThemeCounts,
};

/// The care stages of docs/domain.md, which the themes map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareStage {
    PreVisit,
    Outpatient,
    Emergency,
    Inpatient,
    PostVisit,
    WholeCare,
}

impl CareStage {
    pub const ALL: [CareStage; 6] = [
        CareStage::PreVisit,
        CareStage::Outpatient,
        CareStage::Emergency,
        CareStage::Inpatient,
        CareStage::PostVisit,
        CareStage::WholeCare,
    ];

    /// The stage of a stage id of docs/domain.md.
    pub fn parse(id: &str) -> Option<CareStage> {
        CareStage::ALL.into_iter().find(|s| s.as_str() == id)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CareStage::PreVisit => "pre_visit",
            CareStage::Outpatient => "outpatient",
            CareStage::Emergency => "emergency",
            CareStage::Inpatient => "inpatient",
            CareStage::PostVisit => "post_visit",
            CareStage::WholeCare => "whole_care",
        }
    }
}

/// A theme's sentiment in one comment (docs/scoring.md §15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Negative,
    Mixed,
    Neutral,
}

impl Sentiment {
    pub const ALL: [Sentiment; 4] = [
        Sentiment::Positive,
        Sentiment::Negative,
        Sentiment::Mixed,
        Sentiment::Neutral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Negative => "negative",
            Sentiment::Mixed => "mixed",
            Sentiment::Neutral => "neutral",
        }
    }

    pub fn parse(s: &str) -> Option<Sentiment> {
        Sentiment::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Why the lexicons could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LexiconError {
    #[error("{0} is not a lexicon: {1}")]
    Json(&'static str, String),
    #[error("hant.json: `fold` must be pairs of characters")]
    HantPairs,
    #[error("{0} themes: at most 32")]
    TooManyThemes(usize),
    #[error("unknown context {0}")]
    UnknownContext(String),
    #[error("unknown theme {0}")]
    UnknownTheme(String),
    #[error("term {0:?} is listed twice with different meanings")]
    Conflict(String),
    #[error("a term is empty")]
    EmptyTerm,
    #[error("the matcher cannot be built: {0}")]
    Automaton(String),
}

#[cfg(test)]
mod tests;
