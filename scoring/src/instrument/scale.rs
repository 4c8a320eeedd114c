//! The answer scales (docs/formats.md §1), each defined once: its values,
//! its words in every language, its top box and "satisfied" values
//! (docs/scoring.md §1), whether it is an ordinal satisfaction scale
//! (key drivers, docs/scoring.md §4), how a survey draws it and how
//! synthetic answers are drawn on it.
//!
//! Everything else — the tally's integer encoding, the survey's buttons,
//! the dashboard's distributions, the generator — reads [`Scale::def`], so
//! a new scale is a variant of [`Scale`] and one entry of [`DEFINITIONS`].

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// An item's answer scale. Serialised as its id (`likert5`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// 1..5, 1 = very dissatisfied … 5 = very satisfied.
    Likert5,
    /// 0..10.
    Rating11,
    /// 0 = no, 1 = yes.
    Yesno,
    /// 1..4: never, sometimes, usually, always (HCAHPS-style "how often").
    Frequency4,
    /// 1..7, 1 = very dissatisfied … 4 = neutral … 7 = very satisfied.
    Likert7,
}

/// A scale value's word in the three languages. A zero-width space
/// (U+200B) marks where a narrow survey button may wrap the word;
/// [`ScaleDef::label`] leaves it out for inline text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub zh_cn: &'static str,
    pub zh_hant: &'static str,
    pub en: &'static str,
}

const fn w(zh_cn: &'static str, zh_hant: &'static str, en: &'static str) -> Words {
    Words { zh_cn, zh_hant, en }
}

/// How a survey offers the scale's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    /// One button per value, lowest first, a face and the word on each.
    Faces,
    /// One button per value, lowest first, the word on each (no face).
    Words,
    /// One button per value, lowest first, showing the number; the words
    /// of the lowest, middle and highest values are shown as anchors and
    /// every button is named by its word.
    LabelledPoints,
    /// One button per value showing the number, with the question's
    /// anchors ("0 = worst", "10 = best").
    Numbers,
    /// The word buttons, highest value first ("yes" before "no").
    YesNo,
}

/// How synthetic answers are drawn from a respondent's latent experience
/// `x` (standard normal, higher is better; used by `generate`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Latent {
    /// `lo + ` the number of cut points at or below `x`.
    Cuts(&'static [f64]),
    /// `round(centre + spread·x)`, clamped to the scale.
    Linear { centre: f64, spread: f64 },
    /// 1 when `x > yes_above`; a reverse-coded item (a bad experience)
    /// is answered 1 when `x < reverse_yes_below`.
    YesNo {
        yes_above: f64,
        reverse_yes_below: f64,
    },
}

/// Everything the product knows about one scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleDef {
    pub scale: Scale,
    /// The id in instrument JSON (docs/formats.md §1).
    pub id: &'static str,
    /// `lo` and `hi` of docs/scoring.md §1.
    pub lo: i64,
    pub hi: i64,
    /// One word per value, `lo` first; empty for scales whose values are
    /// their own names (the 0–10 rating).
    pub words: &'static [Words],
    /// `top_box`: scored values (after reverse coding) at or above this
    /// (docs/scoring.md §1).
    pub top_box_from: i64,
    /// `satisfied`: scored values at or above this (docs/scoring.md §1).
    pub satisfied_from: i64,
    /// An ordinal satisfaction scale: its stage items are key drivers
    /// (docs/scoring.md §4).
    pub ordinal_satisfaction: bool,
    /// A likert or frequency scale, whose lowest value flags a poor
    /// experience.
    pub lowest_is_alert: bool,
    pub presentation: Presentation,
    pub latent: Latent,
}

