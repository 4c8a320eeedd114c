//! The report's tables as CSV files for spreadsheets: items, stages,
//! comparisons and groups, one row per group and statistic.
//!
//! Numbers are written at full precision (Rust's shortest round-trip form),
//! not rounded as on screen, so a reader can recompute from them; a `null`
//! statistic is an empty cell. Files start with a byte-order mark, as the
//! export does (docs/formats.md §3), so Excel reads the Chinese labels. A
//! suppressed group appears with its key only (docs/scoring.md §7).

use csv::Writer;

use super::labels::Labels;
use super::report_doc::{GroupDoc, ReportDoc};

const BOM: &str = "\u{FEFF}";

fn num(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn finish(writer: Writer<Vec<u8>>) -> String {
    // Writing to a Vec cannot fail, and every field is a Rust string.
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

fn write_rows(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = Writer::from_writer(Vec::new());
    let mut ok = w.write_record(header).is_ok();
    for row in rows {
        ok &= w.write_record(&row).is_ok();
    }
    debug_assert!(ok, "writing CSV to memory failed");
    finish(w)
}

fn suppressed_row(g: &GroupDoc, width: usize) -> Vec<String> {
    let mut row = vec![g.key.clone(), "true".to_owned()];
    row.resize(width, String::new());
    row
}

/// One row per group and item: n, n_na, mean, sd, CI, top box, satisfied,
/// and the answer counts as `value:count` pairs.
pub fn items_csv(report: &ReportDoc, labels: &Labels) -> String {
    let header = [
        "group",
        "suppressed",
        "item",
        "text",
        "n",
        "n_na",
        "mean",
        "sd",
        "ci_low",
        "ci_high",
        "top_box",
        "top_box_ci_low",
        "top_box_ci_high",
        "satisfied",
        "counts",
    ];
    let rows = report.groups.iter().flat_map(|g| {
        if g.suppressed {
            return vec![suppressed_row(g, header.len())];
        }
        g.items
            .iter()
            .map(|i| {
                let mut counts: Vec<(i64, u64)> = i
                    .counts
                    .iter()
                    .filter_map(|(k, c)| k.parse::<i64>().ok().map(|v| (v, *c)))
                    .collect();
                counts.sort();
                vec![
                    g.key.clone(),
                    "false".to_owned(),
                    i.id.clone(),
                    labels.item(&i.id),
                    i.n.to_string(),
                    i.n_na.to_string(),
                    num(i.mean),
                    num(i.sd),
                    num(i.ci_low),
                    num(i.ci_high),
                    num(i.top_box),
                    num(i.top_box_ci_low),
                    num(i.top_box_ci_high),
                    num(i.satisfied),
                    counts
                        .iter()
                        .map(|(v, c)| format!("{v}:{c}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                ]
            })
            .collect()
    });
    write_rows(&header, rows)
}

/// One row per group and stage, then the index as stage `index`.
pub fn stages_csv(report: &ReportDoc, labels: &Labels) -> String {
    let header = [
        "group",
        "suppressed",
        "stage",
        "title",
        "n",
        "mean",
        "sd",
        "ci_low",
        "ci_high",
        "alpha",
    ];
    let rows = report.groups.iter().flat_map(|g| {
        if g.suppressed {
            return vec![suppressed_row(g, header.len())];
        }
        let mut rows: Vec<Vec<String>> = g
            .stages
            .iter()
            .map(|s| {
                vec![
                    g.key.clone(),
                    "false".to_owned(),
                    s.id.clone(),
                    labels.stage(&s.id),
                    s.n.to_string(),
                    num(s.mean),
                    num(s.sd),
                    num(s.ci_low),
                    num(s.ci_high),
                    num(s.alpha),
                ]
            })
            .collect();
        if let Some(i) = &g.index {
            rows.push(vec![
                g.key.clone(),
                "false".to_owned(),
                "index".to_owned(),
                labels.t(super::i18n::T::ExperienceIndex).to_owned(),
                i.n.to_string(),
                num(i.mean),
                num(i.sd),
                num(i.ci_low),
                num(i.ci_high),
                String::new(),
            ]);
        }
        rows
    });
    write_rows(&header, rows)
}

/// One row per group and comparison (docs/scoring.md §5), every field.
pub fn comparisons_csv(report: &ReportDoc, labels: &Labels) -> String {
    let header = [
        "group",
        "suppressed",
        "scope",
        "id",
        "label",
        "baseline_n",
        "baseline_mean",
        "current_n",
        "current_mean",
        "diff",
        "ci_low",
        "ci_high",
        "t",
        "df",
        "p",
        "q",
        "cohen_d",
        "top_box_diff",
        "z",
        "p_top_box",
        "cohen_h",
        "verdict",
    ];
    let rows = report.groups.iter().flat_map(|g| {
        if g.suppressed {
            return vec![suppressed_row(g, header.len())];
        }
        g.comparisons
            .iter()
            .map(|c| {
                vec![
                    g.key.clone(),
                    "false".to_owned(),
                    format!("{:?}", c.scope).to_lowercase(),
                    c.id.clone(),
                    labels.scoped(c.scope, &c.id),
                    c.baseline_n.to_string(),
                    num(c.baseline_mean),
                    c.current_n.to_string(),
                    num(c.current_mean),
                    num(c.diff),
                    num(c.ci_low),
                    num(c.ci_high),
                    num(c.t),
                    num(c.df),
                    num(c.p),
                    num(c.q),
                    num(c.cohen_d),
                    num(c.top_box_diff),
                    num(c.z),
                    num(c.p_top_box),
                    num(c.cohen_h),
                    verdict_id(c.verdict).to_owned(),
                ]
            })
            .collect()
    });
    write_rows(&header, rows)
}

fn verdict_id(v: super::report_doc::Verdict) -> &'static str {
    use super::report_doc::Verdict;
    match v {
        Verdict::Improved => "improved",
        Verdict::Declined => "declined",
        Verdict::NoChange => "no_change",
        Verdict::Insufficient => "insufficient",
    }
}

/// One row per group: n, the index, NPS and each stage's mean.
pub fn groups_csv(report: &ReportDoc, labels: &Labels) -> String {
    let stage_ids: Vec<&str> = labels.stage_ids().collect();
    let mut header: Vec<String> = [
        "group",
        "suppressed",
        "n",
        "index_mean",
        "index_ci_low",
        "index_ci_high",
        "nps",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(stage_ids.iter().map(|s| format!("{s}.mean")));
    let width = header.len();
    let rows = report.groups.iter().map(|g| {
        if g.suppressed {
            return suppressed_row(g, width);
        }
        let mut row = vec![
            g.key.clone(),
            "false".to_owned(),
            g.n.map(|n| n.to_string()).unwrap_or_default(),
            num(g.index.as_ref().and_then(|i| i.mean)),
            num(g.index.as_ref().and_then(|i| i.ci_low)),
            num(g.index.as_ref().and_then(|i| i.ci_high)),
            num(g.nps.as_ref().and_then(|p| p.score)),
        ];
        row.extend(
            stage_ids
                .iter()
                .map(|s| num(g.stage(s).and_then(|x| x.mean))),
        );
        row
    });
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write_rows(&header, rows)
}
