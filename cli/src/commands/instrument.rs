//! `tiyan instrument`: print the default instrument, or check one.

use anyhow::Result;
use scoring::instrument::DEFAULT_INSTRUMENT_JSON;

use crate::args::InstrumentArgs;
use crate::files::{parse_instrument, read_text, write_output};

pub(crate) fn run(args: &InstrumentArgs) -> Result<()> {
    match &args.check {
        None => write_output(None, DEFAULT_INSTRUMENT_JSON.as_bytes()),
        Some(path) => {
            let instrument = parse_instrument(&read_text(path)?)
                .map_err(|e| e.context(format!("{} is not a usable instrument", path.display())))?;
            let items = instrument.items().count();
            println!(
                "{}: instrument {} version {} is valid ({} stages, {items} items)",
                path.display(),
                instrument.id,
                instrument.version,
                instrument.stages.len()
            );
            Ok(())
        }
    }
}
