//! The report as one self-contained, printable HTML page: inline CSS,
//! inline SVG charts, no script and no external asset; every text from the
//! data is escaped.

use std::fmt::Write;

use scoring::present::units::below_target;
use scoring::present::words::reference;
use scoring::report::{Comparison, Group, Report, Scope, SpcChart, Verdict};

use super::chart::{bars, Bar, Tone};
use super::escape::html as esc;
use super::funnel_chart::{funnel, legend};
use super::group_tables::{item_table, significant_changes, stage_table, Cell, Table};
use super::labels::Labels;
use super::markdown::summary;
use super::unit_tables::{
    band_cell, index_chart, index_unit, item_matrix, measures, overview_table, reliability_cell,
    reliability_legend, stage_charts, verdict_cell, xmr_facts, xmr_table,
};
use super::xmr_chart::{signal_legend, xmr};
use scoring::present::drivers::fix_first;
use scoring::present::numbers::{coefficient, interval, p_value, percent, score, signed, MISSING};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
       "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
       color: #1f2328; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.8rem; margin-bottom: .5rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #3b6ea5; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
.note { color: #57606a; font-size: .9rem; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1rem; min-width: 14rem; }
.card .big { font-size: 1.8rem; font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .4rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
td:not(:first-child) { white-space: nowrap; }
.scroll { overflow-x: auto; }
th { background: #f6f8fa; }
td code { color: #57606a; font-size: .75rem; }
.improved { color: #2f855a; font-weight: 600; }
.declined { color: #c53030; font-weight: 600; }
.insufficient { color: #57606a; }
svg.chart { max-width: 100%; height: auto; }
.band-much-better { color: #116329; font-weight: 600; }
.band-better { color: #1a7f37; }
.band-worse { color: #bc4c00; }
.band-much-worse { color: #a40e26; font-weight: 600; }
.unit-better { color: #1a7f37; }
.unit-worse { color: #bc4c00; }
.unreliable { color: #8250df; font-weight: 600; }
.signal { color: #0550ae; }
.legend { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%;
          border: 1px solid #1f2328; margin-right: .3rem; vertical-align: -.1rem; }
.line { display: inline-block; width: 1.6rem; margin-right: .3rem; vertical-align: middle;
        border-top: 2px solid #3b6ea5; }
.line.solid { border-top-color: #1f2328; }
.line.dashed { border-top-style: dashed; }
.line.dotted { border-top-style: dotted; }
ul.signals { list-style: none; padding-left: 0; font-size: .9rem; }
.means { background: #f6f8fa; border-left: 4px solid #3b6ea5; padding: .5rem .8rem; margin: .8rem 0; }
.means p { margin: .3rem 0; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section.group { break-before: page; }
  tr, svg { break-inside: avoid; }
  .scroll { overflow: visible; }
}
"#;

pub(crate) fn render(report: &Report, labels: &Labels<'_>) -> String {
    let w = labels.words;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<dl class=\"summary\">\n",
        labels.lang.tag(),
        esc(w.title),
        esc(&report.instrument.id),
        esc(&report.options.period),
        esc(w.title)
    );
    for (label, value) in summary(report, labels) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&value));
    }
    let _ = writeln!(
        out,
        "</dl>\n<p class=\"note\">{} {}</p>\n</header>",
        esc(w.scale_note),
        esc(w.chart_note)
    );

    if report.groups.len() > 1 {
        overview(&mut out, report, labels);
    }
    units(&mut out, report, labels);
    let mut xmr_explained = false;
    for group in &report.groups {
        self::group(&mut out, report, group, labels, &mut xmr_explained);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A mean with its interval, the baseline behind it, coloured by the
/// comparison's verdict.
fn bar<'a>(
    label: &'a str,
    (mean, low, high): (Option<f64>, Option<f64>, Option<f64>),
    c: Option<&Comparison>,
) -> Bar<'a> {
    Bar {
        label,
        mean,
        low,
        high,
        baseline: c.and_then(|c| c.baseline_mean),
        tone: tone(c),
    }
}

fn tone(c: Option<&Comparison>) -> Tone {
    match c.map(|c| c.verdict) {
        Some(Verdict::Improved) => Tone::Improved,
        Some(Verdict::Declined) => Tone::Declined,
        _ => Tone::Neutral,
    }
}

/// The index of every group that is not suppressed, side by side.
fn overview(out: &mut String, report: &Report, labels: &Labels<'_>) {
    let w = labels.words;
    let chart: Vec<Bar<'_>> = report
        .groups
        .iter()
        .filter_map(|g| {
            let stats = g.stats.as_ref()?;
            let i = &stats.index;
            let c = stats.index_comparison();
            Some(bar(
                labels.group_key(&g.key),
                (i.mean, i.ci_low, i.ci_high),
                c,
            ))
        })
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"overview\">\n<h2>{}</h2>\n{}",
        esc(w.groups_overview),
        bars(w.groups_overview, &chart)
    );
    if let Some(units_table) = overview_table(report, labels) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(w.units_note));
        table(out, &units_table);
        if has_marked(report) {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&reliability_legend(report, labels))
            );
        }
    }
    out.push_str("</section>\n");
}

/// Whether a unit of the index is below the reliability target.
fn has_marked(report: &Report) -> bool {
    report.units.as_ref().is_some_and(|u| {
        u.measures
            .iter()
            .filter(|m| m.scope == Scope::Index)
            .any(|m| m.units.iter().any(below_target))
    })
}

/// The units against each other (docs/scoring.md §10): per measure its
/// funnel plot, pooled figures and table, then what it means.
fn units(out: &mut String, report: &Report, labels: &Labels<'_>) {
    let w = labels.words;
    let Some(units) = &report.units else {
        return;
    };
    let _ = writeln!(
        out,
        "<section class=\"units\">\n<h2>{} <small>({})</small></h2>\n<p class=\"note\">{}</p>",
        esc(w.units),
        esc(labels.group_by(units.by)),
        esc(w.units_note)
    );
    let mut explained = false;
    for (i, view) in measures(units, labels).into_iter().enumerate() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(view.name));
        if view.measure.target.is_none() {
            let _ = writeln!(out, "<p>{}</p>", esc(w.too_few_units));
        }
        if let Some(svg) = funnel(view.measure, &format!("funnel-{i}"), view.name, labels) {
            let _ = writeln!(
                out,
                "<figure>\n{svg}\n<figcaption>{}\n<p class=\"note\">{}</p></figcaption>\n</figure>",
                legend(labels),
                esc(w.funnel_note)
            );
            if !explained {
                let _ = writeln!(
                    out,
                    "<div class=\"means\"><strong>{}</strong><p>{}</p></div>",
                    esc(w.what_this_means),
                    esc(w.means_funnel)
                );
                explained = true;
            }
        }
        if view.measure.target.is_some() {
            let facts: Vec<String> = view
                .facts
                .iter()
                .map(|(label, value)| format!("{} <strong>{}</strong>", esc(label), esc(value)))
                .collect();
            let _ = writeln!(out, "<p>{}</p>", facts.join(" · "));
        }
        if let Some(note) = view.dispersion {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
        }
        table(out, &view.table);
        if view.marked {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&reliability_legend(report, labels))
            );
        }
    }
    if let Some(matrix) = item_matrix(units, labels) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"note\">{}</p>",
            esc(w.items_by_unit),
            esc(w.items_by_unit_note)
        );
        table(out, &matrix);
    }
    let _ = writeln!(
        out,
        "<div class=\"means\"><strong>{}</strong>\n<p><strong>{}</strong>: {}</p>\n<p><strong>{}</strong>: {}</p></div>\n</section>",
        esc(w.what_this_means),
        esc(w.unit_verdict),
        esc(w.means_verdict),
        esc(w.reliability),
        esc(w.means_reliability)
    );
}

/// The stages' XmR charts, folded: the index's chart comes first, the
/// stages' are there for whoever looks for where a change comes from.
fn stage_control_charts(out: &mut String, spc: &[Option<SpcChart>], labels: &Labels<'_>) {
    let w = labels.words;
    let charts = stage_charts(spc, labels);
    if charts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details class=\"stage-charts\"><summary>{} — {}</summary>",
        esc(w.stages),
        esc(w.control_charts)
    );
    for (name, chart) in charts {
        let _ = writeln!(
            out,
            "<h4>{}</h4>\n{}\n{}",
            esc(name),
            xmr(chart, name, labels),
            signal_legend(chart, labels)
        );
    }
    out.push_str("</details>\n");
}

/// A group's index on its XmR chart (docs/scoring.md §11): the chart, its
/// signals named, and the months as a table.
fn control_chart(out: &mut String, chart: Option<&SpcChart>, labels: &Labels<'_>, explain: bool) {
    let w = labels.words;
    let _ = writeln!(out, "<h3>{} — {}</h3>", esc(w.control_charts), esc(w.index));
    let Some(chart) = chart else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(w.no_chart));
        return;
    };
    let facts: Vec<String> = xmr_facts(chart, labels)
        .iter()
        .map(|(label, value)| format!("{} <strong>{}</strong>", esc(label), esc(value)))
        .collect();
    let _ = writeln!(
        out,
        "<figure>\n{}\n<figcaption><p class=\"note\">{} {}</p>\n{}</figcaption>\n</figure>\n<p>{}</p>",
        xmr(chart, w.index, labels),
        esc(w.xmr_note),
        esc(reference(labels.lang, chart.reference)),
        signal_legend(chart, labels),
        facts.join(" · ")
    );
    if explain {
        let _ = writeln!(
            out,
            "<div class=\"means\"><strong>{}</strong><p>{}</p></div>",
            esc(w.what_this_means),
            esc(w.means_xmr)
        );
    }
    let _ = writeln!(out, "<details><summary>{}</summary>", esc(w.monthly_mean));
    table(out, &xmr_table(chart, labels));
    out.push_str("</details>\n");
}

fn group(
    out: &mut String,
    report: &Report,
    group: &Group,
    labels: &Labels<'_>,
    xmr_explained: &mut bool,
) {
    let w = labels.words;
    let key = esc(labels.group_key(&group.key));
    let Some(stats) = &group.stats else {
        let _ = writeln!(
            out,
            "<section class=\"group\">\n<h2>{key}</h2>\n<p>{}</p>\n</section>",
            esc(w.suppressed)
        );
        return;
    };
    let _ = writeln!(
        out,
        "<section class=\"group\">\n<h2>{key} <small>({} {})</small></h2>",
        stats.n,
        esc(w.responses)
    );
    let has_baseline = !stats.comparisons.is_empty();

    // Cards: index and NPS.
    let index = &stats.index;
    let index_change = stats.index_comparison().map_or(String::new(), |c| {
        format!(
            "<br>{} {} → {} <span class=\"{}\">({})</span>",
            esc(w.baseline_mean),
            score(c.baseline_mean),
            signed(c.diff),
            verdict_class(c.verdict),
            esc(labels.verdict(c.verdict))
        )
    });
    let adjusted_line = index.adjusted_mean.map_or(String::new(), |a| {
        format!("<br>{} {}", esc(w.adjusted), score(a))
    });
    let unit_line = index_unit(report, &group.key).map_or(String::new(), |(unit, _)| {
        let band = unit
            .band
            .map_or_else(|| esc(MISSING), |b| cell(&band_cell(Some(b), labels)));
        format!(
            "<br>{} {}<br>{} {} · {} {}",
            esc(w.unit_verdict),
            cell(&verdict_cell(unit.verdict, labels)),
            esc(w.band),
            band,
            esc(w.reliability),
            cell(&reliability_cell(unit))
        )
    });
    let nps = &stats.nps;
    let _ = writeln!(
        out,
        "<div class=\"cards\">\n<div class=\"card\"><div>{}</div><div class=\"big\">{}</div>\
         {} {} · n = {}{adjusted_line}{index_change}{unit_line}</div>\n\
         <div class=\"card\"><div>{}</div><div class=\"big\">{}</div>{} {} · {} {} · n = {}</div>\n</div>",
        esc(w.index),
        score(index.mean),
        esc(w.ci),
        interval(index.ci_low, index.ci_high),
        index.n,
        esc(w.nps),
        score(nps.score),
        esc(w.promoters),
        percent(nps.promoters),
        esc(w.detractors),
        percent(nps.detractors),
        nps.n
    );

    // Stages: chart and table.
    let _ = writeln!(out, "<h3>{}</h3>", esc(w.stages));
    let chart: Vec<Bar<'_>> = stats
        .stages
        .iter()
        .map(|s| {
            let c = stats.comparison(Scope::Stage, &s.id);
            bar(labels.stage(&s.id), (s.mean, s.ci_low, s.ci_high), c)
        })
        .collect();
    out.push_str(&bars(w.stages, &chart));
    table(out, &stage_table(stats, labels));

    // Items: chart and table.
    let _ = writeln!(out, "<h3>{}</h3>", esc(w.items));
    let chart: Vec<Bar<'_>> = stats
        .items
        .iter()
        .filter(|i| i.n > 0)
        .map(|i| {
            let c = stats.comparison(Scope::Item, &i.id);
            bar(labels.item(&i.id), (i.mean, i.ci_low, i.ci_high), c)
        })
        .collect();
    out.push_str(&bars(w.items, &chart));
    table(out, &item_table(stats, labels));

    // Items to fix first.
    let fix_first = fix_first(stats);
    if !fix_first.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"note\">{}</p>\n<ol>",
            esc(w.drivers),
            esc(w.drivers_note)
        );
        for d in fix_first {
            let _ = writeln!(
                out,
                "<li>{} — {} {}, {} {}</li>",
                esc(labels.item(d.id)),
                esc(w.r),
                coefficient(d.r),
                esc(w.mean),
                score(d.mean)
            );
        }
        out.push_str("</ol>\n");
    }

    // Significant changes.
    if has_baseline {
        let _ = writeln!(out, "<h3>{}</h3>", esc(w.changes));
        let significant = significant_changes(stats, labels);
        if significant.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(w.no_significant_change));
        } else {
            out.push_str("<ul>\n");
            for (name, c) in significant {
                let _ = writeln!(
                    out,
                    "<li>{}: {} → {} <span class=\"{}\">{} {}</span> (q {})</li>",
                    esc(name),
                    score(c.baseline_mean),
                    score(c.current_mean),
                    verdict_class(c.verdict),
                    esc(labels.verdict(c.verdict)),
                    signed(c.diff),
                    esc(&p_value(c.q))
                );
            }
            out.push_str("</ul>\n");
        }
    }
    if let Some(chart) = index_chart(&stats.spc) {
        control_chart(out, chart, labels, chart.is_some() && !*xmr_explained);
        *xmr_explained |= chart.is_some();
        stage_control_charts(out, &stats.spc, labels);
    }
    out.push_str("</section>\n");
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Improved => "improved",
        Verdict::Declined => "declined",
        Verdict::NoChange => "no-change",
        Verdict::Insufficient => "insufficient",
    }
}

/// A cell as HTML: everything escaped, item ids as code, verdicts coloured.
fn cell(cell: &Cell<'_>) -> String {
    match cell {
        Cell::Plain(s) => esc(s),
        Cell::Text(text) => esc(text),
        Cell::Item { text, id } => format!("{}<br><code>{}</code>", esc(text), esc(id)),
        Cell::Verdict(verdict, label) => format!(
            "<span class=\"{}\">{}</span>",
            verdict_class(*verdict),
            esc(label)
        ),
        Cell::Classed(class, text) => format!("<span class=\"{class}\">{}</span>", esc(text)),
    }
}

fn table(out: &mut String, table: &Table<'_>) {
    table_start(out, &table.head);
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(cell).collect();
        table_row(out, &cells);
    }
    out.push_str("</tbody></table></div>\n");
}

fn table_start(out: &mut String, head: &[&str]) {
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
}

/// A row of cells that are already escaped HTML.
fn table_row(out: &mut String, cells: &[String]) {
    out.push_str("<tr>");
    for c in cells {
        let _ = write!(out, "<td>{c}</td>");
    }
    out.push_str("</tr>\n");
}
