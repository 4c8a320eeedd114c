//! `tiyan tally`: count a response file into a tally file.

use anyhow::Result;

use super::read::{filters, tally_file};
use crate::args::TallyArgs;
use crate::files::{load_instrument, write_output};

pub(crate) fn run(args: &TallyArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    let counted = tally_file(
        &args.input,
        &instrument,
        filters(&args.filters),
        args.skip_invalid,
        args.threads,
    )?;
    let mut json = counted.tally.to_json();
    json.push('\n');
    write_output(args.output.as_ref(), json.as_bytes())
}
