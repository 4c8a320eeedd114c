//! What the Markdown and HTML reports show of methodology version 2 before
//! either writes it: each unit against the rest, its funnel band and its
//! reliability (docs/scoring.md §10), and a group's months on its XmR
//! chart (§11). As in `group_tables`, the two renderers only decide how a
//! cell is written, so the columns of the two reports cannot drift apart.

use scoring::present::numbers::{coefficient, count, interval, p_value, score, signed, MISSING};
use scoring::present::units::{band_mark, below_target, still_needed, unit_row};
use scoring::report::{
    Band, Group, Report, Scope, SpcChart, UnitMeasure, UnitRow, UnitVerdict, Units,
};

use super::group_tables::{Cell, Table};
use super::labels::Labels;

/// The mark of a unit below the reliability target, explained by
/// [`reliability_legend`].
pub(super) const BELOW_TARGET: &str = "†";

/// One measure of the units section: its name, pooled figures and table.
pub(super) struct MeasureView<'a> {
    pub(super) measure: &'a UnitMeasure,
    pub(super) name: &'a str,
    /// Label and value pairs: target, σ, τ², ICC, responses needed.
    pub(super) facts: Vec<(&'static str, String)>,
    /// Over-dispersed or not; `None` without a funnel.
    pub(super) dispersion: Option<&'static str>,
    pub(super) table: Table<'a>,
    /// Whether a unit of the table carries [`BELOW_TARGET`].
    pub(super) marked: bool,
}

/// The measures a report shows: the index and each stage. (Items are in
/// the JSON and CSV reports; a table per item would bury the rest.)
pub(super) fn measures<'a>(units: &'a Units, labels: &'a Labels<'_>) -> Vec<MeasureView<'a>> {
    units
        .measures
        .iter()
        .filter(|m| m.scope != Scope::Item)
        .map(|m| measure_view(m, labels))
        .collect()
}

/// A measure's name in the report's language.
pub(super) fn measure_name<'a>(scope: Scope, id: &'a str, labels: &'a Labels<'_>) -> &'a str {
    match scope {
        Scope::Index => labels.words.index,
        Scope::Stage => labels.stage(id),
        Scope::Item => labels.item(id),
    }
}

fn measure_view<'a>(m: &'a UnitMeasure, labels: &'a Labels<'_>) -> MeasureView<'a> {
    let w = labels.words;
    let mut facts = vec![(w.target, score(m.target))];
    if m.target.is_some() {
        facts.extend([
            (w.sigma, coefficient(m.sigma)),
            (w.tau2, coefficient(m.tau2_used)),
            (w.icc, coefficient(m.icc)),
            (
                w.n_needed,
                m.n_needed.map_or_else(|| MISSING.to_owned(), count),
            ),
        ]);
    }
    let dispersion = m.tau2_used.map(|t| {
        if t > 0.0 {
            w.over_dispersed
        } else {
            w.not_over_dispersed
        }
    });
    let head = vec![
        w.unit,
        w.n,
        w.mean,
        w.difference,
        w.difference_ci,
        w.q,
        w.band,
        w.unit_verdict,
        w.reliability,
        w.still_needed,
    ];
    let rows = m
        .units
        .iter()
        .map(|u| {
            vec![
                Cell::Text(labels.group_key(&u.key)),
                Cell::Plain(u.n.to_string()),
                Cell::Plain(score(u.mean)),
                Cell::Plain(signed(u.diff)),
                Cell::Plain(interval(u.ci_low, u.ci_high)),
                Cell::Plain(p_value(u.q)),
                band_cell(u.band, labels),
                verdict_cell(u.verdict, labels),
                reliability_cell(u),
                Cell::Plain(still_needed(m, u).map_or_else(|| MISSING.to_owned(), count)),
            ]
        })
        .collect();
    MeasureView {
        measure: m,
        name: measure_name(m.scope, &m.id, labels),
        facts,
        dispersion,
        table: Table { head, rows },
        marked: m.units.iter().any(below_target),
    }
}

/// The items against the units in one compact table: per item, each
/// unit's mean with its band's mark (and [`BELOW_TARGET`]); the columns
/// are the units of the index, in the groups' order. `None` without items.
pub(super) fn item_matrix<'a>(units: &'a Units, labels: &'a Labels<'_>) -> Option<Table<'a>> {
    let index = units.measures.iter().find(|m| m.scope == Scope::Index)?;
    let items: Vec<&UnitMeasure> = units
        .measures
        .iter()
        .filter(|m| m.scope == Scope::Item)
        .collect();
    if items.is_empty() {
        return None;
    }
    let mut head = vec![labels.words.item];
    head.extend(index.units.iter().map(|u| labels.group_key(&u.key)));
    let rows = items
        .iter()
        .map(|m| {
            let mut row = vec![Cell::Item {
                text: labels.item(&m.id),
                id: &m.id,
            }];
            row.extend(index.units.iter().map(|col| {
                let Some(u) = unit_row(m, &col.key) else {
                    return Cell::Plain(MISSING.to_owned());
                };
                let marked = if below_target(u) { BELOW_TARGET } else { "" };
                match u.band {
                    Some(b) => {
                        let mean = score(u.mean);
                        let parts = [mean.as_str(), band_mark(b), marked];
                        let text: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
                        Cell::Classed(band_class(b), text.join(" "))
                    }
                    None => Cell::Plain(score(u.mean)),
                }
            }));
            row
        })
        .collect();
    Some(Table { head, rows })
}

/// The legend of [`BELOW_TARGET`], with the report's target.
pub(super) fn reliability_legend(report: &Report, labels: &Labels<'_>) -> String {
    format!(
        "{BELOW_TARGET} {} ({} {})",
        labels.words.below_target,
        labels.words.reliability,
        coefficient(Some(report.options.target_reliability))
    )
}

