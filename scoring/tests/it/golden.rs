//! Reports against the independent SciPy / statsmodels computation in
//! `test_data/golden/` (docs/scoring.md: "to 1e-9 relative error"), and their
//! canonical bytes against the stored reports that the wasm test checks too.

use scoring::report::{score, to_canonical_json};
use scoring::stats::{chi_square, normal, student_t};
use scoring::tally::Tally;
use scoring::validate::validate;
use serde_json::Value;

use crate::fixture;

const RELATIVE: f64 = 1e-9;
/// Where one side is exactly 0 the other must be within this.
const ABSOLUTE_AT_ZERO: f64 = 1e-12;

fn dataset(name: &str) -> &'static str {
    match name {
        "main" => include_str!("../../test_data/golden/responses/main.jsonl"),
        "small" => include_str!("../../test_data/golden/responses/small.jsonl"),
        "degenerate" => include_str!("../../test_data/golden/responses/degenerate.jsonl"),
        "units" => include_str!("../../test_data/golden/responses/units.jsonl"),
        "spc" => include_str!("../../test_data/golden/responses/spc.jsonl"),
        "scales" => include_str!("../../test_data/golden/responses/scales.jsonl"),
        other => panic!("unknown dataset {other}"),
    }
}

const CASES: [(&str, &str); 10] = [
    (
        "main_by_hospital",
        include_str!("../../test_data/golden/cases/main_by_hospital.json"),
    ),
    (
        "main_case_mix_by_department",
        include_str!("../../test_data/golden/cases/main_case_mix_by_department.json"),
    ),
    (
        "main_months_by_channel",
        include_str!("../../test_data/golden/cases/main_months_by_channel.json"),
    ),
    (
        "small",
        include_str!("../../test_data/golden/cases/small.json"),
    ),
    (
        "degenerate_by_visit_type",
        include_str!("../../test_data/golden/cases/degenerate_by_visit_type.json"),
    ),
    (
        "units_by_hospital",
        include_str!("../../test_data/golden/cases/units_by_hospital.json"),
    ),
    (
        "units_by_channel",
        include_str!("../../test_data/golden/cases/units_by_channel.json"),
    ),
    (
        "spc_by_hospital",
        include_str!("../../test_data/golden/cases/spc_by_hospital.json"),
    ),
    (
        "scales_by_visit_type",
        include_str!("../../test_data/golden/cases/scales_by_visit_type.json"),
    ),
    (
        "scales_case_mix_by_hospital",
        include_str!("../../test_data/golden/cases/scales_case_mix_by_hospital.json"),
    ),
];

fn close(actual: f64, expected: f64) -> bool {
    if actual == expected {
        return true;
    }
    if actual == 0.0 || expected == 0.0 {
        return (actual - expected).abs() <= ABSOLUTE_AT_ZERO;
    }
    (actual - expected).abs() <= RELATIVE * actual.abs().max(expected.abs())
}

/// Walks `expected` and `actual` together: same keys, same array lengths,
/// equal strings, booleans, nulls and integers, floats within tolerance.
/// Collects every difference with its path.
fn compare(path: &str, actual: &Value, expected: &Value, errors: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            let (ka, ke): (Vec<_>, Vec<_>) = (a.keys().collect(), e.keys().collect());
            let mut ka_sorted = ka.clone();
            let mut ke_sorted = ke.clone();
            ka_sorted.sort();
            ke_sorted.sort();
            if ka_sorted != ke_sorted {
                errors.push(format!("{path}: keys {ka:?}, expected {ke:?}"));
            }
            for (k, ev) in e {
                if let Some(av) = a.get(k) {
                    compare(&format!("{path}.{k}"), av, ev, errors);
                }
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                errors.push(format!(
                    "{path}: {} elements, expected {}",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                let label = ev
                    .get("id")
                    .or_else(|| ev.get("key"))
                    .and_then(Value::as_str)
                    .map_or_else(|| i.to_string(), |s| format!("{i}:{s}"));
                compare(&format!("{path}[{label}]"), av, ev, errors);
            }
        }
        (Value::Number(a), Value::Number(e)) => {
            let exact = a.as_u64().is_some() && e.as_u64().is_some();
            let ok = if exact {
                a.as_u64() == e.as_u64()
            } else {
                close(
                    a.as_f64().unwrap_or(f64::NAN),
                    e.as_f64().unwrap_or(f64::NAN),
                )
            };
            if !ok {
                errors.push(format!("{path}: {a}, expected {e}"));
            }
        }
        (a, e) if a == e => {}
        (a, e) => errors.push(format!("{path}: {a}, expected {e}")),
    }
}

