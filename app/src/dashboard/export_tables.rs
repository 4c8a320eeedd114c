//! The report's tables as CSV files for spreadsheets: items, stages,
//! comparisons and groups, one row per group and statistic.
//!
//! Numbers are written at full precision, not rounded as on screen, so a
//! reader can recompute from them; a `null` statistic is an empty cell.
//! The statistics' columns and cells are the CLI's CSV table's
//! (`scoring::present::cells`). Files start with a byte-order mark, as the
//! export does (docs/formats.md §3), so Excel reads the Chinese labels. A
//! suppressed group appears with its key only (docs/scoring.md §7).

use csv::Writer;
use scoring::present::cells::{
    comparison_cells, counts_cell, index_cells, item_cells, number, stage_cells,
    COMPARISON_COLUMNS, ITEM_COLUMNS, STAGE_COLUMNS,
};
use scoring::report::{Group, GroupStats, Report, INDEX_ID};

use super::i18n::T;
use super::labels::Labels;

const BOM: &str = "\u{FEFF}";

fn finish(writer: Writer<Vec<u8>>) -> String {
    // Writing to a Vec cannot fail, and every field is a Rust string.
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// `group`, `suppressed`, then `columns`.
fn header(columns: &[&[&str]]) -> Vec<String> {
    let mut header = vec!["group".to_owned(), "suppressed".to_owned()];
    header.extend(
        columns
            .iter()
            .flat_map(|c| c.iter().map(|s| (*s).to_owned())),
    );
    header
}

fn write_rows(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = Writer::from_writer(Vec::new());
    let mut ok = w.write_record(header).is_ok();
    for row in rows {
        ok &= w.write_record(&row).is_ok();
    }
    debug_assert!(ok, "writing CSV to memory failed");
    finish(w)
}

/// The rows of every group: a suppressed one as its key alone, padded to
/// the header's width; the others as `rows` makes them, after the key.
fn group_rows<'r>(
    report: &'r Report,
    width: usize,
    rows: impl Fn(&'r GroupStats) -> Vec<Vec<String>> + 'r,
) -> impl Iterator<Item = Vec<String>> + 'r {
    report.groups.iter().flat_map(move |g: &'r Group| {
        let Some(stats) = &g.stats else {
            let mut row = vec![g.key.clone(), "true".to_owned()];
            row.resize(width, String::new());
            return vec![row];
        };
        rows(stats)
            .into_iter()
            .map(|cells| {
                let mut row = vec![g.key.clone(), "false".to_owned()];
                row.extend(cells);
                row
            })
            .collect()
    })
}

/// One row per group and item: its statistics and the answer counts as
/// `value:count` pairs.
pub fn items_csv(report: &Report, labels: &Labels) -> String {
    let header = header(&[&["item", "text"], &ITEM_COLUMNS, &["counts"]]);
    let rows = group_rows(report, header.len(), |stats| {
        stats
            .items
            .iter()
            .map(|i| {
                let mut row = vec![i.id.clone(), labels.item(&i.id)];
                row.extend(item_cells(i));
                row.push(counts_cell(i));
                row
            })
            .collect()
    });
    write_rows(&header, rows)
}

/// One row per group and stage, then the index as stage `index`.
pub fn stages_csv(report: &Report, labels: &Labels) -> String {
    let header = header(&[&["stage", "title"], &STAGE_COLUMNS]);
    let rows = group_rows(report, header.len(), |stats| {
        let stages = stats.stages.iter().map(|s| {
            let mut row = vec![s.id.clone(), labels.stage(&s.id)];
            row.extend(stage_cells(s));
            row
        });
        let mut index = vec![INDEX_ID.to_owned(), labels.t(T::ExperienceIndex).to_owned()];
        index.extend(index_cells(&stats.index));
        stages.chain(std::iter::once(index)).collect()
    });
    write_rows(&header, rows)
}

/// One row per group and comparison (docs/scoring.md §5), every field.
pub fn comparisons_csv(report: &Report, labels: &Labels) -> String {
    let header = header(&[&["scope", "id", "label"], &COMPARISON_COLUMNS]);
    let rows = group_rows(report, header.len(), |stats| {
        stats
            .comparisons
            .iter()
            .map(|c| {
                let mut row = vec![
                    c.scope.as_str().to_owned(),
                    c.id.clone(),
                    labels.scoped(c.scope, &c.id),
                ];
                row.extend(comparison_cells(c));
                row
            })
            .collect()
    });
    write_rows(&header, rows)
}

/// One row per group: n, the index, NPS and each stage's mean.
pub fn groups_csv(report: &Report, labels: &Labels) -> String {
    let stage_ids: Vec<&str> = labels.stage_ids().collect();
    let stage_columns: Vec<String> = stage_ids.iter().map(|s| format!("{s}.mean")).collect();
    let stage_columns: Vec<&str> = stage_columns.iter().map(String::as_str).collect();
    let header = header(&[
        &["n", "index_mean", "index_ci_low", "index_ci_high", "nps"],
        &stage_columns,
    ]);
    let rows = group_rows(report, header.len(), |stats| {
        let mut row = vec![
            stats.n.to_string(),
            number(stats.index.mean),
            number(stats.index.ci_low),
            number(stats.index.ci_high),
            number(stats.nps.score),
        ];
        row.extend(
            stage_ids
                .iter()
                .map(|s| number(stats.stage(s).and_then(|x| x.mean))),
        );
        vec![row]
    });
    write_rows(&header, rows)
}
