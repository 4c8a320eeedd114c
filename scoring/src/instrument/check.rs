//! `Instrument::check`: is a survey definition itself usable?
//!
//! A deployment may load its own instrument (docs/formats.md §1); the scoring
//! relies on its shape — unique item ids prefixed by their stage, known
//! stage ids, positive finite weights, the two 0–10 overall items that the
//! NPS (docs/scoring.md §3) and the key drivers (§4) read — so a broken
//! definition is refused up front with every problem listed.

use std::collections::BTreeSet;

use super::{ChoiceField, Instrument, Item, Scale, Texts, VisitType, OVERALL, STAGE_IDS};
use crate::validate::FieldError;

impl Instrument {
    /// Checks the definition; returns every problem found, each naming the
    /// path of the offending field (e.g. `stages[2].items[0].id`).
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker {
            languages: &self.languages,
            errors: Vec::new(),
        };
        c.instrument(self);
        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }
}

struct Checker<'a> {
    languages: &'a [String],
    errors: Vec<FieldError>,
}

impl Checker<'_> {
    fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    fn instrument(&mut self, instrument: &Instrument) {
        if instrument.id.trim().is_empty() {
            self.error("id", "is empty");
        }
        if instrument.version == 0 {
            self.error("version", "must be 1 or more");
        }
        self.languages(instrument);

        let mut item_ids = BTreeSet::new();
        let mut stage_ids = BTreeSet::new();
        for (s, stage) in instrument.stages.iter().enumerate() {
            let path = format!("stages[{s}]");
            if !STAGE_IDS.contains(&stage.id.as_str()) {
                self.error(
                    format!("{path}.id"),
                    format!(
                        "{:?} is not a stage id (one of {})",
                        stage.id,
                        STAGE_IDS.join(", ")
                    ),
                );
            }
            if !stage_ids.insert(stage.id.as_str()) {
                self.error(
                    format!("{path}.id"),
                    format!("{:?} appears twice", stage.id),
                );
            }
            self.texts(&format!("{path}.title"), &stage.title);
            self.weight(&format!("{path}.weight"), stage.weight);
            if stage.items.is_empty() {
                self.error(format!("{path}.items"), "has no items");
            }
            for (i, item) in stage.items.iter().enumerate() {
                self.item(
                    &format!("{path}.items[{i}]"),
                    item,
                    &stage.id,
                    &mut item_ids,
                );
            }
        }

        for (i, item) in instrument.overall.iter().enumerate() {
            let path = format!("overall[{i}]");
            self.item(&path, item, OVERALL, &mut item_ids);
            if item.reverse {
                self.error(
                    format!("{path}.reverse"),
                    "overall items cannot be reverse-coded",
                );
            }
        }
        for required in ["overall.rating", "overall.recommend"] {
            match instrument.overall.iter().find(|i| i.id == required) {
                None => self.error("overall", format!("has no item {required}")),
                Some(item) if item.scale != Scale::Rating11 => {
                    self.error("overall", format!("{required} must use the rating11 scale"))
                }
                Some(_) => {}
            }
        }

        for visit_type in VisitType::ALL {
            let path = format!("visit_types.{}", visit_type.as_str());
            let Some(shown) = instrument.visit_types.get(&visit_type) else {
                self.error(path, "is missing");
                continue;
            };
            if shown.is_empty() {
                self.error(path.clone(), "shows no stage");
            }
            let mut seen = BTreeSet::new();
            for stage_id in shown {
                if !stage_ids.contains(stage_id.as_str()) {
                    self.error(path.clone(), format!("shows unknown stage {stage_id:?}"));
                }
                if !seen.insert(stage_id) {
                    self.error(path.clone(), format!("shows stage {stage_id:?} twice"));
                }
            }
        }

        let fields = instrument.respondent.fields();
        for (name, field) in fields {
            let integers = name == "self_rated_health";
            self.choice_field(&format!("respondent.{name}"), field, integers);
        }
    }

    fn languages(&mut self, instrument: &Instrument) {
        if instrument.languages.is_empty() {
            self.error("languages", "lists no language");
        }
        let mut seen = BTreeSet::new();
        for lang in &instrument.languages {
            if !seen.insert(lang) {
                self.error("languages", format!("{lang:?} appears twice"));
            }
        }
    }

    fn texts(&mut self, path: &str, texts: &Texts) {
        for lang in self.languages {
            let present = texts.get(lang).is_some_and(|t| !t.trim().is_empty());
            if !present {
                self.errors
                    .push(FieldError::new(path, format!("has no {lang} text")));
            }
        }
    }

    fn weight(&mut self, path: &str, weight: f64) {
        if !(weight.is_finite() && weight > 0.0) {
            self.error(path, format!("{weight} is not a positive number"));
        }
    }

    fn item<'i>(
        &mut self,
        path: &str,
        item: &'i Item,
        stage_id: &str,
        ids: &mut BTreeSet<&'i str>,
    ) {
        let well_formed = item
            .id
            .split_once('.')
            .is_some_and(|(stage, name)| stage == stage_id && is_name(name));
        if !well_formed {
            self.error(
                format!("{path}.id"),
                format!(
                    "{:?} is not of the form {stage_id}.<name> (lower-case letters, digits, _)",
                    item.id
                ),
            );
        }
        if !ids.insert(item.id.as_str()) {
            self.error(format!("{path}.id"), format!("{:?} appears twice", item.id));
        }
        self.texts(&format!("{path}.text"), &item.text);
        self.weight(&format!("{path}.weight"), item.weight);
    }

    fn choice_field(&mut self, path: &str, field: &ChoiceField, integers: bool) {
        self.texts(&format!("{path}.label"), &field.label);
        if field.values.is_empty() {
            self.error(format!("{path}.values"), "lists no value");
        }
        let mut seen = BTreeSet::new();
        for (v, choice) in field.values.iter().enumerate() {
            let vpath = format!("{path}.values[{v}]");
            let typed = if integers {
                choice.value.is_i64()
            } else {
                choice.value.as_str().is_some_and(|s| !s.is_empty())
            };
            if !typed {
                let kind = if integers {
                    "an integer"
                } else {
                    "a non-empty string"
                };
                self.error(
                    format!("{vpath}.value"),
                    format!("{} is not {kind}", choice.value),
                );
            }
            if !seen.insert(choice.value.to_string()) {
                self.error(
                    format!("{vpath}.value"),
                    format!("{} appears twice", choice.value),
                );
            }
            self.texts(&format!("{vpath}.label"), &choice.label);
        }
    }
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use crate::instrument::default_instrument;
    use crate::instrument::Instrument;

    type Edit = Box<dyn FnOnce(&mut Instrument)>;

    /// Breaks the default instrument with `edit` and returns the fields
    /// the check names.
    fn check(edit: impl FnOnce(&mut Instrument)) -> Vec<String> {
        let mut instrument = default_instrument();
        edit(&mut instrument);
        match instrument.check() {
            Ok(()) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn names_every_broken_field() {
        let cases: Vec<(&str, Edit, &str)> =
            vec![
            ("empty id", Box::new(|i| i.id.clear()), "id: is empty"),
            ("version 0", Box::new(|i| i.version = 0), "version: must be 1 or more"),
            (
                "unknown stage",
                Box::new(|i| i.stages[0].id = "lobby".into()),
                "stages[0].id: \"lobby\" is not a stage id",
            ),
            (
                "item of another stage",
                Box::new(|i| i.stages[1].items[0].id = "inpatient.pain2".into()),
                "stages[1].items[0].id: \"inpatient.pain2\" is not of the form outpatient.<name>",
            ),
            (
                "duplicate item",
                Box::new(|i| i.stages[1].items[1].id = "outpatient.registration_payment".into()),
                "stages[1].items[1].id: \"outpatient.registration_payment\" appears twice",
            ),
            (
                "missing translation",
                Box::new(|i| {
                    i.stages[2].items[3].text.remove("zh-Hant");
                }),
                "stages[2].items[3].text: has no zh-Hant text",
            ),
            (
                "zero weight",
                Box::new(|i| i.stages[3].weight = 0.0),
                "stages[3].weight: 0 is not a positive number",
            ),
            (
                "NaN item weight",
                Box::new(|i| i.stages[3].items[0].weight = f64::NAN),
                "stages[3].items[0].weight: NaN is not a positive number",
            ),
            (
                "no recommend item",
                Box::new(|i| {
                    i.overall.pop();
                }),
                "overall: has no item overall.recommend",
            ),
            (
                "reverse overall",
                Box::new(|i| i.overall[0].reverse = true),
                "overall[0].reverse: overall items cannot be reverse-coded",
            ),
            (
                "visit type shows unknown stage",
                Box::new(|i| {
                    if let Some(v) = i.visit_types.values_mut().next() {
                        v.push("lobby".into());
                    }
                }),
                "visit_types.outpatient: shows unknown stage \"lobby\"",
            ),
            (
                "health as text",
                Box::new(|i| i.respondent.self_rated_health.values[0].value = "1".into()),
                "respondent.self_rated_health.values[0].value: \"1\" is not an integer",
            ),
        ];
        for (what, edit, expected) in cases {
            let errors = check(edit);
            assert!(
                errors.iter().any(|e| e.starts_with(expected)),
                "{what}: expected {expected:?} in {errors:?}"
            );
        }
    }
}
