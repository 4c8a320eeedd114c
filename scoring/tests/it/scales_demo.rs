//! The demonstration instrument with frequency4 and likert7 items
//! (`test_data/instruments/scales-demo.json`): well formed, answered by
//! the generator on every value of each scale, tallied and scored.

use std::collections::{BTreeMap, BTreeSet};

use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::{Instrument, Scale};
use scoring::report::{score, Period, ScoreOptions};
use scoring::response::Answer;
use scoring::tally::Tally;
use scoring::validate::validate;

fn demo() -> Instrument {
    serde_json::from_str(include_str!("../../test_data/instruments/scales-demo.json"))
        .expect("scales-demo instrument")
}

#[test]
fn the_demo_instrument_is_well_formed_and_uses_both_new_scales() {
    let instrument = demo();
    assert_eq!(instrument.check(), Ok(()));
    assert_eq!(instrument.stages.len(), 6);
    let scales: BTreeSet<Scale> = instrument.items().map(|i| i.scale).collect();
    assert!(scales.contains(&Scale::Frequency4) && scales.contains(&Scale::Likert7));
    assert!(instrument
        .items()
        .any(|i| i.scale == Scale::Frequency4 && i.reverse));
}

#[test]
fn generated_answers_cover_every_value_of_the_new_scales() {
    let instrument = demo();
    let options = GenerateOptions {
        responses: 3000,
        ..GenerateOptions::default()
    };
    let mut seen: BTreeMap<Scale, BTreeSet<i64>> = BTreeMap::new();
    let mut tally = Tally::new(&instrument).unwrap();
    for response in generate(&instrument, &options).unwrap() {
        assert_eq!(validate(&instrument, &response), Ok(()), "{}", response.id);
        for (id, answer) in &response.answers {
            if let (Some(item), Answer::Value(v)) = (instrument.item(id), answer) {
                seen.entry(item.scale).or_default().insert(*v);
            }
        }
        tally.add(&response).unwrap();
    }
    for scale in [Scale::Frequency4, Scale::Likert7] {
        let values: Vec<i64> = seen[&scale].iter().copied().collect();
        assert_eq!(values, scale.values().collect::<Vec<_>>(), "{scale:?}");
    }
    let report = score(&instrument, &tally, &ScoreOptions::new(Period::year(2024))).unwrap();
    // Read as the report's JSON (docs/formats.md §4).
    let report = serde_json::to_value(&report).unwrap();
    let drivers: Vec<&str> = report["groups"][0]["drivers"]
        .as_array()
        .expect("drivers of the `all` group")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    // Every frequency4 and likert7 stage item is a key driver (docs/scoring.md §4).
    for item in instrument.stages.iter().flat_map(|s| &s.items) {
        let ordinal = matches!(
            item.scale,
            Scale::Likert5 | Scale::Frequency4 | Scale::Likert7
        );
        assert_eq!(drivers.contains(&item.id.as_str()), ordinal, "{}", item.id);
    }
}
