//! `tiyan comments`: responses in, the comment analysis out
//! (docs/formats.md §8, docs/scoring.md §14–§17). The file is read on
//! every core like `tiyan score`'s; each thread analyses its pieces'
//! comments into its own counts, which merge exactly.

use std::num::NonZeroUsize;

use anyhow::{anyhow, Context, Result};
use scoring::comments::{CommentOptions, CommentTally, Taxonomy};
use scoring::input::{RecordError, ValidRecord};

use super::read::{filters, plural};
use crate::args::CommentsArgs;
use crate::failure::usage;
use crate::files::{load_instrument, open_input, write_output};
use crate::parallel_tally::{count_in_parallel, Counter, Stopped};
use crate::progress::Progress;
use crate::render::render_comments;

/// One thread's counts.
struct CommentCounter<'t> {
    taxonomy: &'t Taxonomy,
    tally: CommentTally,
}

impl Counter for CommentCounter<'_> {
    fn count(&mut self, record: &ValidRecord<'_>) -> Result<(), String> {
        self.tally
            .add(self.taxonomy, &record.row, record.id, record.comment)
            .map_err(|e| format!("response {}: submitted_at: {e}", record.id))
    }
}

pub(crate) fn run(args: &CommentsArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    if let Some(baseline) = args.baseline {
        if baseline.overlaps(&args.period) {
            return Err(usage(format!(
                "the baseline {baseline} overlaps the current period {}",
                args.period
            )));
        }
    }
    let taxonomy = Taxonomy::campaign_v1().context("the comment lexicons do not compile")?;
    let options = CommentOptions {
        current: args.period,
        baseline: args.baseline,
        group_by: args.group_by,
        suppress_below: args.suppress_below,
        filters: filters(&args.filters),
    };
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let parts = (0..threads)
        .map(|_| CommentCounter {
            taxonomy: &taxonomy,
            tally: CommentTally::new(&taxonomy, options.clone()),
        })
        .collect();

    let progress = Progress::bytes();
    let name = args.input.display();
    let mut input = open_input(&args.input, args.input_format.map(Into::into), &progress)?;
    let mut report = |errors: &[RecordError]| {
        for e in errors {
            progress.println(&e.to_string());
        }
    };
    let read = count_in_parallel(
        &mut input.reader,
        input.format,
        &instrument,
        parts,
        &mut report,
    );
    progress.finish();
    let (parts, invalid) = match read {
        Ok(read) => read,
        Err(Stopped::Unreadable(errors)) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(anyhow!("{name} cannot be read:\n{}", list.join("\n")));
        }
        Err(Stopped::Failed(e)) => return Err(e),
    };
    if invalid > 0 && !args.skip_invalid {
        return Err(anyhow!(
            "{name} has {invalid} invalid record{}; fix {}, or pass --skip-invalid to leave {} out",
            plural(invalid),
            if invalid == 1 { "it" } else { "them" },
            if invalid == 1 { "it" } else { "them" },
        ));
    }
    let mut tally = CommentTally::new(&taxonomy, options);
    for part in parts {
        tally.merge(part.tally);
    }
    let document = tally.report(&taxonomy);
    let text = render_comments(args.format, &document, &taxonomy, &instrument, args.lang)?;
    write_output(args.output.as_ref(), text.as_bytes())
}
