//! How answers are offered and shown: the options of an item in a
//! language, and the key each option carries in the DOM.

use scoring::instrument::{Choice, Item, Presentation, ScaleDef};
use scoring::lang::Lang as WordsLang;
use scoring::response::Answer;

use super::i18n::{Catalogue, Lang};

/// One choice of a radio group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    /// The `value` of the radio input: `"1"`…, or `"na"`.
    pub key: String,
    /// The option's name: the scale value's word (or its number), the
    /// choice's label.
    pub label: String,
    /// For likert5: the face to draw (1 = very dissatisfied … 5).
    pub face: Option<u8>,
    /// For labelled points (likert7): the number shown on the button,
    /// whose label is then read by screen readers only.
    pub number: Option<i64>,
    /// "Not applicable" is set apart from the scale.
    pub aside: bool,
}

/// The DOM key of an answer.
pub fn answer_key(answer: Answer) -> String {
    match answer {
        Answer::Value(v) => v.to_string(),
        Answer::Na => "na".to_owned(),
    }
}

/// The answer behind a DOM key.
pub fn parse_answer_key(key: &str) -> Option<Answer> {
    match key {
        "na" => Some(Answer::Na),
        _ => key.parse().ok().map(Answer::Value),
    }
}

/// The options of `item`, in display order, as its scale's definition
/// presents them (a face and a word each for likert5, words for
/// frequency4, numbers named by their words for likert7, yes before no,
/// 0 to 10); then "not applicable" where allowed. Never colour alone.
pub fn options_for(item: &Item, lang: Lang) -> Vec<AnswerOption> {
    let def = item.scale.def();
    let words = words_lang(lang);
    let option = |v: i64| AnswerOption {
        key: v.to_string(),
        label: def
            .word(v, words)
            .map_or_else(|| v.to_string(), str::to_owned),
        face: (def.presentation == Presentation::Faces).then_some(v as u8),
        number: (def.presentation == Presentation::LabelledPoints).then_some(v),
        aside: false,
    };
    let mut options: Vec<AnswerOption> = if def.presentation == Presentation::YesNo {
        item.scale.values().rev().map(option).collect()
    } else {
        item.scale.values().map(option).collect()
    };
    if item.allow_na {
        options.push(AnswerOption {
            key: "na".to_owned(),
            label: lang.messages().not_applicable.to_owned(),
            face: None,
            number: None,
            aside: true,
        });
    }
    options
}

/// The anchors read with a labelled-points scale: the words of its lowest,
/// middle and highest values, each after its number ("1 = 非常不满意").
pub fn point_anchors(def: &ScaleDef, lang: Lang) -> Vec<String> {
    let words = words_lang(lang);
    [def.lo, def.middle(), def.hi]
        .into_iter()
        .map(|v| format!("{v} = {}", def.label(v, words)))
        .collect()
}

/// The scale words' language for the survey's language.
fn words_lang(lang: Lang) -> WordsLang {
    match lang {
        Lang::ZhCn => WordsLang::ZhCn,
        Lang::ZhHant => WordsLang::ZhHant,
        Lang::En => WordsLang::En,
    }
}

/// How an answer reads on the review screen.
pub fn answer_text(item: &Item, answer: Option<Answer>, lang: Lang) -> String {
    let m = lang.messages();
    match answer {
        None => m.not_answered.to_owned(),
        Some(a) => options_for(item, lang)
            .into_iter()
            .find(|o| o.key == answer_key(a))
            .map(|o| o.label)
            .unwrap_or_else(|| answer_key(a)),
    }
}

/// The options of a respondent field: its choices, then "prefer not to
/// say" (key `""`, which clears the field).
pub fn choice_options(choices: &[Choice], lang: Lang) -> Vec<AnswerOption> {
    choices
        .iter()
        .map(|c| AnswerOption {
            key: choice_key(&c.value),
            label: lang.pick(&c.label).to_owned(),
            face: None,
            number: None,
            aside: false,
        })
        .chain([AnswerOption {
            key: String::new(),
            label: lang.messages().prefer_not_say.to_owned(),
            face: None,
            number: None,
            aside: true,
        }])
        .collect()
}

