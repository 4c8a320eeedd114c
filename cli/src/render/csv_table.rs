//! The report as one flat table, for a spreadsheet: a row per group and
//! statistic (index, NPS, each stage, each item), with its comparison to
//! the baseline on the same row. Numbers are the report's, unformatted.

use anyhow::{Context, Result};
use scoring::report::{Comparison, Group, Quadrant, Report, Scope, Verdict};

const HEADER: [&str; 37] = [
    "group",
    "suppressed",
    "group_n",
    "scope",
    "id",
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
    "alpha",
    "adjusted_mean",
    "r",
    "quadrant",
    "baseline_n",
    "baseline_mean",
    "diff",
    "diff_ci_low",
    "diff_ci_high",
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
    "nps_promoters",
    "nps_detractors",
    "nps_score",
];

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
        if let Some(v) = value {
            self.set(column, v);
        }
    }

    fn comparison(&mut self, c: Option<&Comparison>) {
        let Some(c) = c else { return };
        self.set("baseline_n", c.baseline_n);
        self.num("baseline_mean", c.baseline_mean);
        self.num("diff", c.diff);
        self.num("diff_ci_low", c.ci_low);
        self.num("diff_ci_high", c.ci_high);
        self.num("t", c.t);
        self.num("df", c.df);
        self.num("p", c.p);
        self.num("q", c.q);
        self.num("cohen_d", c.cohen_d);
        self.num("top_box_diff", c.top_box_diff);
        self.num("z", c.z);
        self.num("p_top_box", c.p_top_box);
        self.num("cohen_h", c.cohen_h);
        self.set("verdict", verdict(c.verdict));
    }

    fn into_record(self) -> Vec<String> {
        HEADER
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

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Improved => "improved",
        Verdict::Declined => "declined",
        Verdict::NoChange => "no_change",
        Verdict::Insufficient => "insufficient",
    }
}

fn quadrant(q: Quadrant) -> &'static str {
    match q {
        Quadrant::FixFirst => "fix_first",
        Quadrant::KeepUp => "keep_up",
        Quadrant::Secondary => "secondary",
        Quadrant::Surplus => "surplus",
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
    let find = |scope: Scope, id: &str| {
        stats
            .comparisons
            .iter()
            .find(|c| c.scope == scope && c.id == id)
    };
    let mut rows = Vec::new();

    let mut row = start();
    row.set("group_n", stats.n);
    row.set("scope", "index");
    row.set("id", "index");
    row.set("n", stats.index.n);
    row.num("mean", stats.index.mean);
    row.num("sd", stats.index.sd);
    row.num("ci_low", stats.index.ci_low);
    row.num("ci_high", stats.index.ci_high);
    row.num("adjusted_mean", stats.index.adjusted_mean.flatten());
    row.comparison(find(Scope::Index, "index"));
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
        row.set("n", stage.n);
        row.num("mean", stage.mean);
        row.num("sd", stage.sd);
        row.num("ci_low", stage.ci_low);
        row.num("ci_high", stage.ci_high);
        row.num("alpha", stage.alpha);
        row.num("adjusted_mean", stage.adjusted_mean.flatten());
        row.comparison(find(Scope::Stage, &stage.id));
        rows.push(row);
    }

    for item in &stats.items {
        let mut row = start();
        row.set("group_n", stats.n);
        row.set("scope", "item");
        row.set("id", &item.id);
        row.set("n", item.n);
        row.set("n_na", item.n_na);
        row.num("mean", item.mean);
        row.num("sd", item.sd);
        row.num("ci_low", item.ci_low);
        row.num("ci_high", item.ci_high);
        row.num("top_box", item.top_box);
        row.num("top_box_ci_low", item.top_box_ci_low);
        row.num("top_box_ci_high", item.top_box_ci_high);
        row.num("satisfied", item.satisfied);
        row.num("adjusted_mean", item.adjusted_mean.flatten());
        if let Some(driver) = stats.drivers.iter().find(|d| d.id == item.id) {
            row.num("r", driver.r);
            if let Some(q) = driver.quadrant {
                row.set("quadrant", quadrant(q));
            }
        }
        row.comparison(find(Scope::Item, &item.id));
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
    csv.write_record(HEADER)?;
    for group in &report.groups {
        for row in rows(group) {
            csv.write_record(row.into_record())?;
        }
    }
    let bytes = csv.into_inner().map_err(|e| e.into_error())?;
    let text = String::from_utf8(bytes).context("the report table is not UTF-8")?;
    Ok(format!("\u{feff}{text}"))
}
