//! `tiyan`: the evaluator's command-line tool.
//!
//! A thin I/O layer over the `scoring` crate: it reads files, streams
//! records through the same validation, tally and report functions the
//! server and the browser use, and writes the results. Exit codes: 0 ok,
//! 1 invalid input (or any other failure), 2 usage error.

mod args;
mod commands;
mod failure;
mod files;
mod parallel_tally;
mod progress;
mod registry;
mod render;

use std::process::ExitCode;

use clap::Parser;

use args::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" printed to stdout.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(failure::USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if failure::is_broken_pipe(&error) {
                // `tiyan … | head`: the reader has what it wanted.
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {error:#}");
            ExitCode::from(failure::code(&error))
        }
    }
}
