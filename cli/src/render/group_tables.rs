//! What the Markdown and HTML reports show of one group, before either
//! writes it: the stage and item tables as rows of cells, the items to fix
//! first, the significant changes. The two renderers only decide how a cell
//! is written (escaping, code spans, coloured verdicts), so the columns and
//! figures of the two reports cannot drift apart.

use scoring::report::{Comparison, GroupStats, Quadrant, Scope, Verdict};

use super::labels::Labels;
use super::numbers::{coefficient, diff, interval, p_value, percent, score, MISSING};

/// One table cell, before a format writes it.
pub(super) enum Cell<'a> {
    /// Figures and the report's own words: no markup in them.
    Plain(String),
    /// Text from the instrument or the data, which each format escapes.
    Text(&'a str),
    /// An item: its text, and its id shown as code.
    Item { text: &'a str, id: &'a str },
    /// A comparison's verdict, which the HTML page colours.
    Verdict(Verdict, &'static str),
}

/// Column titles and rows of cells.
pub(super) struct Table<'a> {
    pub(super) head: Vec<&'static str>,
    pub(super) rows: Vec<Vec<Cell<'a>>>,
}

/// The comparison of one index, stage or item with the baseline, if any.
pub(super) fn comparison<'r>(
    stats: &'r GroupStats,
    scope: Scope,
    id: &str,
) -> Option<&'r Comparison> {
    stats
        .comparisons
        .iter()
        .find(|c| c.scope == scope && c.id == id)
}

/// Stage means with their intervals and Cronbach's α (docs/scoring.md §3).
pub(super) fn stage_table<'a>(stats: &'a GroupStats, labels: &'a Labels<'_>) -> Table<'a> {
    let w = labels.words;
    let head = vec![w.stage, w.n, w.mean, w.ci, w.alpha];
    let rows = stats
        .stages
        .iter()
        .map(|stage| {
            let row = vec![
                Cell::Text(labels.stage(&stage.id)),
                Cell::Plain(stage.n.to_string()),
                Cell::Plain(score(stage.mean)),
                Cell::Plain(interval(stage.ci_low, stage.ci_high)),
                Cell::Plain(coefficient(stage.alpha)),
            ];
            let adjusted = stage.adjusted_mean.flatten();
            (row, adjusted, comparison(stats, Scope::Stage, &stage.id))
        })
        .collect();
    with_optional_columns(stats, labels, head, rows)
}

/// Item means, top-box and satisfied shares, and the key-driver quadrant
/// (docs/scoring.md §3–4).
pub(super) fn item_table<'a>(stats: &'a GroupStats, labels: &'a Labels<'_>) -> Table<'a> {
    let w = labels.words;
    let head = vec![
        w.item,
        w.n,
        w.n_na,
        w.mean,
        w.ci,
        w.top_box,
        w.satisfied,
        w.driver,
    ];
    let rows = stats
        .items
        .iter()
        .map(|item| {
            let row = vec![
                Cell::Item {
                    text: labels.item(&item.id),
                    id: &item.id,
                },
                Cell::Plain(item.n.to_string()),
                Cell::Plain(item.n_na.to_string()),
                Cell::Plain(score(item.mean)),
                Cell::Plain(interval(item.ci_low, item.ci_high)),
                Cell::Plain(percent(item.top_box)),
                Cell::Plain(percent(item.satisfied)),
                Cell::Plain(quadrant(stats, &item.id, labels)),
            ];
            let adjusted = item.adjusted_mean.flatten();
            (row, adjusted, comparison(stats, Scope::Item, &item.id))
        })
        .collect();
    with_optional_columns(stats, labels, head, rows)
}

type RowParts<'a> = (Vec<Cell<'a>>, Option<f64>, Option<&'a Comparison>);

/// Adds the case-mix adjusted mean when the report was adjusted, and the
/// baseline comparison when it has a baseline (docs/scoring.md §5–6).
fn with_optional_columns<'a>(
    stats: &GroupStats,
    labels: &Labels<'_>,
    mut head: Vec<&'static str>,
    rows: Vec<RowParts<'a>>,
) -> Table<'a> {
    let w = labels.words;
    let adjusted = stats.index.adjusted_mean.is_some();
    let has_baseline = !stats.comparisons.is_empty();
    if adjusted {
        head.push(w.adjusted);
    }
    if has_baseline {
        head.extend([w.baseline_mean, w.change, w.change_ci, w.q, w.verdict]);
    }
    let rows = rows
        .into_iter()
        .map(|(mut row, adjusted_mean, c)| {
            if adjusted {
                row.push(Cell::Plain(score(adjusted_mean)));
            }
            if has_baseline {
                row.extend(comparison_cells(c, labels));
            }
            row
        })
        .collect();
    Table { head, rows }
}

fn comparison_cells<'a>(c: Option<&Comparison>, labels: &Labels<'_>) -> Vec<Cell<'a>> {
    match c {
        None => (0..5).map(|_| Cell::Plain(MISSING.to_owned())).collect(),
        Some(c) => vec![
            Cell::Plain(score(c.baseline_mean)),
            Cell::Plain(diff(c.diff)),
            Cell::Plain(interval(c.ci_low, c.ci_high)),
            Cell::Plain(p_value(c.q)),
            Cell::Verdict(c.verdict, labels.verdict(c.verdict)),
        ],
    }
}

/// The key-driver quadrant of an item (docs/scoring.md §4), if it has one.
fn quadrant(stats: &GroupStats, id: &str, labels: &Labels<'_>) -> String {
    stats
        .drivers
        .iter()
        .find(|d| d.id == id)
        .and_then(|d| d.quadrant)
        .map_or_else(|| MISSING.to_owned(), |q| labels.quadrant(q).to_owned())
}

/// An item in the "fix first" quadrant: important to the overall rating
/// and scored low (docs/scoring.md §4).
pub(super) struct FixFirst<'a> {
    pub(super) id: &'a str,
    pub(super) r: Option<f64>,
    pub(super) mean: Option<f64>,
}

/// The items to fix first, most important (largest r) first.
pub(super) fn fix_first(stats: &GroupStats) -> Vec<FixFirst<'_>> {
    let mut drivers: Vec<_> = stats
        .drivers
        .iter()
        .filter(|d| d.quadrant == Some(Quadrant::FixFirst))
        .collect();
    drivers.sort_by(|a, b| b.r.unwrap_or(0.0).total_cmp(&a.r.unwrap_or(0.0)));
    drivers
        .into_iter()
        .map(|d| FixFirst {
            id: &d.id,
            r: d.r,
            mean: stats
                .items
                .iter()
                .find(|i| i.id == d.id)
                .and_then(|i| i.mean),
        })
        .collect()
}

/// The comparisons that improved or declined significantly, with the name
/// of what changed (the index, a stage or an item).
pub(super) fn significant_changes<'a>(
    stats: &'a GroupStats,
    labels: &'a Labels<'_>,
) -> Vec<(&'a str, &'a Comparison)> {
    stats
        .comparisons
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Improved | Verdict::Declined))
        .map(|c| {
            let name = match c.scope {
                Scope::Index => labels.words.index,
                Scope::Stage => labels.stage(&c.id),
                Scope::Item => labels.item(&c.id),
            };
            (name, c)
        })
        .collect()
}
