//! Streaming a response file through validation into a tally.

use anyhow::{anyhow, Context, Result};
use scoring::input::read_responses;
use scoring::instrument::Instrument;
use scoring::report::Filters;
use scoring::tally::Tally;

use crate::args::{FilterArgs, InputFile};
use crate::files::open_input;
use crate::progress::Progress;
use crate::records::{Record, Records};

/// What reading a file gave.
pub(crate) struct Counted {
    pub(crate) tally: Tally,
    /// Invalid records left out (only with `skip_invalid`).
    pub(crate) skipped: u64,
}

pub(crate) fn filters(args: &FilterArgs) -> Filters {
    Filters {
        hospital: args.hospital.clone(),
        department: args.department.clone(),
        visit_type: args.visit_type,
        channel: args.channel,
    }
}

/// Reads `file` record by record (constant memory) into a tally. Every
/// invalid record is listed on stderr; unless `skip_invalid`, any makes
/// this fail after the whole file has been checked.
pub(crate) fn tally_file(
    file: &InputFile,
    instrument: &Instrument,
    filters: Filters,
    skip_invalid: bool,
) -> Result<Counted> {
    let mut tally =
        Tally::with_filters(instrument, filters).context("cannot score this instrument")?;
    let progress = Progress::bytes();
    let input = open_input(&file.input, file.format.map(Into::into), &progress)?;
    let name = file.input.display();
    let mut invalid = 0u64;
    for record in Records::new(read_responses(input.reader, instrument, input.format)) {
        match record {
            Record::Valid { response, .. } => {
                tally
                    .add(&response)
                    .with_context(|| format!("could not count response {}", response.id))?;
            }
            Record::Invalid(errors) => {
                invalid += 1;
                for e in errors {
                    progress.println(&e.to_string());
                }
            }
            Record::Unreadable(errors) => {
                progress.finish();
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                return Err(anyhow!("{name} cannot be read:\n{}", list.join("\n")));
            }
        }
    }
    progress.finish();
    if invalid > 0 && !skip_invalid {
        return Err(anyhow!(
            "{name} has {invalid} invalid record{}; fix {}, or pass --skip-invalid to leave {} out",
            plural(invalid),
            if invalid == 1 { "it" } else { "them" },
            if invalid == 1 { "it" } else { "them" },
        ));
    }
    Ok(Counted {
        tally,
        skipped: invalid,
    })
}

pub(crate) fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
