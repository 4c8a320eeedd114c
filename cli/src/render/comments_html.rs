//! The comment analysis as one self-contained, printable HTML page:
//! per group, the themes under their care stage with a praise / complaint
//! bar, the share of comments and the change since the baseline; then the
//! masked quotes behind each theme (docs/formats.md §8). No script, no
//! external asset; every text from the data is escaped.

use std::fmt::Write;

use scoring::comments::{
    top_complaints, CareStage, CommentGroup, CommentReport, ResponseComment, Sentiment, Taxonomy,
    ThemeCounts,
};
use scoring::instrument::STAGE_IDS;
use scoring::present::comment_words::{sentiment, CommentWords};
use scoring::present::numbers::{count, p_value, percent, points};

use super::comments_markdown::summary;
use super::escape::html as esc;
use super::labels::Labels;

/// Quotes shown per theme; the JSON has them all.
const QUOTES_PER_THEME: usize = 12;

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
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .4rem; text-align: right; vertical-align: middle; }
th:first-child, td:first-child { text-align: left; }
th { background: #f6f8fa; }
table.themes { table-layout: fixed; }
table.themes th:first-child { width: 11rem; }
table.themes th:nth-child(2), table.themes td:nth-child(2) { text-align: left; width: 13rem; }
.bar { display: flex; width: 12rem; height: .9rem; background: #eaeef2; border-radius: 2px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.pos { background: #1a7f37; } .neg { background: #c53030; } .mix { background: #bf8700; } .neu { background: #8c959f; }
.legend { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; }
ul.quotes { list-style: none; padding-left: 0; }
ul.quotes li { border-left: 4px solid #d0d7de; padding: .2rem .6rem; margin: .4rem 0; white-space: pre-line; }
ul.quotes li.negative { border-left-color: #c53030; }
ul.quotes li.positive { border-left-color: #1a7f37; }
ul.quotes li.mixed { border-left-color: #bf8700; }
.meta { color: #57606a; font-size: .8rem; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } tr { break-inside: avoid; } }
"#;

pub(crate) fn render(document: &CommentReport, taxonomy: &Taxonomy, labels: &Labels<'_>) -> String {
    let cw = CommentWords::of(labels.lang);
    let lang_tag = labels.lang.tag();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang_tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<dl class=\"summary\">\n",
        esc(cw.title),
        esc(cw.title)
    );
    for (k, v) in summary(document, labels) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(&k), esc(&v));
    }
    let _ = writeln!(
        out,
        "</dl>\n<p class=\"note\">{} {}</p>",
        esc(cw.masking_note),
        esc(cw.few_mentions)
    );
    legend(&mut out, labels);
    for group in &document.groups {
        group_section(&mut out, group, taxonomy, labels);
    }
    quotes(&mut out, document, taxonomy, labels);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn legend(out: &mut String, labels: &Labels<'_>) {
    out.push_str("<p class=\"legend\">");
    for (s, class) in [
        (Sentiment::Positive, "pos"),
        (Sentiment::Negative, "neg"),
        (Sentiment::Mixed, "mix"),
        (Sentiment::Neutral, "neu"),
    ] {
        let _ = write!(
            out,
            "<span><span class=\"swatch {class}\"></span>{}</span>",
            esc(sentiment(labels.lang, s))
        );
    }
    out.push_str("</p>\n");
}

fn bar(t: &ThemeCounts, labels: &Labels<'_>) -> String {
    if t.mentions == 0 {
        return String::new();
    }
    let parts = [
        (t.positive, "pos", Sentiment::Positive),
        (t.negative, "neg", Sentiment::Negative),
        (t.mixed, "mix", Sentiment::Mixed),
        (t.neutral, "neu", Sentiment::Neutral),
    ];
    let label: Vec<String> = parts
        .iter()
        .map(|&(n, _, s)| format!("{} {n}", sentiment(labels.lang, s)))
        .collect();
    let mut html = format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{}\">",
        esc(&label.join(", "))
    );
    for (n, class, _) in parts {
        if n > 0 {
            let width = 100.0 * n as f64 / t.mentions as f64;
            let _ = write!(
                html,
                "<span class=\"{class}\" style=\"width:{width:.1}%\"></span>"
            );
        }
    }
    html.push_str("</div>");
    html
}

fn group_section(out: &mut String, group: &CommentGroup, taxonomy: &Taxonomy, labels: &Labels<'_>) {
    let (w, cw, lang) = (labels.words, CommentWords::of(labels.lang), labels.lang);
    let _ = writeln!(
        out,
        "<section class=\"group\">\n<h2>{}</h2>",
        esc(labels.group_key(&group.key))
    );
    let Some(counts) = &group.counts else {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(w.suppressed));
        return;
    };
    let _ = writeln!(
        out,
        "<p>{}</p>",
        esc(&cw.counts(&count(counts.n_comments), &count(counts.n)))
    );
    let top: Vec<String> = top_complaints(counts, None, 3)
        .iter()
        .filter_map(|t| taxonomy.themes().iter().find(|x| x.id == t.id))
        .map(|t| t.name(lang).to_owned())
        .collect();
    let _ = writeln!(
        out,
        "<p><strong>{}</strong>: {}</p>",
        esc(cw.top_complaints),
        esc(&if top.is_empty() {
            cw.none_found.to_owned()
        } else {
            top.join("、")
        })
    );
    for stage_id in STAGE_IDS {
        let rows: Vec<(&ThemeCounts, &str)> = counts
            .themes
            .iter()
            .zip(taxonomy.themes())
            .filter(|(t, _)| t.stage.as_str() == stage_id)
            .map(|(t, theme)| (t, theme.name(lang)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"themes\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{} / {}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            esc(labels.stage(stage_id)),
            esc(cw.theme),
            esc(sentiment(lang, Sentiment::Positive)),
            esc(sentiment(lang, Sentiment::Negative)),
            esc(cw.mentions),
            esc(cw.share),
            esc(cw.complaint_change),
            esc(cw.p)
        );
        for (t, name) in rows {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(name),
                bar(t, labels),
                t.mentions,
                percent(t.share),
                points(t.negative_share_diff),
                p_value(t.p)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// The quotes behind each theme, complaints first, at most
/// [`QUOTES_PER_THEME`] each, in export order.
fn quotes(out: &mut String, document: &CommentReport, taxonomy: &Taxonomy, labels: &Labels<'_>) {
    let cw = CommentWords::of(labels.lang);
    let _ = writeln!(
        out,
        "<section class=\"quotes\">\n<h2>{}</h2>",
        esc(cw.quotes)
    );
    if document.responses.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(cw.no_quotes));
    }
    for theme in taxonomy.themes() {
        let mut behind: Vec<(&ResponseComment, Sentiment)> = document
            .responses
            .iter()
            .filter_map(|r| {
                r.themes
                    .iter()
                    .find(|t| t.id == theme.id)
                    .map(|t| (r, t.sentiment))
            })
            .collect();
        if behind.is_empty() {
            continue;
        }
        let total = behind.len();
        let rank = |s: Sentiment| match s {
            Sentiment::Negative => 0,
            Sentiment::Mixed => 1,
            Sentiment::Positive => 2,
            Sentiment::Neutral => 3,
        };
        behind.sort_by_key(|&(_, s)| rank(s));
        let _ = writeln!(
            out,
            "<h3>{} <span class=\"meta\">({}, {})</span></h3>\n<ul class=\"quotes\">",
            esc(theme.name(labels.lang)),
            esc(labels.stage(stage_id(theme.stage))),
            count(total as u64)
        );
        for (r, s) in behind.iter().take(QUOTES_PER_THEME) {
            let date = r.submitted_at.get(..10).unwrap_or(&r.submitted_at);
            let _ = writeln!(
                out,
                "<li class=\"{}\">{}<br><span class=\"meta\">{} · {} {} · {}</span></li>",
                s.as_str(),
                esc(&r.masked_comment),
                esc(sentiment(labels.lang, *s)),
                esc(&r.hospital),
                esc(&r.department),
                esc(date)
            );
        }
        out.push_str("</ul>\n");
        if total > QUOTES_PER_THEME {
            let _ = writeln!(
                out,
                "<p class=\"note\">… {}</p>",
                count((total - QUOTES_PER_THEME) as u64)
            );
        }
    }
    out.push_str("</section>\n");
}

fn stage_id(stage: CareStage) -> &'static str {
    stage.as_str()
}