pub(super) fn band_cell<'a>(band: Option<Band>, labels: &Labels<'_>) -> Cell<'a> {
    match band {
        Some(b) => Cell::Classed(band_class(b), labels.band(b).to_owned()),
        None => Cell::Plain(MISSING.to_owned()),
    }
}

pub(super) fn verdict_cell<'a>(verdict: UnitVerdict, labels: &Labels<'_>) -> Cell<'a> {
    Cell::Classed(
        unit_verdict_class(verdict),
        labels.unit_verdict(verdict).to_owned(),
    )
}

/// A unit's reliability, marked when it is below the target.
pub(super) fn reliability_cell<'a>(u: &UnitRow) -> Cell<'a> {
    let value = coefficient(u.reliability);
    if below_target(u) {
        Cell::Classed("unreliable", format!("{value} {BELOW_TARGET}"))
    } else {
        Cell::Plain(value)
    }
}

/// The style class of a band, shared by the table and the funnel's points.
pub(super) fn band_class(band: Band) -> &'static str {
    match band {
        Band::MuchBetter => "band-much-better",
        Band::Better => "band-better",
        Band::AsExpected => "band-as-expected",
        Band::Worse => "band-worse",
        Band::MuchWorse => "band-much-worse",
    }
}

fn unit_verdict_class(verdict: UnitVerdict) -> &'static str {
    match verdict {
        UnitVerdict::Better => "unit-better",
        UnitVerdict::Worse => "unit-worse",
        UnitVerdict::AsExpected => "unit-as-expected",
        UnitVerdict::Insufficient => "insufficient",
    }
}

/// The groups' index beside its band, verdict and reliability, so that the
/// groups read as units against an expected range, not as a league table.
/// `None` when the report compares no units.
pub(super) fn overview_table<'a>(report: &'a Report, labels: &'a Labels<'_>) -> Option<Table<'a>> {
    let index = report
        .units
        .as_ref()?
        .measures
        .iter()
        .find(|m| m.scope == Scope::Index)?;
    let w = labels.words;
    let head = vec![w.unit, w.n, w.index, w.band, w.unit_verdict, w.reliability];
    let rows = report
        .groups
        .iter()
        .filter_map(|g: &Group| {
            let stats = g.stats.as_ref()?;
            let unit = unit_row(index, &g.key)?;
            Some(vec![
                Cell::Text(labels.group_key(&g.key)),
                Cell::Plain(stats.n.to_string()),
                Cell::Plain(score(stats.index.mean)),
                band_cell(unit.band, labels),
                verdict_cell(unit.verdict, labels),
                reliability_cell(unit),
            ])
        })
        .collect();
    Some(Table { head, rows })
}

/// A group's index unit row, for the line under its heading.
pub(super) fn index_unit<'a>(
    report: &'a Report,
    key: &str,
) -> Option<(&'a UnitRow, &'a UnitMeasure)> {
    let index = report
        .units
        .as_ref()?
        .measures
        .iter()
        .find(|m| m.scope == Scope::Index)?;
    Some((unit_row(index, key)?, index))
}

/// The index's XmR chart of a group: the first of `spc`, which lists the
/// index, then the stages (docs/scoring.md §11). `None` when the report has
/// no charts; `Some(None)` when the series is too short for one.
pub(super) fn index_chart(spc: &[Option<SpcChart>]) -> Option<Option<&SpcChart>> {
    spc.first().map(Option::as_ref)
}

/// The stages' XmR charts of a group, those the series was long enough
/// for, each with the stage's name.
pub(super) fn stage_charts<'a>(
    spc: &'a [Option<SpcChart>],
    labels: &'a Labels<'_>,
) -> Vec<(&'a str, &'a SpcChart)> {
    spc.iter()
        .flatten()
        .filter(|c| c.scope == Scope::Stage)
        .map(|c| (labels.stage(&c.id), c))
        .collect()
}

/// The months of an XmR chart, each with the signals it is part of.
pub(super) fn xmr_table<'a>(chart: &'a SpcChart, labels: &'a Labels<'_>) -> Table<'a> {
    let w = labels.words;
    let head = vec![w.month, w.n, w.monthly_mean, w.signals];
    let rows = chart
        .points
        .iter()
        .map(|p| {
            let signals: Vec<&str> = chart
                .signals
                .iter()
                .filter(|s| s.months.contains(&p.month))
                .map(|s| labels.signal(s.rule, s.side))
                .collect();
            vec![
                Cell::Plain(p.month.clone()),
                Cell::Plain(p.n.to_string()),
                Cell::Plain(score(Some(p.mean))),
                if signals.is_empty() {
                    Cell::Plain(String::new())
                } else {
                    Cell::Classed("signal", signals.join("; "))
                },
            ]
        })
        .collect();
    Table { head, rows }
}

/// The chart's centre and limits as label and value pairs.
pub(super) fn xmr_facts(chart: &SpcChart, labels: &Labels<'_>) -> Vec<(&'static str, String)> {
    let w = labels.words;
    vec![
        (w.centre, score(Some(chart.centre))),
        (w.upper_limit, score(Some(chart.upper))),
        (w.lower_limit, score(Some(chart.lower))),
    ]
}

/// Each signal as one line: its months, then its rule and side.
pub(super) fn signal_lines(chart: &SpcChart, labels: &Labels<'_>) -> Vec<String> {
    chart
        .signals
        .iter()
        .map(|s| {
            let months = match (s.months.first(), s.months.last()) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => String::new(),
            };
            format!("{months}: {}", labels.signal(s.rule, s.side))
        })
        .collect()
}
