//! The comment analysis document (docs/formats.md §8). Field names and
//! order are the contract; floats are rounded to 12 significant digits
//! when the document is built (as the report's, docs/methodology.md §9),
//! so serde_json writes the same bytes natively and in the browser.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CareStage, Sentiment};
use crate::report::{GroupBy, Periods};
use crate::tally::Filters;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentReport {
    pub comment_method: CommentMethod,
    pub options: CommentOptionsOut,
    pub periods: Periods,
    pub groups: Vec<CommentGroup>,
    /// The current period's comments of the groups shown, masked, in
    /// export order (docs/formats.md §3).
    pub responses: Vec<ResponseComment>,
}

/// `{"taxonomy": "campaign-v1", "version": 1}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentMethod {
    pub taxonomy: String,
    pub version: u32,
}

/// Every option that changes a number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CommentOptionsOut {
    pub period: String,
    pub baseline: Option<String>,
    pub group_by: Option<GroupBy>,
    pub suppress_below: u64,
    /// Responses counted (absent from JSON when none).
    #[serde(default)]
    pub filters: Filters,
}

impl Serialize for CommentOptionsOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("CommentOptionsOut", 5)?;
        out.serialize_field("period", &self.period)?;
        out.serialize_field("baseline", &self.baseline)?;
        out.serialize_field("group_by", &self.group_by)?;
        out.serialize_field("suppress_below", &self.suppress_below)?;
        let f = &self.filters;
        if !readable {
            // `Filters` leaves unset keys out, which a binary form cannot
            // do (as the report's options).
            let all = (&f.hospital, &f.department, &f.visit_type, &f.channel);
            out.serialize_field("filters", &all)?;
        } else if f.is_empty() {
            out.skip_field("filters")?;
        } else {
            out.serialize_field("filters", f)?;
        }
        out.end()
    }
}

/// `all` or one value of `group_by`; a suppressed group has only `key`
/// and `suppressed` (docs/scoring.md §7, §12). JSON gets the counts beside
/// `key`; a binary form (bincode, the dashboard's worker → page) every
/// field in order, as the report's `Group` does.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentGroup {
    pub key: String,
    pub suppressed: bool,
    /// `None` exactly when suppressed.
    pub counts: Option<GroupCounts>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    key: &'a str,
    suppressed: bool,
    #[serde(flatten)]
    counts: &'a Option<GroupCounts>,
}

#[derive(Deserialize)]
struct GroupIn {
    key: String,
    suppressed: bool,
    #[serde(flatten, default)]
    counts: Option<GroupCounts>,
}

impl Serialize for CommentGroup {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            GroupOut {
                key: &self.key,
                suppressed: self.suppressed,
                counts: &self.counts,
            }
            .serialize(s)
        } else {
            (&self.key, self.suppressed, &self.counts).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for CommentGroup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CommentGroup, D::Error> {
        let (key, suppressed, counts) = if d.is_human_readable() {
            let g = GroupIn::deserialize(d)?;
            (g.key, g.suppressed, g.counts)
        } else {
            <(String, bool, Option<GroupCounts>)>::deserialize(d)?
        };
        Ok(CommentGroup {
            key,
            suppressed,
            counts,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupCounts {
    /// Current-period responses (what suppression counts).
    pub n: u64,
    /// Current-period responses with a non-empty comment.
    pub n_comments: u64,
    /// Every theme of the taxonomy, in taxonomy order.
    pub themes: Vec<ThemeCounts>,
}

/// docs/scoring.md §17.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeCounts {
    pub id: String,
    pub stage: CareStage,
    pub mentions: u64,
    pub positive: u64,
    pub negative: u64,
    pub mixed: u64,
    pub neutral: u64,
    /// mentions / n_comments; null under 3 mentions.
    pub share: Option<f64>,
    /// Current minus baseline (negative + mixed) / n_comments.
    pub negative_share_diff: Option<f64>,
    pub z: Option<f64>,
    pub p: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseComment {
    pub id: String,
    pub hospital: String,
    pub department: String,
    pub submitted_at: String,
    pub masked_comment: String,
    /// In taxonomy order.
    pub themes: Vec<ResponseTheme>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseTheme {
    pub id: String,
    pub sentiment: Sentiment,
}

/// The document's canonical bytes: compact JSON and one newline, the same
/// from `tiyan comments` and the dashboard.
pub fn comments_to_json(report: &CommentReport) -> String {
    // Only strings, integers and finite floats: serialising cannot fail.
    let mut json = serde_json::to_string(report).unwrap_or_default();
    json.push('\n');
    json
}