fn assert_matches(name: &str, actual: &Value, expected: &Value) {
    let mut errors = Vec::new();
    compare(name, actual, expected, &mut errors);
    assert!(
        errors.is_empty(),
        "{} differences, first ones:\n{}",
        errors.len(),
        errors[..errors.len().min(25)].join("\n")
    );
}

#[test]
fn golden_fixtures_are_valid_responses() {
    for name in ["main", "small", "degenerate", "units", "spc", "scales"] {
        let instrument = fixture::instrument_of(name);
        instrument
            .check()
            .expect("golden instrument is well formed");
        for r in fixture::responses(dataset(name)) {
            if let Err(errors) = validate(&instrument, &r) {
                panic!("{name} {}: {errors:?}", r.id);
            }
        }
    }
}

#[test]
fn reports_match_scipy_and_statsmodels() {
    for (name, case) in CASES {
        let case_value: Value = serde_json::from_str(case).unwrap();
        let dataset = dataset(case_value["dataset"].as_str().unwrap());
        let report = fixture::report(dataset, case);
        let actual = serde_json::to_value(&report).unwrap();
        assert_matches(name, &actual, &case_value["expected"]);
    }
}

/// The canonical bytes of each case are stored in `golden/reports/`; the
/// wasm test compares its bytes with the same files. After a deliberate
/// change, regenerate them with `UPDATE_GOLDEN=1 cargo test -p scoring`
/// (and the SciPy comparison above must still pass).
#[test]
#[allow(clippy::disallowed_methods)] // the stored reports are files
fn canonical_bytes_match_the_stored_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/golden/reports");
    for (name, case) in CASES {
        let case_value: Value = serde_json::from_str(case).unwrap();
        let bytes = fixture::report_bytes(dataset(case_value["dataset"].as_str().unwrap()), case);
        let path = dir.join(format!("{name}.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &bytes).unwrap();
        }
        let stored = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
        assert!(
            stored == bytes,
            "{name}: report bytes differ from {}",
            path.display()
        );
    }
}

/// More than 10⁶ responses per period and Welch df above 10⁵: the tally is
/// built from blocks of responses merged with themselves `doublings` times.
#[test]
fn a_million_responses_match_scipy() {
    let big: Value = serde_json::from_str(include_str!("../../test_data/golden/big.json")).unwrap();
    let instrument = fixture::instrument();
    let mut total = Tally::new(&instrument).unwrap();
    for block in big["blocks"].as_array().unwrap() {
        let responses: Vec<scoring::response::Response> =
            serde_json::from_value(block["responses"].clone()).unwrap();
        let mut tally = fixture::tally(&instrument, &responses);
        for _ in 0..block["doublings"].as_u64().unwrap() {
            let copy = tally.clone();
            tally.merge(&copy).unwrap();
        }
        total.merge(&tally).unwrap();
    }
    assert!(total.responses() > 2_000_000);
    let report = score(&instrument, &total, &fixture::options(&big["options"])).unwrap();
    let actual = serde_json::to_value(&report).unwrap();
    assert_matches("big", &actual, &big["expected"]);
    assert!(to_canonical_json(&report).ends_with("}\n"));
}

