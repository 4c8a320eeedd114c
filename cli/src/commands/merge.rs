//! `tiyan merge`: add tally files together.

use anyhow::{Context, Result};
use scoring::instrument::Instrument;
use scoring::tally::Tally;

use crate::args::MergeArgs;
use crate::files::{load_instrument, read_text, write_output};

pub(crate) fn run(args: &MergeArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    let mut paths = args.tallies.iter();
    let mut merged = match paths.next() {
        Some(first) => read_tally(&instrument, first)?,
        None => Tally::new(&instrument).context("cannot score this instrument")?,
    };
    for path in paths {
        let tally = read_tally(&instrument, path)?;
        merged
            .merge(&tally)
            .with_context(|| format!("could not merge {}", path.display()))?;
    }
    let mut json = merged.to_json();
    json.push('\n');
    write_output(args.output.as_ref(), json.as_bytes())
}

pub(crate) fn read_tally(instrument: &Instrument, path: &std::path::Path) -> Result<Tally> {
    let text = read_text(path)?;
    Tally::from_json(instrument, text.trim_end()).with_context(|| {
        format!(
            "could not read {} as a tally of {} version {}",
            path.display(),
            instrument.id,
            instrument.version
        )
    })
}
