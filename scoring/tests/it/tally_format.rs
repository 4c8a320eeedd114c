//! The `.tally` format's version and integer steps: a tally of another
//! format version is refused by name, never misread.

use scoring::tally::{Tally, TallyError};
use serde_json::Value;

use crate::fixture;

const MAIN: &str = include_str!("../../test_data/golden/responses/main.jsonl");
const SCALES: &str = include_str!("../../test_data/golden/responses/scales.jsonl");

fn tally_json(dataset: &str, jsonl: &str) -> Value {
    let instrument = fixture::instrument_of(dataset);
    let tally = fixture::tally(&instrument, &fixture::responses(jsonl));
    serde_json::from_str(&tally.to_json()).unwrap()
}

#[test]
fn a_tally_records_its_version_and_score_steps() {
    let main = tally_json("main", MAIN);
    assert_eq!(main["format"], "tiyan-tally");
    assert_eq!(main["format_version"], 2);
    // likert5, rating11, yesno: ranges 4, 10, 1.
    assert_eq!(main["score_steps"], 20);
    // frequency4 and likert7 add ranges 3 and 6: thirds of a score.
    let scales = tally_json("scales", SCALES);
    assert_eq!(scales["score_steps"], 60);
}

#[test]
fn a_tally_of_format_version_1_is_refused_by_name() {
    let instrument = fixture::instrument();
    let mut old = tally_json("main", MAIN);
    // What version 1 wrote: no score steps.
    old["format_version"] = 1.into();
    old.as_object_mut().unwrap().remove("score_steps");
    let err = Tally::from_json(&instrument, &old.to_string()).unwrap_err();
    assert_eq!(
        err,
        TallyError::UnsupportedFormat {
            found: "tiyan-tally 1".into(),
            supported: "tiyan-tally 2".into(),
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("tiyan-tally 1") && message.contains("reads tiyan-tally 2"),
        "{message}"
    );
    // A future version is refused the same way.
    old["format_version"] = 3.into();
    assert!(matches!(
        Tally::from_json(&instrument, &old.to_string()),
        Err(TallyError::UnsupportedFormat { .. })
    ));
}

#[test]
fn a_tally_with_other_score_steps_is_refused() {
    let instrument = fixture::scales_instrument();
    let good = tally_json("scales", SCALES);
    assert!(Tally::from_json(&instrument, &good.to_string()).is_ok());
    let mut bad = good;
    bad["score_steps"] = 20.into();
    assert!(matches!(
        Tally::from_json(&instrument, &bad.to_string()),
        Err(TallyError::WrongInstrument { .. })
    ));
}
