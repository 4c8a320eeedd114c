//! The comment analysis's theme table for a spreadsheet: a row per group
//! and theme, the numbers of docs/formats.md §8 unformatted
//! (`scoring::present::cells::number`), UTF-8 with a byte-order mark like
//! every CSV of the product. The quotes are in the JSON and HTML only.

use anyhow::{Context, Result};
use scoring::comments::CommentReport;
use scoring::present::cells::number;

const COLUMNS: [&str; 15] = [
    "group",
    "suppressed",
    "n",
    "n_comments",
    "theme",
    "stage",
    "mentions",
    "positive",
    "negative",
    "mixed",
    "neutral",
    "share",
    "negative_share_diff",
    "z",
    "p",
];

pub(crate) fn render(document: &CommentReport) -> Result<String> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    csv.write_record(COLUMNS)?;
    for group in &document.groups {
        let Some(counts) = &group.counts else {
            let mut row = vec![group.key.clone(), "true".to_owned()];
            row.resize(COLUMNS.len(), String::new());
            csv.write_record(&row)?;
            continue;
        };
        for t in &counts.themes {
            csv.write_record([
                group.key.clone(),
                "false".to_owned(),
                counts.n.to_string(),
                counts.n_comments.to_string(),
                t.id.clone(),
                t.stage.as_str().to_owned(),
                t.mentions.to_string(),
                t.positive.to_string(),
                t.negative.to_string(),
                t.mixed.to_string(),
                t.neutral.to_string(),
                number(t.share),
                number(t.negative_share_diff),
                number(t.z),
                number(t.p),
            ])?;
        }
    }
    let bytes = csv.into_inner().map_err(|e| e.into_error())?;
    let text = String::from_utf8(bytes).context("the comment table is not UTF-8")?;
    Ok(format!("\u{feff}{text}"))
}