/// The DOM key of a respondent choice (`"65-74"`, or `"3"` for health).
pub fn choice_key(value: &serde_json::Value) -> String {
    // Integers are formatted by hand: `Value::to_string` would pull the
    // float formatter into the bundle for nothing.
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.as_i64().map(|i| i.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoring::instrument::Scale;

    fn item(scale: Scale, allow_na: bool) -> Item {
        serde_json::from_value(serde_json::json!({
            "id": "outpatient.wait_time", "text": {"zh-CN": "候诊时间", "en": "Waiting time"},
            "scale": scale, "allow_na": allow_na
        }))
        .unwrap()
    }

    fn keys_and_labels(item: &Item, lang: Lang) -> Vec<(String, String)> {
        options_for(item, lang)
            .into_iter()
            .map(|o| (o.key, o.label))
            .collect()
    }

    #[test]
    fn likert_runs_from_very_dissatisfied_to_very_satisfied_then_na() {
        let options = options_for(&item(Scale::Likert5, true), Lang::ZhCn);
        let keys: Vec<&str> = options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["1", "2", "3", "4", "5", "na"]);
        assert_eq!(options[0].label, "非常\u{200b}不满意");
        assert_eq!(options[4].face, Some(5));
        assert!(options[5].aside && options[5].label == "不适用");
    }

    #[test]
    fn yes_comes_before_no_and_ratings_are_numbers() {
        let yesno = keys_and_labels(&item(Scale::Yesno, false), Lang::En);
        assert_eq!(
            yesno,
            [("1".into(), "Yes".into()), ("0".into(), "No".into())]
        );
        let rating = keys_and_labels(&item(Scale::Rating11, false), Lang::En);
        assert_eq!(rating.len(), 11);
        assert_eq!(rating[10], ("10".into(), "10".into()));
    }

    #[test]
    fn frequency_items_offer_four_words_and_no_faces() {
        let options = options_for(&item(Scale::Frequency4, false), Lang::ZhCn);
        let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, ["从未", "有时", "经常", "总是"]);
        assert!(options
            .iter()
            .all(|o| o.face.is_none() && o.number.is_none()));
        let en = keys_and_labels(&item(Scale::Frequency4, false), Lang::En);
        assert_eq!(en[3], ("4".into(), "Always".into()));
    }

    #[test]
    fn seven_point_items_show_numbers_named_by_their_words() {
        let options = options_for(&item(Scale::Likert7, true), Lang::En);
        let keys: Vec<&str> = options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["1", "2", "3", "4", "5", "6", "7", "na"]);
        assert_eq!(options[0].number, Some(1));
        assert_eq!(options[0].label, "Very dissatisfied");
        assert_eq!(options[3].label, "Neutral");
        assert_eq!(options[6].label, "Very satisfied");
        assert_eq!(
            point_anchors(Scale::Likert7.def(), Lang::ZhCn),
            ["1 = 非常不满意", "4 = 一般", "7 = 非常满意"]
        );
        let likert7 = item(Scale::Likert7, false);
        assert_eq!(
            answer_text(&likert7, Some(Answer::Value(5)), Lang::ZhHant),
            "有點\u{200b}滿意"
        );
    }

    #[test]
    fn keys_round_trip_and_review_text_reads_the_label() {
        for a in [Answer::Value(0), Answer::Value(10), Answer::Na] {
            assert_eq!(parse_answer_key(&answer_key(a)), Some(a));
        }
        assert_eq!(parse_answer_key("x"), None);
        let likert = item(Scale::Likert5, true);
        assert_eq!(
            answer_text(&likert, Some(Answer::Value(4)), Lang::En),
            "Satisfied"
        );
        assert_eq!(
            answer_text(&likert, Some(Answer::Na), Lang::ZhHant),
            "不適用"
        );
        assert_eq!(answer_text(&likert, None, Lang::ZhCn), "未回答");
    }
}
