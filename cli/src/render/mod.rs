//! Report renderers: the canonical JSON, a flat CSV table, Markdown and a
//! self-contained printable HTML page. Only JSON is the contract
//! (docs/formats.md §4); the others present the same numbers for people.

mod chart;
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

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_units;
