//! When a response alerts (docs/formats.md §6): its `overall.rating` at or
//! below the hospital's threshold, a likert or frequency item answered at
//! its scale's lowest value, or a comment containing one of the hospital's
//! keywords (case-insensitive, after Unicode NFKC). Pure: a response and
//! the rules in, the reasons out.

use std::fmt;

use scoring::instrument::Instrument;
use scoring::response::{Answer, Response};
use unicode_normalization::UnicodeNormalization;
use wire::{AlertRules, Reason};

use crate::cases::Phone;

/// The item whose rating the threshold applies to.
const OVERALL_RATING: &str = "overall.rating";

/// What the rules look at in one response, taken out when it is checked so
/// that the writer evaluates them without parsing the response again.
#[derive(Clone, PartialEq, Eq)]
pub struct Signals {
    overall_rating: Option<i64>,
    /// Likert and frequency items answered at their lowest (worst) value,
    /// in instrument order.
    lowest_items: Vec<String>,
    /// The comment, NFKC-normalised and lower-cased ([`fold`]).
    folded_comment: String,
}

// The comment is the patient's free text: never in a log line.
impl fmt::Debug for Signals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signals")
            .field("overall_rating", &self.overall_rating)
            .field("lowest_items", &self.lowest_items)
            .field("comment_chars", &self.folded_comment.chars().count())
            .finish()
    }
}

/// A stored response's part in opening a case: its signals and the phone
/// number the patient left beside it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertInput {
    pub signals: Signals,
    pub contact: Option<Phone>,
}

impl Signals {
    pub fn of(response: &Response, instrument: &Instrument) -> Signals {
        let overall_rating = match response.answers.get(OVERALL_RATING) {
            Some(Answer::Value(v)) => Some(*v),
            _ => None,
        };
        let lowest_items = instrument
            .items()
            // The likert and frequency scales, as the scale table marks
            // them; ratings have their own threshold.
            .filter(|item| item.scale.def().lowest_is_alert)
            .filter(|item| match response.answers.get(&item.id) {
                // The worst experience: the lowest value once reverse-coded
                // items are turned round (docs/scoring.md §1).
                Some(Answer::Value(v)) => {
                    let def = item.scale.def();
                    def.scored(*v, item.reverse) == def.lo
                }
                _ => false,
            })
            .map(|item| item.id.clone())
            .collect();
        Signals {
            overall_rating,
            lowest_items,
            folded_comment: fold(&response.comment),
        }
    }
}

/// NFKC, then lower case: full-width `ＡＢＣ` and `abc` compare equal, as
/// do compatibility forms of CJK characters.
pub fn fold(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// Why a response opens a case, in rule order; empty: it opens none.
/// `callback`: the patient left a phone number, which opens a case even
/// when no rule alerts.
pub fn reasons(signals: &Signals, rules: &AlertRules, callback: bool) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if let (Some(at_most), Some(rating)) = (rules.overall_rating_at_most, signals.overall_rating) {
        if rating <= at_most {
            reasons.push(Reason::OverallRating);
        }
    }
    if rules.item_lowest {
        reasons.extend(
            signals
                .lowest_items
                .iter()
                .map(|item| Reason::ItemLowest { item: item.clone() }),
        );
    }
    for keyword in &rules.keywords {
        let folded = fold(keyword);
        if !folded.is_empty() && signals.folded_comment.contains(&folded) {
            reasons.push(Reason::Keyword {
                keyword: keyword.clone(),
            });
        }
    }
    if callback {
        reasons.push(Reason::Callback);
    }
    reasons
}

#[cfg(test)]
mod tests {
    use scoring::instrument::{default_instrument, Scale};
    use serde_json::json;

    use super::*;

    fn response(answers: serde_json::Value, comment: &str) -> Response {
        serde_json::from_value(json!({
            "id": "r1", "instrument": "pxs-core", "instrument_version": 1,
            "hospital": "H001", "department": "cardiology",
            "visit_type": "outpatient", "channel": "kiosk",
            "submitted_at": "2024-05-03T09:12:44Z",
            "answers": answers, "comment": comment
        }))
        .unwrap()
    }

    fn signals(answers: serde_json::Value, comment: &str) -> Signals {
        Signals::of(&response(answers, comment), &default_instrument())
    }

    fn no_rules() -> AlertRules {
        AlertRules {
            overall_rating_at_most: None,
            item_lowest: false,
            keywords: Vec::new(),
        }
    }

    #[test]
    fn a_rating_at_or_below_the_threshold_alerts() {
        let rules = AlertRules {
            overall_rating_at_most: Some(4),
            ..no_rules()
        };
        for (rating, alerts) in [(0, true), (4, true), (5, false), (10, false)] {
            let s = signals(json!({"overall.rating": rating}), "");
            assert_eq!(!reasons(&s, &rules, false).is_empty(), alerts, "{rating}");
        }
        assert_eq!(
            reasons(&signals(json!({"overall.rating": 2}), ""), &rules, false),
            [Reason::OverallRating]
        );
        // No threshold: never; no rating: never.
        assert!(reasons(
            &signals(json!({"overall.rating": 0}), ""),
            &no_rules(),
            false
        )
        .is_empty());
        assert!(reasons(&signals(json!({}), ""), &rules, false).is_empty());
    }

