//! Reading the golden fixtures (`test_data/golden/`, written by
//! `make_golden.py`); shared by the native tests and the wasm test.

use scoring::instrument::Instrument;
use scoring::report::{
    score, to_canonical_json, GroupBy, Period, Report, ScoreOptions, DEFAULT_MIN_DIFFERENCE,
    DEFAULT_TARGET_RELIABILITY,
};
use scoring::response::Response;
use scoring::tally::Tally;
use serde_json::Value;

pub(crate) fn instrument() -> Instrument {
    serde_json::from_str(include_str!("../../test_data/golden/instrument.json"))
        .expect("golden instrument")
}

/// The instrument with frequency4 and likert7 items (dataset `scales`).
pub(crate) fn scales_instrument() -> Instrument {
    serde_json::from_str(include_str!(
        "../../test_data/golden/instrument_scales.json"
    ))
    .expect("golden scales instrument")
}

/// The instrument a dataset was answered on.
pub(crate) fn instrument_of(dataset: &str) -> Instrument {
    match dataset {
        "scales" => scales_instrument(),
        _ => instrument(),
    }
}

/// One response per line.
pub(crate) fn responses(jsonl: &str) -> Vec<Response> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("golden response"))
        .collect()
}

/// `options` of a case file, as `make_golden.py` writes them.
pub(crate) fn options(options: &Value) -> ScoreOptions {
    let period = |v: &Value| v.as_str().map(|s| Period::parse(s).expect("golden period"));
    ScoreOptions {
        current: period(&options["period"]).expect("a current period"),
        baseline: period(&options["baseline"]),
        group_by: options["group_by"]
            .as_str()
            .map(|g| GroupBy::parse(g).expect("golden group_by")),
        case_mix: options["case_mix"].as_bool().expect("case_mix"),
        suppress_below: options["suppress_below"].as_u64().expect("suppress_below"),
        min_compare: options["min_compare"].as_u64().expect("min_compare"),
        min_difference: options["min_difference"]
            .as_f64()
            .unwrap_or(DEFAULT_MIN_DIFFERENCE),
        target_reliability: options["target_reliability"]
            .as_f64()
            .unwrap_or(DEFAULT_TARGET_RELIABILITY),
    }
}

pub(crate) fn tally(instrument: &Instrument, responses: &[Response]) -> Tally {
    let mut tally = Tally::new(instrument).expect("golden instrument tallies");
    for r in responses {
        tally.add(r).expect("golden response tallies");
    }
    tally
}

/// The report of a case: (instrument, responses, options) → report.
pub(crate) fn report(responses_jsonl: &str, case_json: &str) -> Report {
    let case: Value = serde_json::from_str(case_json).expect("golden case");
    let instrument = instrument_of(case["dataset"].as_str().unwrap_or_default());
    let tally = tally(&instrument, &responses(responses_jsonl));
    score(&instrument, &tally, &options(&case["options"])).expect("golden case scores")
}

/// The canonical bytes of a case's report.
pub(crate) fn report_bytes(responses_jsonl: &str, case_json: &str) -> String {
    to_canonical_json(&report(responses_jsonl, case_json))
}
