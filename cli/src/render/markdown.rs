//! The report as Markdown: a summary, then per group the index, NPS,
//! stages, items, the items to fix first and the significant changes.

use std::fmt::Write;

use scoring::present::words::reference;
use scoring::report::{Group, Report, SpcChart};

use super::escape::markdown as md;
use super::group_tables::{item_table, significant_changes, stage_table, Cell, Table};
use super::labels::Labels;
use super::unit_tables::{
    index_chart, index_unit, item_matrix, measures, overview_table, reliability_cell,
    reliability_legend, signal_lines, stage_charts, xmr_facts, xmr_table,
};
use scoring::present::drivers::fix_first;
use scoring::present::numbers::{coefficient, interval, p_value, percent, score, signed, MISSING};

pub(crate) fn render(report: &Report, labels: &Labels<'_>) -> String {
    let w = labels.words;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {}\n", w.title);
    for (label, value) in summary(report, labels) {
        let _ = writeln!(out, "- **{label}**: {}", md(&value));
    }
    let _ = writeln!(out, "\n{}", w.scale_note);
    units(&mut out, report, labels);
    let mut xmr_explained = false;
    for group in &report.groups {
        self::group(&mut out, report, group, labels, &mut xmr_explained);
    }
    out
}

/// The units against each other (docs/scoring.md §10): the groups'
/// index with its band, verdict and reliability, then per measure its
/// pooled figures and each unit's row, then what it means.
fn units(out: &mut String, report: &Report, labels: &Labels<'_>) {
    let w = labels.words;
    let Some(units) = &report.units else {
        return;
    };
    let _ = writeln!(
        out,
        "\n## {} ({})\n\n{}",
        w.units,
        labels.group_by(units.by),
        w.units_note
    );
    if let Some(overview) = overview_table(report, labels) {
        let _ = writeln!(out, "\n### {}\n", w.groups_overview);
        table(out, &overview);
    }
    let mut marked = false;
    for view in measures(units, labels) {
        let _ = writeln!(out, "\n### {}\n", md(view.name));
        if view.measure.target.is_none() {
            let _ = writeln!(out, "{}\n", w.too_few_units);
        } else {
            let facts: Vec<String> = view
                .facts
                .iter()
                .map(|(label, value)| format!("**{label}** {value}"))
                .collect();
            let _ = writeln!(out, "{}\n", facts.join(" · "));
        }
        if let Some(note) = view.dispersion {
            let _ = writeln!(out, "{note}\n");
        }
        table(out, &view.table);
        marked |= view.marked;
    }
    if marked {
        let _ = writeln!(out, "\n{}", md(&reliability_legend(report, labels)));
    }
    if let Some(matrix) = item_matrix(units, labels) {
        let _ = writeln!(
            out,
            "\n### {}\n\n{}\n",
            w.items_by_unit, w.items_by_unit_note
        );
        table(out, &matrix);
    }
    let _ = writeln!(
        out,
        "\n### {}\n\n- **{}**: {}\n- **{}**: {}\n- **{}**: {}",
        w.what_this_means,
        w.unit_verdict,
        w.means_verdict,
        w.funnel,
        w.means_funnel,
        w.reliability,
        w.means_reliability
    );
}

/// A group's index on its XmR chart (docs/scoring.md §11): centre and
/// limits, the months with their signals, and the signals listed.
fn control_chart(out: &mut String, chart: Option<&SpcChart>, labels: &Labels<'_>, explain: bool) {
    let w = labels.words;
    let _ = writeln!(out, "\n### {} — {}\n", w.control_charts, w.index);
    let Some(chart) = chart else {
        let _ = writeln!(out, "{}", w.no_chart);
        return;
    };
    let facts: Vec<String> = xmr_facts(chart, labels)
        .iter()
        .map(|(label, value)| format!("**{label}** {value}"))
        .collect();
    let _ = writeln!(
        out,
        "{} ({})\n",
        facts.join(" · "),
        reference(labels.lang, chart.reference)
    );
    table(out, &xmr_table(chart, labels));
    let _ = writeln!(out, "\n**{}**\n", w.signals);
    let lines = signal_lines(chart, labels);
    if lines.is_empty() {
        let _ = writeln!(out, "{}", w.no_signal);
    }
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    if explain {
        let _ = writeln!(out, "\n**{}**: {}", w.what_this_means, w.means_xmr);
    }
}

