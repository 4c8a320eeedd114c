//! `tiyan generate`: deterministic synthetic responses.

use std::io::{self, Write};

use anyhow::{Context, Result};
use scoring::export::{write_jsonl_line, CsvWriter};
use scoring::generate::{generate, GenerateOptions};
use scoring::input::InputFormat;
use scoring::response::Response;

use crate::args::GenerateArgs;
use crate::failure::usage;
use crate::files::{create_output, load_instrument};
use crate::progress::Progress;

/// Progress is updated once per this many responses, to stay off the hot path.
const PROGRESS_STEP: u64 = 4096;

pub(crate) fn run(args: &GenerateArgs) -> Result<()> {
    let instrument = load_instrument(args.instrument.instrument.as_ref())?;
    let options = GenerateOptions {
        seed: args.seed,
        responses: args.responses,
        from_year: args.from_year,
        years: args.years,
        hospitals: args.hospitals,
    };
    let responses = generate(&instrument, &options).map_err(|e| usage(e.to_string()))?;
    let format = match args.format {
        Some(format) => format.into(),
        None => args
            .output
            .as_ref()
            .and_then(|p| p.to_str())
            .and_then(InputFormat::from_file_name)
            .unwrap_or(InputFormat::Csv),
    };

    let out = create_output(args.output.as_ref())?;
    let write_error = || "could not write the responses".to_owned();
    let mut sink = match format {
        InputFormat::Csv => Sink::Csv(Box::new(
            CsvWriter::new(out, &instrument).with_context(write_error)?,
        )),
        InputFormat::Jsonl => Sink::Jsonl(out),
    };
    let progress = Progress::items(args.responses, "responses");
    for (i, response) in responses.enumerate() {
        sink.write(&response).with_context(write_error)?;
        if (i as u64 + 1).is_multiple_of(PROGRESS_STEP) {
            progress.inc(PROGRESS_STEP);
        }
    }
    sink.finish().with_context(write_error)?;
    progress.finish();
    Ok(())
}

/// Where generated responses go, in either export form.
enum Sink {
    Csv(Box<CsvWriter<Box<dyn Write>>>),
    Jsonl(Box<dyn Write>),
}

impl Sink {
    fn write(&mut self, response: &Response) -> io::Result<()> {
        match self {
            Sink::Csv(csv) => csv.write(response),
            Sink::Jsonl(out) => write_jsonl_line(out, response),
        }
    }

    fn finish(self) -> io::Result<()> {
        let mut out = match self {
            Sink::Csv(csv) => csv.into_inner()?,
            Sink::Jsonl(out) => out,
        };
        out.flush()
    }
}
