//! `tiyan comments` (docs/formats.md §8): golden files of every format,
//! the same bytes for any number of threads and either input format, and
//! the masking of personal data in what it writes.
//!
//! After an intended change: `TIYAN_BLESS=1 cargo test -p cli --test it comments`.

use super::golden::check;
use super::{code, generate, stderr, stdout, tiyan, workdir};

const COMMENTS: [&str; 11] = [
    "comments",
    "--input",
    "comments.csv",
    "--period",
    "2025",
    "--baseline",
    "2024",
    "--group-by",
    "hospital",
    "--suppress-below",
    "120",
];

#[test]
fn every_format_matches_its_golden_file() {
    let dir = workdir("comments_golden");
    let out = tiyan(
        &dir,
        &[
            "generate",
            "--responses",
            "1200",
            "--seed",
            "11",
            "--from-year",
            "2024",
            "--years",
            "2",
            "--output",
            "comments.csv",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for (lang, format, name) in [
        ("en", "json", "comments.json"),
        ("en", "csv", "comments.csv.golden"),
        ("en", "md", "comments.en.md"),
        ("zh-Hant", "md", "comments.zh-Hant.md"),
        ("zh-CN", "html", "comments.zh-CN.html"),
    ] {
        let out = tiyan(
            &dir,
            &[
                &COMMENTS[..],
                &["--lang", lang, "--format", format, "--output", name],
            ]
            .concat(),
        );
        assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
        check(&dir.join(name), name);
    }
}

#[test]
fn threads_and_input_formats_change_nothing() {
    let dir = workdir("comments_threads");
    let csv = generate(&dir, "r.csv", 4000, 5);
    let jsonl = generate(&dir, "r.jsonl", 4000, 5);
    let run = |input: &std::path::Path, threads: &str| {
        let out = tiyan(
            &dir,
            &[
                "comments",
                "--input",
                input.to_str().expect("UTF-8 path"),
                "--period",
                "2024",
                "--group-by",
                "department",
                "--threads",
                threads,
            ],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        out.stdout
    };
    let one = run(&csv, "1");
    assert_eq!(one, run(&csv, "3"));
    assert_eq!(one, run(&jsonl, "2"));
}

#[test]
fn personal_data_never_leaves_unmasked() {
    let dir = workdir("comments_masking");
    let header = std::fs::read_to_string(generate(&dir, "g.csv", 1, 1)).expect("generated");
    let header = header
        .lines()
        .next()
        .expect("a header")
        .trim_start_matches('\u{feff}');
    let columns = header.split(',').count();
    let row = |id: &str, comment: &str| {
        let mut cells = vec![String::new(); columns];
        let fixed = [
            id,
            "pxs-core",
            "1",
            "H001",
            "cardiology",
            "outpatient",
            "kiosk",
            "2025-03-01T08:00:00Z",
        ];
        for (i, v) in fixed.iter().enumerate() {
            cells[i] = (*v).to_owned();
        }
        cells[columns - 1] = format!("\"{comment}\"");
        cells.join(",")
    };
    let comments = [
        "我的手机13812345678，排队太久了",
        "身份证34010219800101123X，病案号：A123456",
        "email wang.li@example.com or call 0563-2345678, the wait was long",
        "挂号费120元，5号楼，等了3个小时",
    ];
    let mut file = format!("{header}\n");
    for (i, c) in comments.iter().enumerate() {
        file.push_str(&row(&format!("00000000-0000-4000-8000-00000000000{i}"), c));
        file.push('\n');
    }
    std::fs::write(dir.join("pii.csv"), file).expect("written");
    for format in ["json", "md", "html", "csv"] {
        let out = tiyan(
            &dir,
            &[
                "comments",
                "--input",
                "pii.csv",
                "--period",
                "2025",
                "--suppress-below",
                "1",
                "--format",
                format,
            ],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        for secret in [
            "13812345678",
            "34010219800101123X",
            "A123456",
            "wang.li@",
            "2345678",
        ] {
            assert!(!text.contains(secret), "{format} shows {secret}");
        }
        if format == "json" {
            for kept in [
                "[手机号]",
                "[身份证号]",
                "[病案号]",
                "[email]",
                "[phone]",
                "120元",
                "5号楼",
                "3个小时",
            ] {
                assert!(text.contains(kept), "{format} lacks {kept}");
            }
        }
    }
}

#[test]
fn an_overlapping_baseline_is_a_usage_error() {
    let dir = workdir("comments_usage");
    generate(&dir, "g.csv", 10, 1);
    let out = tiyan(
        &dir,
        &[
            "comments",
            "--input",
            "g.csv",
            "--period",
            "2024",
            "--baseline",
            "2024-06",
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("overlaps"));
}
