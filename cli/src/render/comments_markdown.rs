//! The comment analysis in Markdown: per group, the themes by care stage
//! with their praise and complaint counts, share of comments and change
//! of the complaint share since the baseline (docs/scoring.md §17).
//! Quotes are left to the JSON and HTML.

use std::fmt::Write;

use scoring::comments::{top_complaints, CommentGroup, CommentReport, Sentiment, Taxonomy};
use scoring::present::comment_words::{sentiment, CommentWords};
use scoring::present::numbers::{count, p_value, percent, points};

use super::escape::markdown as esc;
use super::labels::Labels;

/// The header lines of every format for people: method, period, baseline.
pub(crate) fn summary(document: &CommentReport, labels: &Labels<'_>) -> Vec<(String, String)> {
    let w = labels.words;
    let o = &document.options;
    let mut lines = vec![
        (
            CommentWords::of(labels.lang).method.to_owned(),
            format!(
                "{} v{}",
                document.comment_method.taxonomy, document.comment_method.version
            ),
        ),
        (w.period.to_owned(), o.period.clone()),
        (
            w.baseline.to_owned(),
            o.baseline.clone().unwrap_or_else(|| w.none.to_owned()),
        ),
        (w.suppression.to_owned(), o.suppress_below.to_string()),
    ];
    if let Some(by) = o.group_by {
        lines.push((
            w.grouped_by.to_owned(),
            scoring::present::words::group_by(labels.lang, by).to_owned(),
        ));
    }
    lines
}

pub(crate) fn render(document: &CommentReport, taxonomy: &Taxonomy, labels: &Labels<'_>) -> String {
    let cw = CommentWords::of(labels.lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cw.title);
    for (k, v) in summary(document, labels) {
        let _ = writeln!(out, "- **{}**: {}", esc(&k), esc(&v));
    }
    let _ = writeln!(out, "\n{} {}\n", cw.masking_note, cw.few_mentions);
    for group in &document.groups {
        group_section(&mut out, group, taxonomy, labels);
    }
    out
}

fn group_section(out: &mut String, group: &CommentGroup, taxonomy: &Taxonomy, labels: &Labels<'_>) {
    let (w, cw, lang) = (labels.words, CommentWords::of(labels.lang), labels.lang);
    let _ = writeln!(out, "## {}\n", esc(labels.group_key(&group.key)));
    let Some(counts) = &group.counts else {
        let _ = writeln!(out, "{}\n", w.suppressed);
        return;
    };
    let _ = writeln!(
        out,
        "{}\n",
        cw.counts(&count(counts.n_comments), &count(counts.n))
    );
    let top: Vec<String> = top_complaints(counts, None, 3)
        .iter()
        .filter_map(|t| taxonomy.themes().iter().find(|x| x.id == t.id))
        .map(|t| t.name(lang).to_owned())
        .collect();
    let _ = writeln!(
        out,
        "**{}**: {}\n",
        cw.top_complaints,
        if top.is_empty() {
            cw.none_found.to_owned()
        } else {
            esc(&top.join("、"))
        }
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        cw.stage,
        cw.theme,
        cw.mentions,
        sentiment(lang, Sentiment::Positive),
        sentiment(lang, Sentiment::Negative),
        sentiment(lang, Sentiment::Mixed),
        sentiment(lang, Sentiment::Neutral),
        cw.share,
        cw.complaint_change,
        cw.p
    );
    let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (t, theme) in counts.themes.iter().zip(taxonomy.themes()) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            esc(labels.stage(t.stage.as_str())),
            esc(theme.name(lang)),
            t.mentions,
            t.positive,
            t.negative,
            t.mixed,
            t.neutral,
            percent(t.share),
            points(t.negative_share_diff),
            p_value(t.p)
        );
    }
    out.push('\n');
}
