//! The report as Markdown: a summary, then per group the index, NPS,
//! stages, items, the items to fix first and the significant changes.

use std::fmt::Write;

use scoring::report::{Comparison, Group, GroupStats, Quadrant, Report, Scope, Verdict};

use super::escape::markdown as md;
use super::labels::Labels;
use super::numbers::{coefficient, diff, interval, p_value, percent, score, MISSING};

pub(crate) fn render(report: &Report, labels: &Labels<'_>) -> String {
    let w = labels.words;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {}\n", w.title);
    for (label, value) in summary(report, labels) {
        let _ = writeln!(out, "- **{label}**: {}", md(&value));
    }
    let _ = writeln!(out, "\n{}", w.scale_note);
    for group in &report.groups {
        self::group(&mut out, group, labels);
    }
    out
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
    let f = &o.filters;
    let filters: Vec<String> = [
        f.hospital.clone(),
        f.department.clone(),
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

fn comparison<'r>(stats: &'r GroupStats, scope: Scope, id: &str) -> Option<&'r Comparison> {
    stats
        .comparisons
        .iter()
        .find(|c| c.scope == scope && c.id == id)
}

fn group(out: &mut String, group: &Group, labels: &Labels<'_>) {
    let w = labels.words;
    let key = md(labels.group_key(&group.key));
    let Some(stats) = &group.stats else {
        let _ = writeln!(out, "\n## {key}\n\n{}", w.suppressed);
        return;
    };
    let _ = writeln!(out, "\n## {key} ({} {})\n", stats.n, w.responses);
    let has_baseline = !stats.comparisons.is_empty();
    let adjusted = stats.index.adjusted_mean.is_some();

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
    if let Some(c) = comparison(stats, Scope::Index, "index") {
        let _ = write!(
            out,
            "; {} {} → {} ({})",
            w.change,
            score(c.baseline_mean),
            diff(c.diff),
            labels.verdict(c.verdict)
        );
    }
    let nps = &stats.nps;
    let _ = writeln!(
        out,
        "\n- **{}**: {} ({} {}, {} {}, n = {})",
        w.nps,
        nps.score
            .map_or_else(|| MISSING.to_owned(), |s| format!("{s:.1}")),
        w.promoters,
        percent(nps.promoters),
        w.detractors,
        percent(nps.detractors),
        nps.n
    );

    // Stages.
    let _ = writeln!(out, "\n### {}\n", w.stages);
    let mut head = vec![w.stage, w.n, w.mean, w.ci, w.alpha];
    if adjusted {
        head.push(w.adjusted);
    }
    if has_baseline {
        head.extend([w.baseline_mean, w.change, w.change_ci, w.q, w.verdict]);
    }
    table_head(out, &head);
    for stage in &stats.stages {
        let mut row = vec![
            md(labels.stage(&stage.id)),
            stage.n.to_string(),
            score(stage.mean),
            interval(stage.ci_low, stage.ci_high),
            coefficient(stage.alpha),
        ];
        if adjusted {
            row.push(score(stage.adjusted_mean.flatten()));
        }
        if has_baseline {
            row.extend(comparison_cells(
                comparison(stats, Scope::Stage, &stage.id),
                labels,
            ));
        }
        table_row(out, &row);
    }

    // Items.
    let _ = writeln!(out, "\n### {}\n", w.items);
    let mut head = vec![
        w.item,
        w.n,
        w.n_na,
        w.mean,
        w.ci,
        w.top_box,
        w.satisfied,
        w.driver,
    ];
    if adjusted {
        head.push(w.adjusted);
    }
    if has_baseline {
        head.extend([w.baseline_mean, w.change, w.change_ci, w.q, w.verdict]);
    }
    table_head(out, &head);
    for item in &stats.items {
        let mut row = vec![
            format!(
                "{} `{}`",
                md(labels.item(&item.id)),
                item.id.replace('`', "'")
            ),
            item.n.to_string(),
            item.n_na.to_string(),
            score(item.mean),
            interval(item.ci_low, item.ci_high),
            percent(item.top_box),
            percent(item.satisfied),
            quadrant_cell(stats, &item.id, labels),
        ];
        if adjusted {
            row.push(score(item.adjusted_mean.flatten()));
        }
        if has_baseline {
            row.extend(comparison_cells(
                comparison(stats, Scope::Item, &item.id),
                labels,
            ));
        }
        table_row(out, &row);
    }

    // Drivers to fix first, most important first.
    let mut fix_first: Vec<_> = stats
        .drivers
        .iter()
        .filter(|d| d.quadrant == Some(Quadrant::FixFirst))
        .collect();
    fix_first.sort_by(|a, b| b.r.unwrap_or(0.0).total_cmp(&a.r.unwrap_or(0.0)));
    if !fix_first.is_empty() {
        let _ = writeln!(out, "\n### {}\n\n{}\n", w.drivers, w.drivers_note);
        for d in fix_first {
            let mean = stats
                .items
                .iter()
                .find(|i| i.id == d.id)
                .and_then(|i| i.mean);
            let _ = writeln!(
                out,
                "- {} — {} {}, {} {}",
                md(labels.item(&d.id)),
                w.r,
                coefficient(d.r),
                w.mean,
                score(mean)
            );
        }
    }

    // Significant changes.
    if has_baseline {
        let _ = writeln!(out, "\n### {}\n", w.changes);
        let significant: Vec<&Comparison> = stats
            .comparisons
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Improved | Verdict::Declined))
            .collect();
        if significant.is_empty() {
            let _ = writeln!(out, "{}", w.no_significant_change);
        }
        for c in significant {
            let name = match c.scope {
                Scope::Index => w.index,
                Scope::Stage => labels.stage(&c.id),
                Scope::Item => labels.item(&c.id),
            };
            let _ = writeln!(
                out,
                "- {}: {} → {} ({} {}, q {})",
                md(name),
                score(c.baseline_mean),
                score(c.current_mean),
                labels.verdict(c.verdict),
                diff(c.diff),
                p_value(c.q)
            );
        }
    }
}

/// The key-driver quadrant of an item (scoring.md §4), if it has one.
fn quadrant_cell(stats: &GroupStats, id: &str, labels: &Labels<'_>) -> String {
    stats
        .drivers
        .iter()
        .find(|d| d.id == id)
        .and_then(|d| d.quadrant)
        .map_or_else(|| MISSING.to_owned(), |q| labels.quadrant(q).to_owned())
}

fn comparison_cells(c: Option<&Comparison>, labels: &Labels<'_>) -> Vec<String> {
    match c {
        None => vec![MISSING.to_owned(); 5],
        Some(c) => vec![
            score(c.baseline_mean),
            diff(c.diff),
            interval(c.ci_low, c.ci_high),
            p_value(c.q),
            labels.verdict(c.verdict).to_owned(),
        ],
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