/// The scales, in [`Scale`] order. Adding a scale: a variant of
/// [`Scale`] and its entry here (values, words, top box, satisfied).
pub const DEFINITIONS: &[ScaleDef] = &[
    ScaleDef {
        scale: Scale::Likert5,
        id: "likert5",
        lo: 1,
        hi: 5,
        words: &[
            w(
                "非常\u{200b}不满意",
                "非常\u{200b}不滿意",
                "Very dissatisfied",
            ),
            w("不满意", "不滿意", "Dissatisfied"),
            w("一般", "普通", "Neutral"),
            w("满意", "滿意", "Satisfied"),
            w("非常\u{200b}满意", "非常\u{200b}滿意", "Very satisfied"),
        ],
        top_box_from: 5,
        satisfied_from: 4,
        ordinal_satisfaction: true,
        lowest_is_alert: true,
        presentation: Presentation::Faces,
        // About a third of answers at 5 and a mean near 3.9, as Chinese
        // hospital surveys find.
        latent: Latent::Cuts(&[-1.9, -1.1, -0.2, 0.75]),
    },
    ScaleDef {
        scale: Scale::Rating11,
        id: "rating11",
        lo: 0,
        hi: 10,
        words: &[],
        top_box_from: 9,
        satisfied_from: 7,
        ordinal_satisfaction: false,
        lowest_is_alert: false,
        presentation: Presentation::Numbers,
        latent: Latent::Linear {
            centre: 7.3,
            spread: 1.6,
        },
    },
    ScaleDef {
        scale: Scale::Yesno,
        id: "yesno",
        lo: 0,
        hi: 1,
        words: &[w("否", "否", "No"), w("是", "是", "Yes")],
        top_box_from: 1,
        satisfied_from: 1,
        ordinal_satisfaction: false,
        lowest_is_alert: false,
        presentation: Presentation::YesNo,
        latent: Latent::YesNo {
            yes_above: -0.3,
            reverse_yes_below: -0.9,
        },
    },
    ScaleDef {
        scale: Scale::Frequency4,
        id: "frequency4",
        lo: 1,
        hi: 4,
        words: &[
            w("从未", "從未", "Never"),
            w("有时", "有時", "Sometimes"),
            w("经常", "經常", "Usually"),
            w("总是", "總是", "Always"),
        ],
        top_box_from: 4,
        satisfied_from: 3,
        ordinal_satisfaction: true,
        lowest_is_alert: true,
        presentation: Presentation::Words,
        // About half "always", as HCAHPS-style items find.
        latent: Latent::Cuts(&[-1.7, -0.8, 0.0]),
    },
    ScaleDef {
        scale: Scale::Likert7,
        id: "likert7",
        lo: 1,
        hi: 7,
        words: &[
            w(
                "非常\u{200b}不满意",
                "非常\u{200b}不滿意",
                "Very dissatisfied",
            ),
            w("不满意", "不滿意", "Dissatisfied"),
            w(
                "有点\u{200b}不满意",
                "有點\u{200b}不滿意",
                "Somewhat dissatisfied",
            ),
            w("一般", "普通", "Neutral"),
            w("有点\u{200b}满意", "有點\u{200b}滿意", "Somewhat satisfied"),
            w("满意", "滿意", "Satisfied"),
            w("非常\u{200b}满意", "非常\u{200b}滿意", "Very satisfied"),
        ],
        top_box_from: 7,
        satisfied_from: 5,
        ordinal_satisfaction: true,
        lowest_is_alert: true,
        presentation: Presentation::LabelledPoints,
        latent: Latent::Cuts(&[-2.2, -1.6, -1.0, -0.4, 0.3, 0.95]),
    },
];

/// The lcm of every scale's range `hi − lo`: a linear score
/// `100·(v − lo)/(hi − lo)` is `100·e/SCORE_STEPS` with `e` an integer
/// for every scale (docs/scoring.md §1, §8).
pub const SCORE_STEPS: u64 = lcm_of_ranges(DEFINITIONS);

const fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The least common multiple of `hi − lo` over `defs`.
pub const fn lcm_of_ranges(defs: &[ScaleDef]) -> u64 {
    let mut l = 1;
    let mut i = 0;
    while i < defs.len() {
        let range = (defs[i].hi - defs[i].lo) as u64;
        l = l / gcd(l, range) * range;
        i += 1;
    }
    l
}

