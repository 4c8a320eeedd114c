//! One module per subcommand.

mod comments;
mod generate;
mod instrument;
mod merge;
mod read;
mod score;
mod tally;
mod validate;

use anyhow::Result;

use crate::args::Command;

pub(crate) fn run(command: Command) -> Result<()> {
    match command {
        Command::Instrument(args) => instrument::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Tally(args) => tally::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Comments(args) => comments::run(&args),
    }
}
