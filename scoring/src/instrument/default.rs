//! The default instrument `pxs-core`, compiled into the crate.
//!
//! Its six stages are the six areas of the 2023–2025 campaign "改善就医感受
//! 提升患者体验" (docs/domain.md); the items are the concrete measures
//! the campaign names (time-slot booking, fewer trips between counters,
//! mutual recognition of test results, pain management, clinical nutrition,
//! follow-up calls, parking, humane care…), worded as a patient would read
//! them on a kiosk, in zh-CN, en and zh-Hant.

use std::sync::OnceLock;

use super::Instrument;

/// The JSON of the default instrument, exactly as shipped.
pub const DEFAULT_INSTRUMENT_JSON: &str = include_str!("pxs-core.json");

/// The default instrument (`pxs-core`, version 1).
pub fn default_instrument() -> Instrument {
    static PARSED: OnceLock<Instrument> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            // The file is part of the source; the tests below parse and check it.
            serde_json::from_str(DEFAULT_INSTRUMENT_JSON)
                .expect("pxs-core.json is a valid instrument")
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::{Scale, VisitType, STAGE_IDS};

    #[test]
    fn passes_its_own_check() {
        let instrument = default_instrument();
        assert_eq!(instrument.check(), Ok(()));
        assert_eq!(
            (instrument.id.as_str(), instrument.version),
            ("pxs-core", 1)
        );
    }

    #[test]
    fn has_the_six_campaign_stages_with_four_to_eight_items() {
        let instrument = default_instrument();
        let ids: Vec<&str> = instrument.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, STAGE_IDS);
        for stage in &instrument.stages {
            assert!((4..=8).contains(&stage.items.len()), "{}", stage.id);
        }
    }

    #[test]
    fn every_text_exists_in_every_language() {
        let instrument = default_instrument();
        let mut texts = Vec::new();
        for stage in &instrument.stages {
            texts.push((stage.id.clone(), &stage.title));
        }
        for item in instrument.items() {
            texts.push((item.id.clone(), &item.text));
        }
        for (name, field) in instrument.respondent.fields() {
            texts.push((name.to_owned(), &field.label));
            for choice in &field.values {
                texts.push((format!("{name}={}", choice.value), &choice.label));
            }
        }
        for lang in ["zh-CN", "zh-Hant", "en"] {
            for (what, text) in &texts {
                let t = text.get(lang).map(String::as_str).unwrap_or_default();
                assert!(!t.trim().is_empty(), "{what} has no {lang} text");
            }
        }
    }

    #[test]
    fn traditional_texts_differ_from_simplified() {
        // A zh-Hant text copied from zh-CN by mistake would still pass the
        // presence check; every item text here has at least one character
        // that differs between the two scripts.
        let instrument = default_instrument();
        for item in instrument.items() {
            assert_ne!(item.text["zh-Hant"], item.text["zh-CN"], "{}", item.id);
        }
    }

    #[test]
    fn visit_types_show_the_stages_of_domain_md() {
        let instrument = default_instrument();
        let shown = |v| instrument.stages_shown(v).join(",");
        assert_eq!(
            shown(VisitType::Outpatient),
            "pre_visit,outpatient,post_visit,whole_care"
        );
        assert_eq!(
            shown(VisitType::Emergency),
            "emergency,post_visit,whole_care"
        );
        assert_eq!(
            shown(VisitType::Inpatient),
            "pre_visit,inpatient,post_visit,whole_care"
        );
    }

    #[test]
    fn overall_items_are_the_two_0_to_10_ratings() {
        let instrument = default_instrument();
        let overall: Vec<(&str, Scale)> = instrument
            .overall
            .iter()
            .map(|i| (i.id.as_str(), i.scale))
            .collect();
        assert_eq!(
            overall,
            [
                ("overall.rating", Scale::Rating11),
                ("overall.recommend", Scale::Rating11)
            ]
        );
    }

    #[test]
    fn reverse_coded_items_are_the_bad_experiences() {
        let instrument = default_instrument();
        let reversed: Vec<&str> = instrument
            .items()
            .filter(|i| i.reverse)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(
            reversed,
            ["outpatient.back_and_forth", "inpatient.repeated_test"]
        );
    }

    #[test]
    fn items_come_in_export_order_and_can_be_looked_up() {
        let instrument = default_instrument();
        let first = instrument.items().next().map(|i| i.id.as_str());
        let last = instrument.items().last().map(|i| i.id.as_str());
        assert_eq!(first, Some("pre_visit.booking_ease"));
        assert_eq!(last, Some("overall.recommend"));
        let parking = instrument.item("whole_care.parking").map(|i| i.allow_na);
        assert_eq!(parking, Some(true));
        assert_eq!(instrument.item("whole_care.nope"), None);
        assert_eq!(
            instrument.stage("inpatient").map(|s| s.items.len()),
            Some(7)
        );
        assert_eq!(
            instrument
                .item("outpatient.wait_time")
                .map(|i| i.stage_id()),
            Some("outpatient")
        );
    }
}
