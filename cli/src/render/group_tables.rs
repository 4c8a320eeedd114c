//! What the Markdown and HTML reports show of one group, before either
//! writes it: the stage and item tables as rows of cells, the items to fix
//! first, the significant changes. The two renderers only decide how a cell
//! is written (escaping, code spans, coloured verdicts), so the columns and
//! figures of the two reports cannot drift apart.

use scoring::present::rows::{item_rows, stage_rows, StageRow};
use scoring::report::{Comparison, Driver, GroupStats, Scope, Verdict};

use super::labels::Labels;
use scoring::present::numbers::{coefficient, interval, p_value, percent, score, signed, MISSING};

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
    /// The report's own words or figures with a style class, which the
    /// HTML page colours (a band, a unit's verdict, a mark).
    Classed(&'static str, String),
}

/// Column titles and rows of cells.
pub(super) struct Table<'a> {
    pub(super) head: Vec<&'a str>,
    pub(super) rows: Vec<Vec<Cell<'a>>>,
}

/// Stage means with their intervals and Cronbach's α (docs/scoring.md §3).
pub(super) fn stage_table<'a>(stats: &'a GroupStats, labels: &'a Labels<'_>) -> Table<'a> {
    let w = labels.words;
    let head = vec![w.stage, w.n, w.mean, w.ci, w.alpha];
    let rows = stage_rows(stats)
        .map(|StageRow { stage, comparison }| {
            let row = vec![
                Cell::Text(labels.stage(&stage.id)),
                Cell::Plain(stage.n.to_string()),
                Cell::Plain(score(stage.mean)),
                Cell::Plain(interval(stage.ci_low, stage.ci_high)),
                Cell::Plain(coefficient(stage.alpha)),
            ];
            (row, stage.adjusted_mean.flatten(), comparison)
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
    let rows = item_rows(stats)
        .map(|row| {
            let item = row.item;
            let cells = vec![
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
                Cell::Plain(quadrant(row.driver, labels)),
            ];
            (cells, item.adjusted_mean.flatten(), row.comparison)
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
            Cell::Plain(signed(c.diff)),
            Cell::Plain(interval(c.ci_low, c.ci_high)),
            Cell::Plain(p_value(c.q)),
            Cell::Verdict(c.verdict, labels.verdict(c.verdict)),
        ],
    }
}

/// The key-driver quadrant of an item (docs/scoring.md §4), if it has one.
fn quadrant(driver: Option<&Driver>, labels: &Labels<'_>) -> String {
    driver
        .and_then(|d| d.quadrant)
        .map_or_else(|| MISSING.to_owned(), |q| labels.quadrant(q).to_owned())
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
