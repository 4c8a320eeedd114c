//! `tiyan`: the evaluator's command-line tool.

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "tiyan", version, about = "Tiyan patient-experience scoring")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the default instrument as JSON.
    Instrument,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Instrument => {
            println!("{{}}");
        }
    }
    Ok(())
}
