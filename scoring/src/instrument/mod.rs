//! The instrument: the survey definition (formats.md §1).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A text in every language of the instrument, keyed by language tag
/// (`zh-CN`, `zh-Hant`, `en`).
pub type Texts = BTreeMap<String, String>;

/// A versioned survey definition. Field names are a contract (formats.md §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    pub languages: Vec<String>,
    /// Care stages in display order.
    pub stages: Vec<Stage>,
    /// `overall.rating` and `overall.recommend`, asked of every visit type.
    pub overall: Vec<Item>,
    /// For each visit type, the stage ids shown, in order.
    pub visit_types: BTreeMap<VisitType, Vec<String>>,
    /// The optional case-mix fields and their allowed values.
    pub respondent: RespondentFields,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub title: Texts,
    #[serde(default = "one")]
    pub weight: f64,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id, `<stage>.<name>`, e.g. `outpatient.wait_time`.
    pub id: String,
    pub text: Texts,
    pub scale: Scale,
    /// Reverse-coded: scored as `lo + hi − v` (scoring.md §1).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    #[serde(default = "one")]
    pub weight: f64,
    /// Offers "not applicable".
    #[serde(default)]
    pub allow_na: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// 1..5, 1 = very dissatisfied … 5 = very satisfied.
    Likert5,
    /// 0..10.
    Rating11,
    /// 0 = no, 1 = yes.
    Yesno,
}

impl Scale {
    /// The lowest value of the scale (`lo` in scoring.md).
    pub fn lo(self) -> i64 {
        match self {
            Scale::Likert5 => 1,
            Scale::Rating11 | Scale::Yesno => 0,
        }
    }

    /// The highest value of the scale (`hi` in scoring.md).
    pub fn hi(self) -> i64 {
        match self {
            Scale::Likert5 => 5,
            Scale::Rating11 => 10,
            Scale::Yesno => 1,
        }
    }

    /// Every value of the scale, lowest first.
    pub fn values(self) -> std::ops::RangeInclusive<i64> {
        self.lo()..=self.hi()
    }
}

/// The three visit types (domain.md). Order here is display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitType {
    Outpatient,
    Emergency,
    Inpatient,
}

impl VisitType {
    pub const ALL: [VisitType; 3] = [
        VisitType::Outpatient,
        VisitType::Emergency,
        VisitType::Inpatient,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VisitType::Outpatient => "outpatient",
            VisitType::Emergency => "emergency",
            VisitType::Inpatient => "inpatient",
        }
    }

    pub fn parse(s: &str) -> Option<VisitType> {
        VisitType::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The case-mix fields (formats.md §1), in this fixed order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondentFields {
    pub age_band: ChoiceField,
    pub education: ChoiceField,
    pub self_rated_health: ChoiceField,
    pub answered_by: ChoiceField,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceField {
    pub label: Texts,
    pub values: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// A string (`"65-74"`) or, for `self_rated_health`, an integer 1..5.
    pub value: serde_json::Value,
    pub label: Texts,
}

fn one() -> f64 {
    1.0
}

fn is_false(b: &bool) -> bool {
    !*b
}
