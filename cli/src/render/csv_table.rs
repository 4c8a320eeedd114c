//! The report as one flat table, for a spreadsheet: a row per group and
//! statistic (index, NPS, each stage, each item), with its comparison to
//! the baseline on the same row. Numbers are the report's, unformatted,
//! written as the dashboard's CSV files write them (`scoring::present::cells`).

use anyhow::{Context, Result};
use scoring::present::cells::{
    comparison_cells, index_cells, item_cells, number, stage_cells, COMPARISON_COLUMNS,
    ITEM_COLUMNS, STAGE_COLUMNS,
};
use scoring::report::{Comparison, Group, Report, Scope};

/// The columns: what the row is, an item's statistics (a stage's and the
/// index's are among them), the row's other statistics, its comparison
/// with the baseline, and NPS.
fn header() -> Vec<&'static str> {
    let mut columns = vec!["group", "suppressed", "group_n", "scope", "id"];
    columns.extend(ITEM_COLUMNS);
    columns.extend(["alpha", "adjusted_mean", "r", "quadrant"]);
    columns.extend(COMPARISON_COLUMNS.into_iter().filter_map(comparison_column));
    columns.extend(["nps_promoters", "nps_detractors", "nps_score"]);
    columns
}

/// A comparison's column as this table names it: its interval is the
/// difference's, and its current n and mean are the row's own.
fn comparison_column(column: &'static str) -> Option<&'static str> {
    match column {
        "ci_low" => Some("diff_ci_low"),
        "ci_high" => Some("diff_ci_high"),
        "current_n" | "current_mean" => None,
        column => Some(column),
    }
}

/// One row, by column name; absent cells stay empty.
#[derive(Default)]
struct Row {
    cells: Vec<(&'static str, String)>,
}

impl Row {
    fn set(&mut self, column: &'static str, value: impl ToString) {
        self.cells.push((column, value.to_string()));
    }

    fn num(&mut self, column: &'static str, value: Option<f64>) {
        self.set(column, number(value));
    }

    fn set_all<const N: usize>(&mut self, columns: &[&'static str; N], values: [String; N]) {
        self.cells.extend(columns.iter().copied().zip(values));
    }

    fn comparison(&mut self, c: Option<&Comparison>) {
        let Some(c) = c else { return };
        for (column, value) in COMPARISON_COLUMNS.into_iter().zip(comparison_cells(c)) {
            if let Some(column) = comparison_column(column) {
                self.set(column, value);
            }
        }
    }

    fn into_record(self, header: &[&str]) -> Vec<String> {
        header
            .iter()
            .map(|column| {
                self.cells
                    .iter()
                    .find(|(c, _)| c == column)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
            .collect()
    }
}

fn rows(group: &Group) -> Vec<Row> {
    let start = || {
        let mut row = Row::default();
        row.set("group", &group.key);
        row.set("suppressed", group.suppressed);
        row
    };
    let Some(stats) = &group.stats else {
        return vec![start()];
    };
    let mut rows = Vec::new();

    let mut row = start();
    row.set("group_n", stats.n);
    row.set("scope", "index");
    row.set("id", "index");
    row.set_all(&STAGE_COLUMNS, index_cells(&stats.index));
    row.num("adjusted_mean", stats.index.adjusted_mean.flatten());
    row.comparison(stats.index_comparison());
    rows.push(row);

    let mut row = start();
    row.set("group_n", stats.n);
    row.set("scope", "nps");
    row.set("id", "overall.recommend");
    row.set("n", stats.nps.n);
    row.num("nps_promoters", stats.nps.promoters);
    row.num("nps_detractors", stats.nps.detractors);
    row.num("nps_score", stats.nps.score);
    rows.push(row);

    for stage in &stats.stages {
        let mut row = start();
        row.set("group_n", stats.n);
        row.set("scope", "stage");
        row.set("id", &stage.id);
        row.set_all(&STAGE_COLUMNS, stage_cells(stage));
        row.num("adjusted_mean", stage.adjusted_mean.flatten());
        row.comparison(stats.comparison(Scope::Stage, &stage.id));
        rows.push(row);
    }

    for item in &stats.items {
        let mut row = start();
        row.set("group_n", stats.n);
        row.set("scope", "item");
        row.set("id", &item.id);
        row.set_all(&ITEM_COLUMNS, item_cells(item));
        row.num("adjusted_mean", item.adjusted_mean.flatten());
        if let Some(driver) = stats.driver(&item.id) {
            row.num("r", driver.r);
            if let Some(q) = driver.quadrant {
                row.set("quadrant", q.as_str());
            }
        }
        row.comparison(stats.comparison(Scope::Item, &item.id));
        rows.push(row);
    }
    rows
}

/// UTF-8 with a byte-order mark and CRLF, like the response export, so
/// Excel shows Chinese department names correctly.
pub(crate) fn render(report: &Report) -> Result<String> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = header();
    csv.write_record(&header)?;
    for group in &report.groups {
        for row in rows(group) {
            csv.write_record(row.into_record(&header))?;
        }
    }
    let bytes = csv.into_inner().map_err(|e| e.into_error())?;
    let text = String::from_utf8(bytes).context("the report table is not UTF-8")?;
    Ok(format!("\u{feff}{text}"))
}
