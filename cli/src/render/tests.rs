//! Renderers over a real report whose group keys try to inject markup.

use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::default_instrument;
use scoring::report::{score, GroupBy, Period, ScoreOptions};
use scoring::tally::Tally;

use super::render;
use scoring::lang::Lang;

use crate::args::ReportFormat;

const HOSTILE: &str = "<img src=x onerror=alert(1)>|*_[x](y)";

fn rendered(format: ReportFormat, lang: Lang) -> String {
    let instrument = default_instrument();
    let options = GenerateOptions {
        responses: 600,
        ..GenerateOptions::default()
    };
    let mut tally = Tally::new(&instrument).unwrap();
    for (i, mut response) in generate(&instrument, &options).unwrap().enumerate() {
        if i % 2 == 0 {
            response.department = HOSTILE.to_owned();
        }
        assert_eq!(scoring::validate::validate(&instrument, &response), Ok(()));
        tally.add(&response).unwrap();
    }
    let mut score_options = ScoreOptions::new(Period::year(2024));
    score_options.baseline = Some(Period::year(2023));
    score_options.group_by = Some(GroupBy::Department);
    let report = score(&instrument, &tally, &score_options).unwrap();
    render(format, &report, &instrument, lang, None).unwrap()
}

#[test]
fn html_escapes_group_keys() {
    let html = rendered(ReportFormat::Html, Lang::En);
    assert!(!html.contains("<img"), "markup from the data leaked");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn markdown_escapes_group_keys() {
    let md = rendered(ReportFormat::Md, Lang::ZhHant);
    assert!(!md.replace(r"\<", "").contains("<img"), "unescaped markup");
    assert!(md.contains(r"\<img src=x onerror=alert(1)\>\|\*\_\[x\](y)"));
    assert!(md.starts_with("# 患者就醫體驗評估報告"));
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let csv = rendered(ReportFormat::Csv, Lang::En);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let group = header.iter().position(|h| h == "group").unwrap();
    let keys: std::collections::BTreeSet<String> = reader
        .records()
        .map(|r| r.unwrap()[group].to_owned())
        .collect();
    assert!(keys.contains(HOSTILE), "{keys:?}");
    assert!(keys.contains("all"));
}

#[test]
fn json_is_the_canonical_report() {
    let json = rendered(ReportFormat::Json, Lang::En);
    assert!(json.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["options"]["group_by"], "department");
}
