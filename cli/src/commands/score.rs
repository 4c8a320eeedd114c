//! `tiyan score`: responses or a tally in, a report out.

use anyhow::{Context, Result};
use scoring::report::{score, ScoreError, ScoreOptions};

use super::merge::read_tally;
use super::read::{filters, tally_file};
use crate::args::{InputFile, ScoreArgs};
use crate::failure::usage;
use crate::files::{load_instrument, write_output};
use crate::registry::Registry;
use crate::render::render;

pub(crate) fn run(args: &ScoreArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    // Read first: a bad registry file fails before minutes of tallying.
    let registry = args.registry.as_deref().map(Registry::load).transpose()?;
    let (tally, skipped) = match (&args.input, &args.tally) {
        (Some(input), None) => {
            let file = InputFile {
                input: input.clone(),
                format: args.input_format,
            };
            let counted = tally_file(
                &file,
                &instrument,
                filters(&args.filters),
                args.skip_invalid,
                args.threads,
            )?;
            (counted.tally, counted.skipped)
        }
        (None, Some(path)) => {
            if filters(&args.filters) != Default::default() {
                return Err(usage(
                    "--hospital, --department, --visit-type and --channel apply when reading \
                     responses; a tally keeps the filters it was made with",
                ));
            }
            (read_tally(&instrument, path)?, 0)
        }
        _ => return Err(usage("give either --input FILE or --tally FILE")),
    };
    let options = ScoreOptions {
        current: args.period,
        baseline: args.baseline,
        group_by: args.group_by,
        case_mix: args.case_mix,
        suppress_below: args.suppress_below,
        min_compare: args.min_compare,
        min_difference: args.min_difference,
        target_reliability: args.target_reliability,
    };
    let mut report = match score(&instrument, &tally, &options) {
        Ok(report) => report,
        Err(e @ (ScoreError::OverlappingPeriods { .. } | ScoreError::BadOption { .. })) => {
            return Err(usage(e.to_string()))
        }
        Err(e) => return Err(e).context("could not score"),
    };
    report.skipped_invalid = skipped;
    let text = render(
        args.format,
        &report,
        &instrument,
        args.lang,
        registry.as_ref(),
    )?;
    write_output(args.output.as_ref(), text.as_bytes())
}
