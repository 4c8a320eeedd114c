//! Golden reports: the Markdown and HTML renderings of one fixed report,
//! byte for byte. Only the JSON report is a contract (docs/formats.md §4), but
//! people read these; a change to them should be one somebody looked at.
//!
//! After an intended change, rewrite the files and review the diff:
//!
//!     TIYAN_BLESS=1 cargo test -p cli --test it golden

use std::path::Path;

use super::{code, stderr, tiyan, workdir};

/// 3,000 generated responses over 2024–2025, 2025 against 2024, by visit
/// type, case-mix adjusted, and a threshold that withholds the emergency
/// group: every kind of table, cell and section the renderers write.
const SCORE: [&str; 13] = [
    "score",
    "--input",
    "golden.csv",
    "--period",
    "2025",
    "--baseline",
    "2024",
    "--group-by",
    "visit_type",
    "--case-mix",
    "--suppress-below",
    "250",
    "--lang",
];

pub(crate) fn check(rendered: &Path, golden_name: &str) {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(golden_name);
    let got = std::fs::read_to_string(rendered).expect("rendered");
    if std::env::var_os("TIYAN_BLESS").is_some() {
        std::fs::write(&golden, &got).expect("golden file written");
        return;
    }
    let want = std::fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (TIYAN_BLESS=1 writes it)", golden.display()));
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .map_or_else(|| "the length".to_owned(), |i| format!("line {}", i + 1));
        panic!(
            "{golden_name} differs from {} at {line}; TIYAN_BLESS=1 rewrites it",
            rendered.display()
        );
    }
}

#[test]
fn markdown_and_html_reports_match_their_golden_files() {
    let dir = workdir("golden");
    let out = tiyan(
        &dir,
        &[
            "generate",
            "--responses",
            "3000",
            "--seed",
            "11",
            "--from-year",
            "2024",
            "--years",
            "2",
            "--output",
            "golden.csv",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for (lang, format, name) in [
        ("en", "md", "report.en.md"),
        ("zh-CN", "md", "report.zh-CN.md"),
        ("en", "html", "report.en.html"),
    ] {
        let out = tiyan(
            &dir,
            &[&SCORE[..], &[lang, "--format", format, "--output", name]].concat(),
        );
        assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
        check(&dir.join(name), name);
    }
}

/// The golden data set of docs/scoring.md §10–§11 by hospital: seven units
/// with bands, verdicts against the rest, a reliability target that some
/// stages miss, and XmR signals: the units section, the funnel plots and
/// the control charts.
#[test]
fn units_and_control_charts_match_their_golden_files() {
    let dir = workdir("golden_units");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scoring/test_data/golden");
    let instrument = data.join("instrument.json");
    let input = data.join("responses/units.jsonl");
    for (lang, format, name) in [
        ("en", "md", "units.en.md"),
        ("zh-Hant", "md", "units.zh-Hant.md"),
        ("zh-CN", "html", "units.zh-CN.html"),
    ] {
        let out = tiyan(
            &dir,
            &[
                "score",
                "--instrument",
                instrument.to_str().expect("a UTF-8 path"),
                "--input",
                input.to_str().expect("a UTF-8 path"),
                "--period",
                "2024",
                "--baseline",
                "2023",
                "--group-by",
                "hospital",
                "--suppress-below",
                "10",
                "--target-reliability",
                "0.95",
                "--lang",
                lang,
                "--format",
                format,
                "--output",
                name,
            ],
        );
        assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
        check(&dir.join(name), name);
    }
}

/// The same units with `--registry`: hospitals named in the report's
/// language with their codes, H07 to H09 marked unregistered, names with
/// markup escaped; then one hospital's departments named. The JSON and
/// CSV reports stay byte for byte those without a registry.
#[test]
fn reports_with_a_registry_name_hospitals_and_departments() {
    let dir = workdir("golden_registry");
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = here.join("../scoring/test_data/golden");
    let instrument = data.join("instrument.json");
    let input = data.join("responses/units.jsonl");
    let registry = here.join("tests/golden/registry.json");
    let path = |p: &Path| p.to_str().expect("a UTF-8 path").to_owned();
    let score = |extra: &[&str], name: &str| {
        let mut args = vec![
            "score".to_owned(),
            "--instrument".to_owned(),
            path(&instrument),
            "--input".to_owned(),
            path(&input),
            "--period".to_owned(),
            "2024".to_owned(),
            "--suppress-below".to_owned(),
            "10".to_owned(),
            "--output".to_owned(),
            name.to_owned(),
        ];
        args.extend(extra.iter().map(|a| (*a).to_owned()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = tiyan(&dir, &args);
        assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
        std::fs::read(dir.join(name)).expect("written")
    };
    let with = ["--registry", registry.to_str().expect("a UTF-8 path")];
    for (lang, format, name) in [
        ("zh-CN", "md", "registry.hospitals.zh-CN.md"),
        ("en", "html", "registry.hospitals.en.html"),
    ] {
        let by = ["--group-by", "hospital", "--lang", lang, "--format", format];
        score(&[&by[..], &with[..]].concat(), name);
        check(&dir.join(name), name);
    }
    let departments = [
        "--group-by",
        "department",
        "--hospital",
        "H03",
        "--lang",
        "zh-Hant",
        "--format",
        "md",
    ];
    let name = "registry.departments.zh-Hant.md";
    score(&[&departments[..], &with[..]].concat(), name);
    check(&dir.join(name), name);

    for format in ["json", "csv"] {
        let by = ["--group-by", "hospital", "--format", format];
        let plain = score(&by, &format!("plain.{format}"));
        let named = score(&[&by[..], &with[..]].concat(), &format!("named.{format}"));
        assert_eq!(plain, named, "{format} changed with a registry");
    }
}

#[test]
fn a_bad_registry_file_is_refused_naming_line_column_and_field() {
    let dir = workdir("bad_registry");
    std::fs::write(
        dir.join("registry.json"),
        "[\n  {\"code\": \"H01\", \"names\": {\"zh-CN\": \"甲\"},\n   \"kind\": \"clinic\"}\n]\n",
    )
    .expect("written");
    std::fs::write(dir.join("none.csv"), "").expect("written");
    let out = tiyan(
        &dir,
        &[
            "score",
            "--input",
            "none.csv",
            "--period",
            "2024",
            "--format",
            "md",
            "--registry",
            "registry.json",
        ],
    );
    assert_eq!(code(&out), 1);
    let message = stderr(&out);
    assert!(
        message.contains("registry.json: line 3, column 19, at [0].kind: unknown variant `clinic`"),
        "{message}"
    );
}