    #[test]
    fn the_lowest_value_of_a_likert_or_frequency_item_alerts() {
        let instrument = default_instrument();
        let rules = AlertRules {
            item_lowest: true,
            ..no_rules()
        };
        let likert = instrument
            .items()
            .find(|i| i.scale == Scale::Likert5 && !i.reverse)
            .expect("a likert5 item");
        let lo = likert.scale.lo();
        let s = signals(json!({ likert.id.clone(): lo }), "");
        assert_eq!(
            reasons(&s, &rules, false),
            [Reason::ItemLowest {
                item: likert.id.clone()
            }]
        );
        let s = signals(json!({ likert.id.clone(): lo + 1 }), "");
        assert!(reasons(&s, &rules, false).is_empty());
        // Switched off: the same answer does not alert.
        let s = signals(json!({ likert.id.clone(): lo }), "");
        assert!(reasons(&s, &no_rules(), false).is_empty());
        // A rating of 0 is not "lowest item": ratings have their threshold.
        let s = signals(json!({"overall.recommend": 0}), "");
        assert!(reasons(&s, &rules, false).is_empty());
    }

    #[test]
    fn every_likert_and_frequency_scale_alerts_at_its_worst_value() {
        let instrument: Instrument = serde_json::from_str(include_str!(
            "../../../scoring/test_data/instruments/scales-demo.json"
        ))
        .unwrap();
        let rules = AlertRules {
            item_lowest: true,
            ..no_rules()
        };
        let alerts = |answers: serde_json::Value| {
            let mut r = response(answers, "");
            r.visit_type = scoring::instrument::VisitType::Inpatient;
            reasons(&Signals::of(&r, &instrument), &rules, false)
        };
        let lowest = |item: &str| Reason::ItemLowest { item: item.into() };
        // likert7 and frequency4 at 1.
        assert_eq!(
            alerts(json!({"inpatient.pain": 1})),
            [lowest("inpatient.pain")]
        );
        assert_eq!(
            alerts(json!({"inpatient.nurse_listened": 1})),
            [lowest("inpatient.nurse_listened")]
        );
        assert!(alerts(json!({"inpatient.pain": 2, "inpatient.nurse_listened": 2})).is_empty());
        // A reverse-coded item ("how often was it noisy at night") is at
        // its worst at the highest value.
        assert_eq!(
            alerts(json!({"inpatient.night_noise": 4})),
            [lowest("inpatient.night_noise")]
        );
        assert!(alerts(json!({"inpatient.night_noise": 1})).is_empty());
        // Yes/no items never alert by value.
        assert!(alerts(json!({"post_visit.follow_up_call": 0})).is_empty());
    }

    #[test]
    fn keywords_match_case_insensitively_after_nfkc() {
        let rules = AlertRules {
            keywords: vec!["投诉".into(), "Complaint".into(), "ＡＢＣ".into()],
            ..no_rules()
        };
        let keyword = |k: &str| Reason::Keyword { keyword: k.into() };
        assert_eq!(
            reasons(&signals(json!({}), "我要投诉！"), &rules, false),
            [keyword("投诉")]
        );
        assert_eq!(
            reasons(&signals(json!({}), "a COMPLAINT about abc"), &rules, false),
            [keyword("Complaint"), keyword("ＡＢＣ")]
        );
        // Full-width letters fold to ASCII under NFKC.
        assert_eq!(
            reasons(&signals(json!({}), "ｃｏｍｐｌａｉｎｔ"), &rules, false),
            [keyword("Complaint")]
        );
        assert!(reasons(&signals(json!({}), "很满意"), &rules, false).is_empty());
        // An empty keyword matches nothing.
        let empty = AlertRules {
            keywords: vec![String::new()],
            ..no_rules()
        };
        assert!(reasons(&signals(json!({}), "anything"), &empty, false).is_empty());
    }

    #[test]
    fn a_callback_opens_a_case_without_any_rule() {
        let s = signals(json!({"overall.rating": 10}), "");
        assert_eq!(
            reasons(&s, &AlertRules::default(), true),
            [Reason::Callback]
        );
        let low = signals(json!({"overall.rating": 1}), "");
        assert_eq!(
            reasons(&low, &AlertRules::default(), true),
            [Reason::OverallRating, Reason::Callback]
        );
    }

    #[test]
    fn debug_output_leaves_the_comment_out() {
        let s = signals(json!({}), "私人信息 13800138000");
        let text = format!("{s:?}");
        assert!(!text.contains("13800138000"), "{text}");
        assert!(!text.contains("私人"), "{text}");
    }
}