/// Compile-time checks of the table: in [`Scale`] order, ids unique,
/// at least two values, words for every value (or none), thresholds
/// within the values, and every range dividing [`SCORE_STEPS`].
const fn definitions_are_consistent() -> bool {
    let mut i = 0;
    while i < DEFINITIONS.len() {
        let d = &DEFINITIONS[i];
        if d.scale as usize != i || d.hi <= d.lo {
            return false;
        }
        let values = (d.hi - d.lo + 1) as usize;
        if !(d.words.is_empty() || d.words.len() == values) {
            return false;
        }
        if d.top_box_from < d.lo
            || d.top_box_from > d.hi
            || d.satisfied_from < d.lo
            || d.satisfied_from > d.top_box_from
        {
            return false;
        }
        if !SCORE_STEPS.is_multiple_of((d.hi - d.lo) as u64) {
            return false;
        }
        if let Latent::Cuts(cuts) = d.latent {
            if cuts.len() + 1 != values {
                return false;
            }
        }
        let mut j = 0;
        while j < i {
            if str_eq(DEFINITIONS[j].id, d.id) {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const _: () = assert!(definitions_are_consistent(), "inconsistent scale table");

impl Scale {
    /// Every scale, in table order.
    pub fn all() -> impl Iterator<Item = Scale> {
        DEFINITIONS.iter().map(|d| d.scale)
    }

    /// The scale's one definition.
    pub fn def(self) -> &'static ScaleDef {
        &DEFINITIONS[self as usize]
    }

    /// The id in instrument JSON.
    pub fn id(self) -> &'static str {
        self.def().id
    }

    /// The scale with this id.
    pub fn from_id(id: &str) -> Option<Scale> {
        DEFINITIONS.iter().find(|d| d.id == id).map(|d| d.scale)
    }

    /// The lowest value of the scale (`lo` in docs/scoring.md).
    pub fn lo(self) -> i64 {
        self.def().lo
    }

    /// The highest value of the scale (`hi` in docs/scoring.md).
    pub fn hi(self) -> i64 {
        self.def().hi
    }

    /// Every value of the scale, lowest first.
    pub fn values(self) -> std::ops::RangeInclusive<i64> {
        self.lo()..=self.hi()
    }
}

impl ScaleDef {
    /// Number of values.
    pub fn len(&self) -> usize {
        (self.hi - self.lo + 1) as usize
    }

    /// A scale always has values; present for clippy's `len` rule.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// `v'` of docs/scoring.md §1: `lo + hi − v` when reverse-coded.
    pub fn scored(&self, v: i64, reverse: bool) -> i64 {
        if reverse {
            self.lo + self.hi - v
        } else {
            v
        }
    }

    /// Whether the scored value `v'` is in the top box (docs/scoring.md §1).
    pub fn is_top_box(&self, scored: i64) -> bool {
        scored >= self.top_box_from
    }

    /// Whether the scored value `v'` counts as satisfied (docs/scoring.md §1).
    pub fn is_satisfied(&self, scored: i64) -> bool {
        scored >= self.satisfied_from
    }

    /// The word of value `v` as stored (with its U+200B wrap hints), or
    /// `None` for a value outside the scale or a scale without words.
    pub fn word(&self, v: i64, lang: Lang) -> Option<&'static str> {
        let at = usize::try_from(v - self.lo).ok()?;
        let words = self.words.get(at)?;
        Some(lang.choose(words.zh_cn, words.zh_hant, words.en))
    }

    /// The name of value `v` for inline text: its word without wrap
    /// hints, or the number itself for scales without words.
    pub fn label(&self, v: i64, lang: Lang) -> String {
        match self.word(v, lang) {
            Some(word) => word.replace('\u{200b}', ""),
            None => v.to_string(),
        }
    }

    /// The value in the middle of the scale (the neutral point of an odd
    /// likert scale).
    pub fn middle(&self) -> i64 {
        self.lo + (self.hi - self.lo) / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_steps_are_the_lcm_of_the_ranges() {
        // Ranges 4, 10, 1, 3, 6.
        assert_eq!(SCORE_STEPS, 60);
        for d in DEFINITIONS {
            assert!(SCORE_STEPS.is_multiple_of((d.hi - d.lo) as u64), "{}", d.id);
        }
        assert_eq!(lcm_of_ranges(&DEFINITIONS[..3]), 20);
    }

    #[test]
    fn ids_round_trip_through_serde_and_the_table() {
        for scale in Scale::all() {
            assert_eq!(scale.def().scale, scale);
            let json = serde_json::to_string(&scale).unwrap();
            assert_eq!(json, format!("\"{}\"", scale.id()));
            assert_eq!(Scale::from_id(scale.id()), Some(scale));
        }
        assert_eq!(Scale::from_id("likert9"), None);
    }

    #[test]
    fn top_box_and_satisfied_follow_the_methodology() {
        // docs/scoring.md §1: (scale, top box values, satisfied values).
        let expected: [(Scale, &[i64], &[i64]); 5] = [
            (Scale::Likert5, &[5], &[4, 5]),
            (Scale::Rating11, &[9, 10], &[7, 8, 9, 10]),
            (Scale::Yesno, &[1], &[1]),
            (Scale::Frequency4, &[4], &[3, 4]),
            (Scale::Likert7, &[7], &[5, 6, 7]),
        ];
        for (scale, top, satisfied) in expected {
            let d = scale.def();
            let tops: Vec<i64> = scale.values().filter(|&v| d.is_top_box(v)).collect();
            let sats: Vec<i64> = scale.values().filter(|&v| d.is_satisfied(v)).collect();
            assert_eq!(
                (tops.as_slice(), sats.as_slice()),
                (top, satisfied),
                "{scale:?}"
            );
        }
    }

    #[test]
    fn words_name_every_value_in_every_language() {
        let f = Scale::Frequency4.def();
        let zh: Vec<String> = Scale::Frequency4
            .values()
            .map(|v| f.label(v, Lang::ZhCn))
            .collect();
        assert_eq!(zh, ["从未", "有时", "经常", "总是"]);
        assert_eq!(f.label(4, Lang::En), "Always");
        assert_eq!(f.label(1, Lang::ZhHant), "從未");
        let l7 = Scale::Likert7.def();
        assert_eq!(l7.label(1, Lang::ZhCn), "非常不满意");
        assert_eq!(l7.label(l7.middle(), Lang::En), "Neutral");
        assert_eq!(l7.word(8, Lang::En), None);
        assert_eq!(Scale::Rating11.def().label(7, Lang::En), "7");
        for d in DEFINITIONS {
            for word in d.words {
                for lang in Lang::ALL {
                    assert!(!lang.choose(word.zh_cn, word.zh_hant, word.en).is_empty());
                }
            }
        }
    }

    #[test]
    fn drivers_are_the_ordinal_satisfaction_scales() {
        let drivers: Vec<Scale> = Scale::all()
            .filter(|s| s.def().ordinal_satisfaction)
            .collect();
        assert_eq!(drivers, [Scale::Likert5, Scale::Frequency4, Scale::Likert7]);
    }
}
