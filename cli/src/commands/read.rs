//! Streaming a response file through validation into a tally.

use std::num::NonZeroUsize;

use anyhow::{anyhow, Context, Result};
use scoring::input::{read_rows, Record, RecordError};
use scoring::instrument::Instrument;
use scoring::report::Filters;
use scoring::tally::{Tally, TallyBuilder};

use crate::args::{FilterArgs, InputFile};
use crate::files::open_input;
use crate::parallel_tally::{tally_in_parallel, Stopped, Tallied};
use crate::progress::Progress;

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

/// Reads `file` record by record (constant memory) into a tally, on
/// `threads` threads (default: one per core). Every invalid record is
/// listed on stderr, in file order; unless `skip_invalid`, any makes this
/// fail after the whole file has been checked.
pub(crate) fn tally_file(
    file: &InputFile,
    instrument: &Instrument,
    filters: Filters,
    skip_invalid: bool,
    threads: Option<NonZeroUsize>,
) -> Result<Counted> {
    let progress = Progress::bytes();
    let mut input = open_input(&file.input, file.format.map(Into::into), &progress)?;
    let name = file.input.display();
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut report = |errors: &[RecordError]| {
        for e in errors {
            progress.println(&e.to_string());
        }
    };
    let read = if threads > 1 {
        tally_in_parallel(
            &mut input.reader,
            input.format,
            instrument,
            &filters,
            threads,
            &mut report,
        )
    } else {
        tally_in_sequence(
            &mut input.reader,
            input.format,
            instrument,
            filters,
            &mut report,
        )
    };
    progress.finish();
    let Tallied { tally, invalid } = match read {
        Ok(tallied) => tallied,
        Err(Stopped::Unreadable(errors)) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(anyhow!("{name} cannot be read:\n{}", list.join("\n")));
        }
        Err(Stopped::Failed(e)) => return Err(e),
    };
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

/// The same on the calling thread alone.
fn tally_in_sequence(
    reader: &mut dyn std::io::Read,
    format: scoring::input::InputFormat,
    instrument: &Instrument,
    filters: Filters,
    report: &mut dyn FnMut(&[RecordError]),
) -> Result<Tallied, Stopped> {
    let mut tally = TallyBuilder::new(
        Tally::with_filters(instrument, filters).context("cannot score this instrument")?,
    );
    let mut invalid = 0;
    let mut rows = read_rows(reader, instrument, format);
    while let Some(record) = rows.next_record() {
        match record {
            Record::Valid(valid) => {
                tally
                    .add_row(&valid.row)
                    .with_context(|| format!("could not count response {}", valid.id))?;
            }
            Record::Invalid(errors) => {
                invalid += 1;
                report(&errors);
            }
            Record::Unreadable(errors) => return Err(Stopped::Unreadable(errors)),
        }
    }
    let tally = tally.finish().context("could not count the responses")?;
    Ok(Tallied { tally, invalid })
}

pub(crate) fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
