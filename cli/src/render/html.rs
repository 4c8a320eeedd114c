//! The report as one self-contained, printable HTML page: inline CSS,
//! inline SVG charts, no script and no external asset; every text from the
//! data is escaped.

use std::fmt::Write;

use scoring::report::{Comparison, Group, Report, Scope, Verdict};

use super::chart::{bars, Bar, Tone};
use super::escape::html as esc;
use super::group_tables::{item_table, significant_changes, stage_table, Cell, Table};
use super::labels::Labels;
use super::markdown::summary;
use scoring::present::drivers::fix_first;
use scoring::present::numbers::{coefficient, interval, p_value, percent, score, signed};

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
    for group in &report.groups {
        self::group(&mut out, group, labels);
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
        "<section class=\"overview\">\n<h2>{}</h2>\n{}\n</section>",
        esc(w.groups_overview),
        bars(w.groups_overview, &chart)
    );
}

fn group(out: &mut String, group: &Group, labels: &Labels<'_>) {
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
    let nps = &stats.nps;
    let _ = writeln!(
        out,
        "<div class=\"cards\">\n<div class=\"card\"><div>{}</div><div class=\"big\">{}</div>\
         {} {} · n = {}{adjusted_line}{index_change}</div>\n\
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
