//! Scoring speed, natively and in headless Chromium, on the same generated
//! export: read the CSV (`input::read_rows`, the fast path), tally
//! (`TallyBuilder`), score by hospital against a baseline and write the
//! canonical JSON — what `tiyan score --threads 1` and the dashboard's
//! worker do, minus the file.
//!
//! Every run checks that the report has the bytes the reference path gives
//! (`read_responses` into `Tally::add`). The size is
//! `TIYAN_SPEED_RESPONSES`, read when compiling (default 3,000: a check,
//! not a measurement); the figures go to BENCHMARKS.md:
//!
//! ```text
//! TIYAN_SPEED_RESPONSES=1000000 cargo test --release -p scoring --test speed -- --nocapture
//! TIYAN_SPEED_RESPONSES=1000000 CHROMEDRIVER=/usr/bin/chromedriver \
//!   WASM_BINDGEN_TEST_WEBDRIVER_JSON=… WASM_BINDGEN_TEST_TIMEOUT=600 \
//!   cargo test --release --target wasm32-unknown-unknown -p scoring --test speed -- --nocapture
//! ```

use scoring::export::CsvWriter;
use scoring::generate::{generate, GenerateOptions};
use scoring::input::{read_responses, read_rows, InputFormat, Record};
use scoring::instrument::{default_instrument, Instrument};
use scoring::report::{score, to_canonical_json, GroupBy, Period, ScoreOptions};
use scoring::tally::{Tally, TallyBuilder};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Distinct generated responses; a larger size repeats them (the tally of
/// k copies is the k-fold merge, which the check uses).
const DISTINCT: u64 = 100_000;

fn responses() -> u64 {
    option_env!("TIYAN_SPEED_RESPONSES")
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000)
}

/// Milliseconds from an arbitrary origin.
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // a benchmark's clock
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        use std::time::Instant;
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

fn print(line: &str) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::console_log!("{line}");
    #[cfg(not(target_arch = "wasm32"))]
    println!("{line}");
}

fn options() -> ScoreOptions {
    ScoreOptions {
        baseline: Some(Period::year(2023)),
        group_by: Some(GroupBy::Hospital),
        ..ScoreOptions::new(Period::year(2024))
    }
}

/// The header and the body (records) of a CSV export of `n` responses.
fn export(instrument: &Instrument, n: u64) -> (Vec<u8>, Vec<u8>) {
    let options = GenerateOptions {
        responses: n,
        hospitals: 10,
        seed: 7,
        ..GenerateOptions::default()
    };
    let mut writer = CsvWriter::new(Vec::new(), instrument).expect("writer");
    let header = writer.take_bytes().expect("header");
    for r in generate(instrument, &options).expect("generator") {
        writer.write(&r).expect("write");
    }
    (header, writer.into_inner().expect("bytes"))
}

/// The report by the fast path: what is timed.
fn fast_report(instrument: &Instrument, bytes: &[u8]) -> (String, u64) {
    let mut tally = TallyBuilder::new(Tally::new(instrument).expect("tally"));
    let mut rows = read_rows(bytes, instrument, InputFormat::Csv);
    let mut counted = 0;
    while let Some(record) = rows.next_record() {
        let Record::Valid(valid) = record else {
            panic!("generated records are valid");
        };
        tally.add_row(&valid.row).expect("counted");
        counted += 1;
    }
    let tally = tally.finish().expect("tally");
    let report = score(instrument, &tally, &options()).expect("report");
    (to_canonical_json(&report), counted)
}

/// The report by the reference path over `copies` copies of `body`.
fn reference_report(instrument: &Instrument, header: &[u8], body: &[u8], copies: u64) -> String {
    let once = [header, body].concat();
    let mut one = Tally::new(instrument).expect("tally");
    for r in read_responses(once.as_slice(), instrument, InputFormat::Csv) {
        one.add(&r.expect("valid")).expect("counted");
    }
    let mut tally = one.clone();
    for _ in 1..copies {
        tally.merge(&one).expect("merge");
    }
    to_canonical_json(&score(instrument, &tally, &options()).expect("report"))
}

#[test]
fn scoring_speed_on_a_generated_export() {
    let instrument = default_instrument();
    let n = responses();
    let distinct = n.min(DISTINCT);
    let copies = n.div_ceil(distinct);
    let (header, body) = export(&instrument, distinct);
    let mut bytes = header.clone();
    for _ in 0..copies {
        bytes.extend_from_slice(&body);
    }
    let started = now_ms();
    let (json, counted) = fast_report(&instrument, &bytes);
    let ms = now_ms() - started;
    assert_eq!(counted, distinct * copies);
    assert!(json == reference_report(&instrument, &header, &body, copies));
    let target = if cfg!(target_arch = "wasm32") {
        "wasm32 (browser)"
    } else {
        "native"
    };
    print(&format!(
        "speed {target}: {counted} responses, {:.1} MB CSV: read + tally + score {:.0} ms \
         ({:.2} µs/response)",
        bytes.len() as f64 / 1e6,
        ms,
        ms * 1000.0 / counted as f64
    ));
}
