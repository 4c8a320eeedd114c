//! Display names: item and stage titles from the instrument, in the chosen
//! language, and the catalogue names of the report's enumerations.

use std::collections::HashMap;

use serde::Deserialize;

use scoring::instrument::{Scale, Texts, VisitType};
use scoring::response::Channel;

use super::i18n::{Lang, T};
use super::place_names::PlaceNames;
use scoring::report::Scope;
use std::rc::Rc;

/// The texts of an instrument (docs/formats.md §1), read from its JSON: only
/// what the page shows. The page never validates or scores (the worker
/// does, with the full `scoring::instrument::Instrument`), so it carries
/// none of the rest, which keeps its bundle small.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InstrumentText {
    pub id: String,
    pub version: u32,
    pub stages: Vec<StageText>,
    pub overall: Vec<ItemText>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StageText {
    pub id: String,
    pub title: Texts,
    pub items: Vec<ItemText>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ItemText {
    pub id: String,
    pub text: Texts,
    pub scale: Scale,
    #[serde(default)]
    pub reverse: bool,
}

impl InstrumentText {
    pub fn parse(json: &str) -> Result<InstrumentText, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// Titles of the instrument's stages and items in one language, with the
/// item's scale. A missing text falls back as everywhere ([`Lang::pick`]),
/// then to the id, so a partial instrument still displays.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    pub lang: Lang,
    stages: Vec<(String, String)>,
    items: HashMap<String, ItemLabel>,
    places: Rc<PlaceNames>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemLabel {
    pub text: String,
    pub stage: Option<String>,
    pub scale: Scale,
    /// Reverse-coded: the lowest raw value is the best answer.
    pub reverse: bool,
}

fn pick(texts: &Texts, lang: Lang) -> Option<String> {
    Some(lang.pick(texts))
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

impl Labels {
    pub fn new(instrument: &InstrumentText, lang: Lang) -> Labels {
        let mut items = HashMap::new();
        for stage in &instrument.stages {
            for item in &stage.items {
                items.insert(
                    item.id.clone(),
                    ItemLabel {
                        text: pick(&item.text, lang).unwrap_or_else(|| item.id.clone()),
                        stage: Some(stage.id.clone()),
                        scale: item.scale,
                        reverse: item.reverse,
                    },
                );
            }
        }
        for item in &instrument.overall {
            items.insert(
                item.id.clone(),
                ItemLabel {
                    text: pick(&item.text, lang).unwrap_or_else(|| item.id.clone()),
                    stage: None,
                    scale: item.scale,
                    reverse: item.reverse,
                },
            );
        }
        let stages = instrument
            .stages
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    pick(&s.title, lang).unwrap_or_else(|| s.id.clone()),
                )
            })
            .collect();
        Labels {
            lang,
            stages,
            items,
            places: Rc::default(),
        }
    }

    /// With the registry's names for hospital and department codes.
    pub fn with_places(mut self, places: Rc<PlaceNames>) -> Labels {
        self.places = places;
        self
    }

    /// A group's or unit's key as shown: `all`, "not given" when empty,
    /// else the hospital's or department's name, or the code.
    pub fn place<'a>(&'a self, key: &'a str) -> &'a str {
        let words = scoring::present::words::ReportWords::of(self.lang);
        match key {
            "all" => T::All.in_(self.lang),
            "" => words.not_given,
            code => self.places.name(self.lang, code),
        }
    }

    pub fn stage(&self, id: &str) -> String {
        self.stages
            .iter()
            .find(|(s, _)| s == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    /// Stage ids in instrument order.
    pub fn stage_ids(&self) -> impl Iterator<Item = &str> {
        self.stages.iter().map(|(id, _)| id.as_str())
    }

    pub fn item(&self, id: &str) -> String {
        self.items
            .get(id)
            .map(|i| i.text.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn item_info(&self, id: &str) -> Option<&ItemLabel> {
        self.items.get(id)
    }

    /// The label of a comparison or driver row: the index, a stage or an item.
    pub fn scoped(&self, scope: Scope, id: &str) -> String {
        match scope {
            Scope::Index => T::ExperienceIndex.in_(self.lang).to_owned(),
            Scope::Stage => self.stage(id),
            Scope::Item => self.item(id),
        }
    }

    pub fn t(&self, key: T) -> &'static str {
        key.in_(self.lang)
    }
}

/// Names of a scale's values, lowest first, from the scale's definition:
/// its words (likert, frequency, no/yes), or the bare numbers of a 0–10
/// rating.
pub fn scale_value_names(scale: Scale, lang: Lang) -> Vec<(i64, String)> {
    let def = scale.def();
    let words = scoring::lang::Lang::parse(lang.tag()).unwrap_or_default();
    scale.values().map(|v| (v, def.label(v, words))).collect()
}

/// Where a raw value sits on its scale, 0 at the lowest value and 1 at
/// the highest.
pub fn scale_position(scale: Scale, value: i64) -> f64 {
    let (lo, hi) = (scale.lo(), scale.hi());
    (value - lo) as f64 / (hi - lo) as f64
}

/// How good an answer is, 0 (worst) to 1 (best), for colouring: the
/// position of its score after reverse coding (docs/scoring.md §1).
pub fn answer_goodness(scale: Scale, reverse: bool, value: i64) -> f64 {
    let position = scale_position(scale, value);
    if reverse {
        1.0 - position
    } else {
        position
    }
}

pub fn scope_text(scope: Scope) -> T {
    match scope {
        Scope::Index => T::ScopeIndex,
        Scope::Stage => T::ScopeStage,
        Scope::Item => T::ScopeItem,
    }
}

pub fn visit_type_text(visit: VisitType) -> T {
    match visit {
        VisitType::Outpatient => T::Outpatient,
        VisitType::Emergency => T::Emergency,
        VisitType::Inpatient => T::Inpatient,
    }
}

pub fn channel_text(channel: Channel) -> T {
    match channel {
        Channel::Kiosk => T::Kiosk,
        Channel::Phone => T::Phone,
        Channel::Web => T::Web,
        Channel::Paper => T::Paper,
    }
}