#[test]
fn student_t_and_normal_match_scipy_at_every_df() {
    let d: Value =
        serde_json::from_str(include_str!("../../test_data/golden/distributions.json")).unwrap();
    let mut errors = Vec::new();
    let mut check = |what: String, actual: f64, expected: f64, rel: f64| {
        let ok = if expected == 0.0 {
            actual <= 1e-300
        } else {
            (actual - expected).abs() <= rel * expected.abs()
        };
        if !ok {
            errors.push(format!("{what}: {actual:e}, SciPy {expected:e}"));
        }
    };
    for row in d["t_sf"].as_array().unwrap() {
        let (t, df) = (row["t"].as_f64().unwrap(), row["df"].as_f64().unwrap());
        let expected = row["sf"].as_f64().unwrap();
        check(
            format!("sf({t}, {df})"),
            student_t::sf(t, df),
            expected,
            1e-12,
        );
    }
    for row in d["t_quantile"].as_array().unwrap() {
        let df = row["df"].as_f64().unwrap();
        let expected = row["q975"].as_f64().unwrap();
        check(
            format!("t(0.975, {df})"),
            student_t::quantile_upper(0.025, df),
            expected,
            1e-13,
        );
    }
    for row in d["normal_sf"].as_array().unwrap() {
        let z = row["z"].as_f64().unwrap();
        check(
            format!("Φc({z})"),
            normal::sf(z),
            row["sf"].as_f64().unwrap(),
            1e-13,
        );
    }
    for row in d["chi2_sf"].as_array().unwrap() {
        let (x, df) = (row["x"].as_f64().unwrap(), row["df"].as_f64().unwrap());
        check(
            format!("chi2.sf({x}, {df})"),
            chi_square::sf(x, df),
            row["sf"].as_f64().unwrap(),
            1e-11,
        );
    }
    check(
        "z999".into(),
        normal::quantile_upper(0.001),
        d["z999"].as_f64().unwrap(),
        1e-15,
    );
    check(
        "z975".into(),
        normal::Z_975,
        d["z975"].as_f64().unwrap(),
        0.0,
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_comparison_itself_catches_differences() {
    let expected: Value =
        serde_json::json!({"n": 3, "mean": 75.0, "sd": null, "items": [{"id": "a", "r": 0.5}]});
    let mut errors = Vec::new();
    compare("x", &expected, &expected, &mut errors);
    assert!(errors.is_empty());
    for wrong in [
        serde_json::json!({"n": 4, "mean": 75.0, "sd": null, "items": [{"id": "a", "r": 0.5}]}),
        serde_json::json!({"n": 3, "mean": 75.000001, "sd": null, "items": [{"id": "a", "r": 0.5}]}),
        serde_json::json!({"n": 3, "mean": 75.0, "sd": 0.0, "items": [{"id": "a", "r": 0.5}]}),
        serde_json::json!({"n": 3, "mean": 75.0, "sd": null, "items": []}),
        serde_json::json!({"n": 3, "mean": 75.0, "sd": null, "items": [{"id": "a", "r": 0.5}], "extra": 1}),
    ] {
        let mut errors = Vec::new();
        compare("x", &wrong, &expected, &mut errors);
        assert!(!errors.is_empty(), "{wrong} passed");
    }
    // Within 1e-9 relative passes.
    let mut errors = Vec::new();
    compare(
        "x",
        &serde_json::json!(75.00000000001),
        &serde_json::json!(75.0),
        &mut errors,
    );
    assert!(errors.is_empty());
}

/// A stored report reads back into `Report` and serialises to the same
/// bytes, suppressed groups and case-mix fields included.
#[test]
#[allow(clippy::disallowed_methods)] // the stored reports are files
fn stored_reports_read_back_to_the_same_bytes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/golden/reports");
    for (name, _) in CASES {
        let stored = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
        let report: scoring::report::Report = serde_json::from_str(&stored).unwrap();
        assert_eq!(to_canonical_json(&report), stored, "{name}");
    }
}

/// The dashboard's worker sends the `Report` itself to the page with
/// bincode: every case, suppressed groups and case-mix fields included,
/// arrives equal to what was sent and writes the same canonical bytes.
#[test]
fn reports_cross_bincode_unchanged() {
    for (name, case) in CASES {
        let case_value: Value = serde_json::from_str(case).unwrap();
        let dataset_name = case_value["dataset"].as_str().unwrap();
        let mut report = fixture::report(dataset(dataset_name), case);
        round_trip(name, &report);
        // Filters are left out of the JSON when none is set; with one set:
        report.options.filters.hospital = Some("H001".to_owned());
        report.options.filters.channel = Some(scoring::response::Channel::Web);
        round_trip(name, &report);
    }
}

fn round_trip(name: &str, report: &scoring::report::Report) {
    let bytes = bincode::serialize(report).unwrap();
    let back: scoring::report::Report = bincode::deserialize(&bytes).unwrap();
    assert_eq!(&back, report, "{name}");
    assert_eq!(
        to_canonical_json(&back),
        to_canonical_json(report),
        "{name}"
    );
}
