//! The golden cases scored in a browser: the report bytes must equal the
//! stored native reports (`test_data/golden/reports/`, checked natively by
//! `it::golden::canonical_bytes_match_the_stored_reports`).
//!
//! Run: `cargo test -p scoring --target wasm32-unknown-unknown --test
//! wasm_golden` with wasm-bindgen-test-runner and chromedriver (see
//! docs/toolchain.md).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "it/fixture.rs"]
mod fixture;

const MAIN: &str = include_str!("../test_data/golden/responses/main.jsonl");
const SMALL: &str = include_str!("../test_data/golden/responses/small.jsonl");
const DEGENERATE: &str = include_str!("../test_data/golden/responses/degenerate.jsonl");
const UNITS: &str = include_str!("../test_data/golden/responses/units.jsonl");
const SPC: &str = include_str!("../test_data/golden/responses/spc.jsonl");
const SCALES: &str = include_str!("../test_data/golden/responses/scales.jsonl");

fn check(responses: &str, case: &str, stored: &str) {
    let bytes = fixture::report_bytes(responses, case);
    assert!(
        bytes == stored,
        "wasm report bytes differ from the native report"
    );
}

#[wasm_bindgen_test]
fn main_by_hospital_is_byte_identical() {
    check(
        MAIN,
        include_str!("../test_data/golden/cases/main_by_hospital.json"),
        include_str!("../test_data/golden/reports/main_by_hospital.json"),
    );
}

#[wasm_bindgen_test]
fn main_case_mix_by_department_is_byte_identical() {
    check(
        MAIN,
        include_str!("../test_data/golden/cases/main_case_mix_by_department.json"),
        include_str!("../test_data/golden/reports/main_case_mix_by_department.json"),
    );
}

#[wasm_bindgen_test]
fn main_months_by_channel_is_byte_identical() {
    check(
        MAIN,
        include_str!("../test_data/golden/cases/main_months_by_channel.json"),
        include_str!("../test_data/golden/reports/main_months_by_channel.json"),
    );
}

#[wasm_bindgen_test]
fn small_groups_are_byte_identical() {
    check(
        SMALL,
        include_str!("../test_data/golden/cases/small.json"),
        include_str!("../test_data/golden/reports/small.json"),
    );
}

#[wasm_bindgen_test]
fn degenerate_cases_are_byte_identical() {
    check(
        DEGENERATE,
        include_str!("../test_data/golden/cases/degenerate_by_visit_type.json"),
        include_str!("../test_data/golden/reports/degenerate_by_visit_type.json"),
    );
}

#[wasm_bindgen_test]
fn units_by_hospital_are_byte_identical() {
    check(
        UNITS,
        include_str!("../test_data/golden/cases/units_by_hospital.json"),
        include_str!("../test_data/golden/reports/units_by_hospital.json"),
    );
}

#[wasm_bindgen_test]
fn units_by_channel_are_byte_identical() {
    check(
        UNITS,
        include_str!("../test_data/golden/cases/units_by_channel.json"),
        include_str!("../test_data/golden/reports/units_by_channel.json"),
    );
}

#[wasm_bindgen_test]
fn spc_charts_are_byte_identical() {
    check(
        SPC,
        include_str!("../test_data/golden/cases/spc_by_hospital.json"),
        include_str!("../test_data/golden/reports/spc_by_hospital.json"),
    );
}

#[wasm_bindgen_test]
fn frequency4_and_likert7_are_byte_identical() {
    check(
        SCALES,
        include_str!("../test_data/golden/cases/scales_by_visit_type.json"),
        include_str!("../test_data/golden/reports/scales_by_visit_type.json"),
    );
    check(
        SCALES,
        include_str!("../test_data/golden/cases/scales_case_mix_by_hospital.json"),
        include_str!("../test_data/golden/reports/scales_case_mix_by_hospital.json"),
    );
}

/// The comment analysis (docs/formats.md §8) in a browser: the document of
/// `tiyan comments` on `tiyan generate --responses 1200 --seed 11
/// --from-year 2024 --years 2` (the CLI's golden file,
/// `cli/tests/golden/comments.json`), made here from the same generated
/// responses, must have the same bytes.
#[wasm_bindgen_test]
fn the_comment_analysis_is_byte_identical() {
    use scoring::comments::{comments_to_json, CommentOptions, CommentTally, Taxonomy};
    use scoring::generate::{generate, GenerateOptions};
    use scoring::instrument::default_instrument;
    use scoring::report::{GroupBy, Period};
    use scoring::tally::{RespondentRef, ResponseRow};

    let instrument = default_instrument();
    let options = GenerateOptions {
        seed: 11,
        responses: 1200,
        from_year: 2024,
        years: 2,
        hospitals: 5,
    };
    let taxonomy = Taxonomy::campaign_v1().expect("the lexicons compile");
    let mut tally = CommentTally::new(
        &taxonomy,
        CommentOptions {
            current: Period::year(2025),
            baseline: Some(Period::year(2024)),
            group_by: Some(GroupBy::Hospital),
            suppress_below: 120,
            filters: Default::default(),
        },
    );
    for r in generate(&instrument, &options).expect("valid options") {
        let row = ResponseRow {
            instrument: &r.instrument,
            instrument_version: r.instrument_version,
            hospital: &r.hospital,
            department: &r.department,
            visit_type: r.visit_type,
            channel: r.channel,
            submitted_at: &r.submitted_at,
            answers: &[],
            respondent: RespondentRef::of(&r.respondent),
        };
        tally
            .add(&taxonomy, &row, &r.id, &r.comment)
            .expect("valid");
    }
    let bytes = comments_to_json(&tally.report(&taxonomy));
    assert!(
        bytes == include_str!("../../cli/tests/golden/comments.json"),
        "wasm comment analysis bytes differ from tiyan comments"
    );
}
