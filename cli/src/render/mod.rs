//! Report renderers: the canonical JSON, a flat CSV table, Markdown and a
//! self-contained printable HTML page. Only JSON is the contract
//! (docs/formats.md §4); the others present the same numbers for people.

mod chart;
mod comments_csv;
mod comments_html;
mod comments_markdown;
mod csv_table;
mod escape;
mod funnel_chart;
mod group_tables;
mod html;
mod labels;
mod markdown;
mod plot_frame;
mod registry_names;
mod unit_tables;
mod xmr_chart;

use anyhow::Result;
use scoring::comments::{comments_to_json, CommentReport, Taxonomy};
use scoring::instrument::Instrument;
use scoring::report::{to_canonical_json, Report};

use scoring::lang::Lang;

use crate::args::ReportFormat;
use crate::registry::Registry;
use labels::Labels;

/// The report in `format`. The md and html reports name hospitals and
/// departments from `registry` when one is given; JSON and CSV carry the
/// codes, the contract (docs/formats.md §4).
pub(crate) fn render(
    format: ReportFormat,
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
    registry: Option<&Registry>,
) -> Result<String> {
    let labels = || {
        let labels = Labels::new(instrument, lang);
        match registry {
            Some(registry) => labels.with_registry(registry, report),
            None => labels,
        }
    };
    Ok(match format {
        ReportFormat::Json => to_canonical_json(report),
        ReportFormat::Csv => csv_table::render(report)?,
        ReportFormat::Md => markdown::render(report, &labels()),
        ReportFormat::Html => html::render(report, &labels()),
    })
}

/// The comment analysis (docs/formats.md §8) in `format`: JSON is the
/// contract, the same bytes as the dashboard's; CSV is its theme table;
/// md and html present it for people, html with the masked quotes behind
/// each theme.
pub(crate) fn render_comments(
    format: ReportFormat,
    document: &CommentReport,
    taxonomy: &Taxonomy,
    instrument: &Instrument,
    lang: Lang,
) -> Result<String> {
    let labels = Labels::new(instrument, lang);
    Ok(match format {
        ReportFormat::Json => comments_to_json(document),
        ReportFormat::Csv => comments_csv::render(document)?,
        ReportFormat::Md => comments_markdown::render(document, taxonomy, &labels),
        ReportFormat::Html => comments_html::render(document, taxonomy, &labels),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_units;
