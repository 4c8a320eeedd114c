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
mod unit_tables;
mod xmr_chart;

use anyhow::Result;
use scoring::instrument::Instrument;
use scoring::report::{to_canonical_json, Report};

use scoring::lang::Lang;

use crate::args::ReportFormat;
use labels::Labels;

pub(crate) fn render(
    format: ReportFormat,
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> Result<String> {
    Ok(match format {
        ReportFormat::Json => to_canonical_json(report),
        ReportFormat::Csv => csv_table::render(report)?,
        ReportFormat::Md => markdown::render(report, &Labels::new(instrument, lang)),
        ReportFormat::Html => html::render(report, &Labels::new(instrument, lang)),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_units;
