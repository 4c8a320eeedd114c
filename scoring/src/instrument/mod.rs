//! The instrument: the survey definition (docs/formats.md §1).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod check;
mod default;
mod scale;

pub use default::{default_instrument, DEFAULT_INSTRUMENT_JSON};
pub use scale::{
    lcm_of_ranges, Latent, Presentation, Scale, ScaleDef, Words, DEFINITIONS, SCORE_STEPS,
};

/// A text in every language of the instrument, keyed by language tag
/// (`zh-CN`, `zh-Hant`, `en`).
pub type Texts = BTreeMap<String, String>;

/// A versioned survey definition. Field names are a contract (docs/formats.md §1).
/// `Default` is the empty instrument (no id, no stages) that a survey holds
/// while it waits for the server's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

impl Instrument {
    /// Every item in export order (docs/formats.md §3): the stages in order with
    /// their items, then the overall items.
    pub fn items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.stages
            .iter()
            .flat_map(|stage| stage.items.iter())
            .chain(self.overall.iter())
    }

    /// The item with this id, if the instrument has it.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|item| item.id == id)
    }

    /// The stage with this id, if the instrument has it.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    /// The stage ids shown to a visit type, in order; empty when the
    /// instrument does not offer that visit type.
    pub fn stages_shown(&self, visit_type: VisitType) -> &[String] {
        self.visit_types
            .get(&visit_type)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether a respondent of this visit type is asked the stage's items.
    /// The overall items are asked of every visit type (docs/formats.md §1).
    pub fn shows_stage(&self, visit_type: VisitType, stage_id: &str) -> bool {
        stage_id == OVERALL || self.stages_shown(visit_type).iter().any(|s| s == stage_id)
    }
}

/// The id prefix of the overall items (`overall.rating`, `overall.recommend`).
pub const OVERALL: &str = "overall";

/// The stage ids of docs/domain.md, in the order of the campaign's six areas.
pub const STAGE_IDS: [&str; 6] = [
    "pre_visit",
    "outpatient",
    "emergency",
    "inpatient",
    "post_visit",
    "whole_care",
];

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
    /// Reverse-coded: scored as `lo + hi − v` (docs/scoring.md §1).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    #[serde(default = "one")]
    pub weight: f64,
    /// Offers "not applicable".
    #[serde(default)]
    pub allow_na: bool,
}

impl Item {
    /// The stage part of the id (`outpatient` for `outpatient.wait_time`,
    /// `overall` for the overall items).
    pub fn stage_id(&self) -> &str {
        self.id
            .split_once('.')
            .map_or(self.id.as_str(), |(stage, _)| stage)
    }
}

/// The three visit types (docs/domain.md). Order here is display order.
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

/// The case-mix fields (docs/formats.md §1), in this fixed order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RespondentFields {
    pub age_band: ChoiceField,
    pub education: ChoiceField,
    pub self_rated_health: ChoiceField,
    pub answered_by: ChoiceField,
}

impl RespondentFields {
    /// The four fields with their names, in export order (docs/formats.md §3:
    /// `respondent.age_band`, …, `respondent.answered_by`).
    pub fn fields(&self) -> [(&'static str, &ChoiceField); 4] {
        [
            ("age_band", &self.age_band),
            ("education", &self.education),
            ("self_rated_health", &self.self_rated_health),
            ("answered_by", &self.answered_by),
        ]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChoiceField {
    pub label: Texts,
    pub values: Vec<Choice>,
}

impl ChoiceField {
    /// Whether `value` is one of the allowed string values.
    pub fn allows_str(&self, value: &str) -> bool {
        self.values.iter().any(|c| c.value.as_str() == Some(value))
    }

    /// Whether `value` is one of the allowed integer values.
    pub fn allows_int(&self, value: i64) -> bool {
        self.values.iter().any(|c| c.value.as_i64() == Some(value))
    }
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