/// The lines that say what the report covers, shared with the HTML page.
pub(crate) fn summary(report: &Report, labels: &Labels<'_>) -> Vec<(&'static str, String)> {
    let w = labels.words;
    let o = &report.options;
    let p = &report.periods;
    let mut lines = vec![
        (
            w.instrument,
            format!("{} v{}", report.instrument.id, report.instrument.version),
        ),
        (
            w.period,
            format!("{} ({} – {})", o.period, p.current.from, p.current.to),
        ),
        (
            w.baseline,
            match (&o.baseline, &p.baseline) {
                (Some(b), Some(range)) => format!("{b} ({} – {})", range.from, range.to),
                _ => w.none.to_owned(),
            },
        ),
        (
            w.grouped_by,
            o.group_by
                .map_or_else(|| w.none.to_owned(), |by| labels.group_by(by).to_owned()),
        ),
        (
            w.case_mix,
            if o.case_mix {
                w.case_mix_on
            } else {
                w.case_mix_off
            }
            .to_owned(),
        ),
        (w.suppression, o.suppress_below.to_string()),
        (w.min_compare, o.min_compare.to_string()),
    ];
    if report.units.is_some() {
        lines.push((w.min_difference, score(Some(o.min_difference))));
        lines.push((
            w.target_reliability,
            coefficient(Some(o.target_reliability)),
        ));
    }
    let f = &o.filters;
    let filters: Vec<String> = [
        f.hospital
            .as_deref()
            .map(|h| labels.hospital_filter(h).to_owned()),
        f.department
            .as_deref()
            .map(|d| labels.department_filter(d).to_owned()),
        f.visit_type.map(|v| v.as_str().to_owned()),
        f.channel.map(|c| c.as_str().to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !filters.is_empty() {
        lines.push((w.filters, filters.join(", ")));
    }
    if report.skipped_invalid > 0 {
        lines.push((w.skipped_invalid, report.skipped_invalid.to_string()));
    }
    lines
}

fn group(
    out: &mut String,
    report: &Report,
    group: &Group,
    labels: &Labels<'_>,
    xmr_explained: &mut bool,
) {
    let w = labels.words;
    let key = md(labels.group_key(&group.key));
    let Some(stats) = &group.stats else {
        let _ = writeln!(out, "\n## {key}\n\n{}", w.suppressed);
        return;
    };
    let _ = writeln!(out, "\n## {key} ({} {})\n", stats.n, w.responses);
    let has_baseline = !stats.comparisons.is_empty();

    // Index and NPS.
    let index = &stats.index;
    let _ = write!(
        out,
        "- **{}**: {} ({} {}, n = {})",
        w.index,
        score(index.mean),
        w.ci,
        interval(index.ci_low, index.ci_high),
        index.n
    );
    if let Some(adjusted) = index.adjusted_mean {
        let _ = write!(out, "; {} {}", w.adjusted, score(adjusted));
    }
    if let Some(c) = stats.index_comparison() {
        let _ = write!(
            out,
            "; {} {} → {} ({})",
            w.change,
            score(c.baseline_mean),
            signed(c.diff),
            labels.verdict(c.verdict)
        );
    }
    if let Some((unit, _)) = index_unit(report, &group.key) {
        let _ = write!(
            out,
            "\n- **{}**: {}; **{}**: {}; **{}**: {}",
            w.unit_verdict,
            labels.unit_verdict(unit.verdict),
            w.band,
            unit.band.map_or(MISSING, |b| labels.band(b)),
            w.reliability,
            cell(&reliability_cell(unit))
        );
    }
    let nps = &stats.nps;
    let _ = writeln!(
        out,
        "\n- **{}**: {} ({} {}, {} {}, n = {})",
        w.nps,
        score(nps.score),
        w.promoters,
        percent(nps.promoters),
        w.detractors,
        percent(nps.detractors),
        nps.n
    );

    // Stages and items.
    let _ = writeln!(out, "\n### {}\n", w.stages);
    table(out, &stage_table(stats, labels));
    let _ = writeln!(out, "\n### {}\n", w.items);
    table(out, &item_table(stats, labels));

    // Items to fix first.
    let fix_first = fix_first(stats);
    if !fix_first.is_empty() {
        let _ = writeln!(out, "\n### {}\n\n{}\n", w.drivers, w.drivers_note);
        for d in fix_first {
            let _ = writeln!(
                out,
                "- {} — {} {}, {} {}",
                md(labels.item(d.id)),
                w.r,
                coefficient(d.r),
                w.mean,
                score(d.mean)
            );
        }
    }

    // Significant changes.
    if has_baseline {
        let _ = writeln!(out, "\n### {}\n", w.changes);
        let significant = significant_changes(stats, labels);
        if significant.is_empty() {
            let _ = writeln!(out, "{}", w.no_significant_change);
        }
        for (name, c) in significant {
            let _ = writeln!(
                out,
                "- {}: {} → {} ({} {}, q {})",
                md(name),
                score(c.baseline_mean),
                score(c.current_mean),
                labels.verdict(c.verdict),
                signed(c.diff),
                p_value(c.q)
            );
        }
    }

    if let Some(chart) = index_chart(&stats.spc) {
        control_chart(out, chart, labels, chart.is_some() && !*xmr_explained);
        *xmr_explained |= chart.is_some();
        stage_signals(out, &stats.spc, labels);
    }
}

/// The signals of the stages' XmR charts, one line each (the charts
/// themselves are in the HTML report).
fn stage_signals(out: &mut String, spc: &[Option<SpcChart>], labels: &Labels<'_>) {
    let w = labels.words;
    let lines: Vec<String> = stage_charts(spc, labels)
        .into_iter()
        .flat_map(|(name, chart)| {
            signal_lines(chart, labels)
                .into_iter()
                .map(move |line| format!("- {}: {line}", md(name)))
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n**{} — {}**\n", w.stages, w.signals);
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
}

/// A cell as Markdown: text escaped, item ids as code spans.
fn cell(cell: &Cell<'_>) -> String {
    match cell {
        Cell::Plain(s) => s.clone(),
        Cell::Text(text) => md(text),
        Cell::Item { text, id } => format!("{} `{}`", md(text), id.replace('`', "'")),
        Cell::Verdict(_, label) => (*label).to_owned(),
        Cell::Classed(_, text) => text.clone(),
    }
}

fn table(out: &mut String, table: &Table<'_>) {
    table_head(out, &table.head);
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(cell).collect();
        table_row(out, &cells);
    }
}

fn table_head(out: &mut String, head: &[&str]) {
    let cells: Vec<String> = head.iter().map(|h| md(h)).collect();
    table_row(out, &cells);
    let rule: Vec<String> = head
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if i == 0 {
                "---".to_owned()
            } else {
                "---:".to_owned()
            }
        })
        .collect();
    table_row(out, &rule);
}

fn table_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}
