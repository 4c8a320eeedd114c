//! The `tiyan` binary, run as a process: exit codes, messages, files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scoring::input::{read_responses, InputFormat};
use scoring::instrument::default_instrument;
use scoring::response::Response;

mod comments;
mod golden;

/// Runs `tiyan` with `args` in `dir`.
fn tiyan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiyan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("tiyan runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("it").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../scoring/test_data/input")
        .join(name)
}

fn read(path: &Path, format: InputFormat) -> Vec<Response> {
    let instrument = default_instrument();
    let bytes = std::fs::read(path).expect("file exists");
    read_responses(bytes.as_slice(), &instrument, format)
        .collect::<Result<_, _>>()
        .expect("every record is valid")
}

/// Generates `n` responses with `seed` into `dir/name`.
fn generate(dir: &Path, name: &str, n: u64, seed: u64) -> PathBuf {
    let out = tiyan(
        dir,
        &[
            "generate",
            "--responses",
            &n.to_string(),
            "--seed",
            &seed.to_string(),
            "--output",
            name,
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    dir.join(name)
}

#[test]
fn instrument_prints_the_default_definition() {
    let dir = workdir("instrument");
    let out = tiyan(&dir, &["instrument"]);
    assert_eq!(code(&out), 0);
    let printed: scoring::instrument::Instrument =
        serde_json::from_slice(&out.stdout).expect("JSON instrument");
    assert_eq!(printed, default_instrument());
}

#[test]
fn instrument_check_lists_every_problem() {
    let dir = workdir("instrument_check");
    let mut broken: serde_json::Value =
        serde_json::from_slice(&tiyan(&dir, &["instrument"]).stdout).unwrap();
    broken["version"] = 0.into();
    broken["stages"][0]["items"][0]["text"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    std::fs::write(dir.join("bad.json"), broken.to_string()).unwrap();
    let out = tiyan(&dir, &["instrument", "--check", "bad.json"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("version: must be 1 or more"), "{err}");
    assert!(
        err.contains("stages[0].items[0].text: has no en text"),
        "{err}"
    );

    let good = tiyan(&dir, &["instrument"]).stdout;
    std::fs::write(dir.join("good.json"), good).unwrap();
    let out = tiyan(&dir, &["instrument", "--check", "good.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("is valid"));
}

#[test]
fn generate_is_deterministic_and_both_formats_hold_the_same_responses() {
    let dir = workdir("generate");
    let a = generate(&dir, "a.csv", 500, 42);
    let b = generate(&dir, "b.csv", 500, 42);
    let c = generate(&dir, "c.csv", 500, 43);
    let j = generate(&dir, "a.jsonl", 500, 42);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_ne!(std::fs::read(&a).unwrap(), std::fs::read(&c).unwrap());
    let from_csv = read(&a, InputFormat::Csv);
    assert_eq!(from_csv.len(), 500);
    assert_eq!(from_csv, read(&j, InputFormat::Jsonl));
    assert!(std::fs::read(&a)
        .unwrap()
        .starts_with(b"\xEF\xBB\xBFid,instrument,"));
    // Nothing but the file: no progress bar when stderr is not a terminal.
    let out = tiyan(
        &dir,
        &["generate", "--responses", "50", "--output", "d.csv"],
    );
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn validate_accepts_a_valid_file() {
    let dir = workdir("validate_ok");
    generate(&dir, "ok.jsonl", 300, 1);
    let out = tiyan(&dir, &["validate", "--input", "ok.jsonl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "ok.jsonl: 300 records, 300 valid, 0 invalid\n"
    );
}

#[test]
fn validate_lists_each_invalid_record_by_line_and_fails() {
    let dir = workdir("validate_bad");
    let input = fixture("invalid-rows.csv");
    let out = tiyan(&dir, &["validate", "--input", input.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        &lines[..5],
        [
            "line 4, column 15: field outpatient.wait_time: value 6 is outside 1..5",
            "line 8, column 1: field id: \"not-a-uuid\" is not a UUID like \
             9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10 (lower-case hex)",
            "line 8, column 7: field channel: \"fax\" is not a channel (kiosk, phone, web, paper)",
            "line 8, column 8: field submitted_at: \"2024-03-03 09:10\" is not a UTC time like \
             2024-05-03T09:12:44Z",
            "line 8, column 18: field outpatient.privacy: \"maybe\" is not an integer or NA",
        ]
    );
    assert!(err.contains("has 2 invalid records"), "{err}");
    assert!(stdout(&out).contains("5 records, 3 valid, 2 invalid"));
}

#[test]
fn a_bad_header_names_the_column() {
    let dir = workdir("bad_header");
    let input = fixture("bad-header.csv");
    let out = tiyan(&dir, &["validate", "--input", input.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("line 1, column 54: unknown column \"remarks\""),
        "{err}"
    );
    assert!(
        err.contains("missing column \"overall.recommend\""),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = workdir("usage");
    generate(&dir, "r.csv", 50, 1);
    for args in [
        vec!["score", "--input", "r.csv"],
        vec![
            "score", "--input", "r.csv", "--tally", "t.tally", "--period", "2024",
        ],
        vec!["score", "--input", "r.csv", "--period", "2024-13"],
        vec![
            "score",
            "--input",
            "r.csv",
            "--period",
            "2024",
            "--baseline",
            "2024-06",
        ],
        vec![
            "score",
            "--input",
            "r.csv",
            "--period",
            "2024",
            "--group-by",
            "ward",
        ],
        vec!["generate", "--years", "0"],
        vec!["frobnicate"],
    ] {
        let out = tiyan(&dir, &args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    let out = tiyan(
        &dir,
        &["score", "--input", "missing.csv", "--period", "2024"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("could not open missing.csv"));
}

#[test]
fn score_refuses_invalid_records_unless_told_to_skip_them() {
    let dir = workdir("skip_invalid");
    let input = fixture("invalid-rows.csv");
    let input = input.to_str().unwrap();
    let args = [
        "score",
        "--input",
        input,
        "--period",
        "2024",
        "--suppress-below",
        "1",
    ];

    let out = tiyan(&dir, &[&args[..], &["--output", "refused.json"]].concat());
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("line 4, column 15: field outpatient.wait_time"));
    assert!(stderr(&out).contains("pass --skip-invalid"));
    assert!(
        !dir.join("refused.json").exists(),
        "no report from invalid input"
    );

    let out = tiyan(
        &dir,
        &[&args[..], &["--skip-invalid", "--output", "r.json"]].concat(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("line 8, column 1: field id"));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("r.json")).unwrap()).unwrap();
    assert_eq!(report["skipped_invalid"], 2);
    assert_eq!(report["groups"][0]["n"], 3);
}

#[test]
fn excel_csv_with_bom_and_crlf_scores_like_plain_csv_and_jsonl() {
    let dir = workdir("excel");
    let score = |input: &Path| {
        let out = tiyan(
            &dir,
            &[
                "score",
                "--input",
                input.to_str().unwrap(),
                "--period",
                "2024",
                "--suppress-below",
                "1",
            ],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        out.stdout
    };
    let excel = score(&fixture("excel-bom-crlf.csv"));
    assert_eq!(excel, score(&fixture("plain-lf.csv")));
    // The same responses as JSONL.
    let jsonl: String = read(&fixture("excel-bom-crlf.csv"), InputFormat::Csv)
        .iter()
        .map(scoring::export::to_jsonl_line)
        .collect();
    std::fs::write(dir.join("same.jsonl"), jsonl).unwrap();
    assert_eq!(excel, score(&dir.join("same.jsonl")));
    let report: serde_json::Value = serde_json::from_slice(&excel).unwrap();
    assert_eq!(report["groups"][0]["n"], 3);
}

/// Splits a CSV export into two files with the same header, alternating rows.
fn split_csv(whole: &Path, a: &Path, b: &Path) {
    let instrument = default_instrument();
    let responses = read(whole, InputFormat::Csv);
    let mut wa = scoring::export::CsvWriter::new(Vec::new(), &instrument).unwrap();
    let mut wb = scoring::export::CsvWriter::new(Vec::new(), &instrument).unwrap();
    for (i, r) in responses.iter().enumerate() {
        if i % 3 == 0 {
            wa.write(r).unwrap()
        } else {
            wb.write(r).unwrap()
        }
    }
    std::fs::write(a, wa.into_inner().unwrap()).unwrap();
    std::fs::write(b, wb.into_inner().unwrap()).unwrap();
}

#[test]
fn merged_tallies_score_to_the_same_bytes_as_the_whole() {
    let dir = workdir("merge");
    generate(&dir, "all.csv", 4000, 9);
    split_csv(&dir.join("all.csv"), &dir.join("a.csv"), &dir.join("b.csv"));
    for (input, tally) in [
        ("all.csv", "all.tally"),
        ("a.csv", "a.tally"),
        ("b.csv", "b.tally"),
    ] {
        let out = tiyan(&dir, &["tally", "--input", input, "--output", tally]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let out = tiyan(
        &dir,
        &["merge", "b.tally", "a.tally", "--output", "merged.tally"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let merged = std::fs::read(dir.join("merged.tally")).unwrap();
    assert_eq!(merged, std::fs::read(dir.join("all.tally")).unwrap());

    let options = [
        "--period",
        "2024",
        "--baseline",
        "2023",
        "--group-by",
        "hospital",
    ];
    let from_input = tiyan(
        &dir,
        &[&["score", "--input", "all.csv"][..], &options].concat(),
    );
    let from_tally = tiyan(
        &dir,
        &[&["score", "--tally", "merged.tally"][..], &options].concat(),
    );
    assert_eq!(code(&from_input), 0, "{}", stderr(&from_input));
    assert_eq!(code(&from_tally), 0, "{}", stderr(&from_tally));
    assert_eq!(from_input.stdout, from_tally.stdout);
    let report: serde_json::Value = serde_json::from_slice(&from_tally.stdout).unwrap();
    assert_eq!(report["groups"].as_array().map(Vec::len), Some(6));
}

#[test]
fn reports_render_as_csv_markdown_and_html() {
    let dir = workdir("render");
    generate(&dir, "r.csv", 3000, 4);
    let base = [
        "score",
        "--input",
        "r.csv",
        "--period",
        "2024",
        "--baseline",
        "2023",
        "--group-by",
        "visit_type",
    ];
    for (format, file) in [("csv", "r.report.csv"), ("md", "r.md"), ("html", "r.html")] {
        let out = tiyan(
            &dir,
            &[&base[..], &["--format", format, "--output", file]].concat(),
        );
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
    }
    let csv = std::fs::read_to_string(dir.join("r.report.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}group,suppressed,group_n,scope,id,"));
    assert!(csv.contains("\r\nall,false,"));
    assert!(csv.contains(",item,outpatient.wait_time,"));

    let md = std::fs::read_to_string(dir.join("r.md")).unwrap();
    assert!(md.starts_with("# 患者就医体验评估报告\n"));
    assert!(md.contains("## 全部 ("));
    assert!(md.contains("| 环节 |"));
    assert!(md.contains("`outpatient.wait_time`"));

    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("<svg class=\"chart\""));
    for external in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "HTML loads nothing: {external}");
    }

    let out = tiyan(
        &dir,
        &[&base[..], &["--format", "md", "--lang", "en"]].concat(),
    );
    assert!(stdout(&out).starts_with("# Patient experience report\n"));
}

#[test]
fn validate_reports_a_repeated_id() {
    let dir = workdir("duplicate");
    let path = generate(&dir, "dup.jsonl", 10, 5);
    let text = std::fs::read_to_string(&path).unwrap();
    let third = text.lines().nth(2).unwrap().to_owned();
    std::fs::write(&path, format!("{text}{third}\n")).unwrap();
    let id = read(&path, InputFormat::Jsonl)[2].id.clone();

    let out = tiyan(&dir, &["validate", "--input", "dup.jsonl"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(&format!(
            "line 11: field id: {id} is also the id of the record on line 3\n"
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "dup.jsonl: 11 records, 10 valid, 1 invalid\n");
}

/// A file of several pieces (> 1 MiB), with invalid records spread through
/// it: every thread count lists the same problems in file order and gives
/// the same report and tally bytes.
#[test]
fn threads_change_nothing_but_the_time() {
    let dir = workdir("threads");
    let path = generate(&dir, "r.csv", 12_000, 21);
    let text = std::fs::read_to_string(&path).unwrap();
    let broken: Vec<String> = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| {
            if i % 50 == 7 {
                line.replacen(",H002,", ",H 002,", 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    std::fs::write(&path, broken.concat()).unwrap();
    let run = |threads: &str, extra: &[&str]| {
        let args = [
            &[
                "score",
                "--input",
                "r.csv",
                "--period",
                "2024",
                "--baseline",
                "2023",
                "--group-by",
                "department",
                "--threads",
                threads,
            ][..],
            extra,
        ]
        .concat();
        tiyan(&dir, &args)
    };
    let one = run("1", &["--skip-invalid"]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert!(stderr(&one).lines().count() > 10, "{}", stderr(&one));
    assert!(stderr(&one).contains("field hospital: \"H 002\""));
    let many = run("3", &["--skip-invalid"]);
    assert_eq!(code(&many), 0, "{}", stderr(&many));
    assert_eq!(stderr(&many), stderr(&one));
    assert_eq!(many.stdout, one.stdout);
    let refused = run("2", &[]);
    assert_eq!(code(&refused), 1);
    assert_eq!(stderr(&refused), stderr(&run("1", &[])));
    let report: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert!(report["skipped_invalid"].as_u64().unwrap() > 10);

    let tally = |threads: &str, out: &str| {
        let o = tiyan(
            &dir,
            &[
                "tally",
                "--input",
                "r.csv",
                "--skip-invalid",
                "--threads",
                threads,
                "--output",
                out,
            ],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        std::fs::read(dir.join(out)).unwrap()
    };
    assert_eq!(tally("1", "one.tally"), tally("2", "two.tally"));
}

/// `--min-difference` and `--target-reliability` (docs/scoring.md §13):
/// bad values are usage errors naming the option; good ones are echoed
/// in the report's options.
#[test]
fn score_takes_and_checks_the_version_2_options() {
    let dir = workdir("v2-options");
    generate(&dir, "r.csv", 300, 3);
    let base = ["score", "--input", "r.csv", "--period", "2024"];
    for (option, value) in [
        ("--min-difference", "-1"),
        ("--min-difference", "three"),
        ("--min-difference", "inf"),
        ("--target-reliability", "0"),
        ("--target-reliability", "1"),
        ("--target-reliability", "1.5"),
        ("--target-reliability", "x"),
    ] {
        let mut args = base.to_vec();
        args.extend([option, value]);
        let out = tiyan(&dir, &args);
        assert_eq!(code(&out), 2, "{option} {value}: {}", stderr(&out));
        assert!(stderr(&out).contains(option), "{}", stderr(&out));
    }
    let mut args = base.to_vec();
    args.extend([
        "--group-by",
        "hospital",
        "--min-difference",
        "2.5",
        "--target-reliability",
        "0.8",
    ]);
    let out = tiyan(&dir, &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["methodology_version"], 2);
    assert_eq!(report["options"]["min_difference"], 2.5);
    assert_eq!(report["options"]["target_reliability"], 0.8);
    let defaults = tiyan(&dir, &base);
    let report: serde_json::Value = serde_json::from_str(&stdout(&defaults)).unwrap();
    assert_eq!(report["options"]["min_difference"], 3.0);
    assert_eq!(report["options"]["target_reliability"], 0.7);
    assert!(report["units"].is_null(), "no units without --group-by");
}
