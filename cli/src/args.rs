//! The command line (clap derive).

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use scoring::input::InputFormat;
use scoring::instrument::VisitType;
use scoring::lang::Lang;
use scoring::report::{GroupBy, Period};
use scoring::response::Channel;

#[derive(Debug, Parser)]
#[command(
    name = "tiyan",
    version,
    about = "Tiyan patient-experience surveys: validate, generate and score responses",
    long_about = "Tiyan patient-experience surveys: validate, generate and score responses.\n\n\
                  Exit codes: 0 ok, 1 invalid input, 2 usage error."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print the default instrument (survey definition) as JSON, or check one.
    Instrument(InstrumentArgs),
    /// Write deterministic synthetic responses (CSV or JSONL).
    Generate(GenerateArgs),
    /// Check every record of a response file; list each invalid one.
    Validate(ValidateArgs),
    /// Score responses (or a tally) into a report.
    Score(Box<ScoreArgs>),
    /// Count responses into a tally file that can be merged and scored later.
    Tally(TallyArgs),
    /// Add tally files together (e.g. one per hospital) into one.
    Merge(MergeArgs),
    /// What patients write: themes by care stage, praise or complaint,
    /// personal data masked (docs/formats.md §8).
    Comments(Box<CommentsArgs>),
}

#[derive(Debug, Args)]
pub(crate) struct InstrumentArgs {
    /// Check this instrument file instead of printing the default one.
    #[arg(long, value_name = "FILE")]
    pub(crate) check: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DataFormat {
    Csv,
    Jsonl,
}

impl From<DataFormat> for InputFormat {
    fn from(f: DataFormat) -> InputFormat {
        match f {
            DataFormat::Csv => InputFormat::Csv,
            DataFormat::Jsonl => InputFormat::Jsonl,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct InstrumentFile {
    /// The instrument the responses answer (default: the built-in pxs-core).
    #[arg(long, value_name = "FILE")]
    pub(crate) instrument: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct GenerateArgs {
    /// How many responses.
    #[arg(long, default_value_t = 10_000)]
    pub(crate) responses: u64,
    /// The seed: the same seed and options give the same file.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// The first (baseline) year.
    #[arg(long, default_value_t = 2023)]
    pub(crate) from_year: i32,
    /// How many calendar years from --from-year.
    #[arg(long, default_value_t = 2)]
    pub(crate) years: u32,
    /// How many hospitals (H001, H002, …).
    #[arg(long, default_value_t = 5)]
    pub(crate) hospitals: u32,
    /// Where to write (`-` or absent: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// csv or jsonl (default: from the output's extension, else csv).
    #[arg(long, value_enum)]
    pub(crate) format: Option<DataFormat>,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

#[derive(Debug, Args)]
pub(crate) struct InputFile {
    /// The responses: a CSV or JSONL export (`-`: standard input).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) input: PathBuf,
    /// csv or jsonl (default: from the extension, else from the content).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub(crate) format: Option<DataFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    #[command(flatten)]
    pub(crate) input: InputFile,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

/// Restrict the responses counted (recorded in the tally and the report).
#[derive(Debug, Args, Default)]
pub(crate) struct FilterArgs {
    /// Only this hospital's responses.
    #[arg(long)]
    pub(crate) hospital: Option<String>,
    /// Only this department's responses.
    #[arg(long)]
    pub(crate) department: Option<String>,
    /// Only this visit type's responses.
    #[arg(long, value_parser = parse_visit_type)]
    pub(crate) visit_type: Option<VisitType>,
    /// Only this channel's responses.
    #[arg(long, value_parser = parse_channel)]
    pub(crate) channel: Option<Channel>,
}

fn parse_visit_type(s: &str) -> Result<VisitType, String> {
    VisitType::parse(s).ok_or_else(|| "expected outpatient, emergency or inpatient".to_owned())
}

fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::parse(s).ok_or_else(|| "expected kiosk, phone, web or paper".to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    Json,
    Csv,
    Md,
    Html,
}

/// `--lang`: the product's language tags, read as everywhere else.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| "expected zh-CN, zh-Hant or en".to_owned())
}

#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    /// The responses: a CSV or JSONL export (`-`: standard input).
    #[arg(
        long,
        short,
        value_name = "FILE",
        conflicts_with = "tally",
        required_unless_present = "tally"
    )]
    pub(crate) input: Option<PathBuf>,
    /// csv or jsonl (default: from the extension, else from the content).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub(crate) input_format: Option<DataFormat>,
    /// Score a tally file (from `tiyan tally` or `tiyan merge`) instead.
    #[arg(long, value_name = "FILE")]
    pub(crate) tally: Option<PathBuf>,
    /// The current period: 2024, 2024-03 or 2024-01..2024-07 (end exclusive).
    #[arg(long)]
    pub(crate) period: Period,
    /// The baseline period to compare with (docs/scoring.md §5).
    #[arg(long)]
    pub(crate) baseline: Option<Period>,
    /// One group per value, beside `all`.
    #[arg(long, value_parser = parse_group_by)]
    pub(crate) group_by: Option<GroupBy>,
    /// Adjust means for the respondent mix (docs/scoring.md §6).
    #[arg(long)]
    pub(crate) case_mix: bool,
    /// Suppress groups with fewer current-period responses.
    #[arg(long, default_value_t = scoring::report::DEFAULT_SUPPRESS_BELOW)]
    pub(crate) suppress_below: u64,
    /// Minimum answers on each side of a comparison.
    #[arg(long, default_value_t = scoring::report::DEFAULT_MIN_COMPARE)]
    pub(crate) min_compare: u64,
    /// Smallest difference from the other units, in points on the 0–100
    /// scale, that a unit needs to be called better or worse
    /// (docs/scoring.md §10.1).
    #[arg(long, value_name = "POINTS", value_parser = parse_min_difference,
          allow_negative_numbers = true, default_value_t = scoring::report::DEFAULT_MIN_DIFFERENCE)]
    pub(crate) min_difference: f64,
    /// Reliability a unit's mean must reach to be marked reliable, strictly
    /// between 0 and 1 (docs/scoring.md §10.3).
    #[arg(long, value_name = "R", value_parser = parse_target_reliability,
          default_value_t = scoring::report::DEFAULT_TARGET_RELIABILITY)]
    pub(crate) target_reliability: f64,
    /// Leave invalid records out (each is still listed on stderr, and the
    /// report counts them) instead of failing.
    #[arg(long)]
    pub(crate) skip_invalid: bool,
    /// Threads that read and tally the responses (default: one per core).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<NonZeroUsize>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub(crate) format: ReportFormat,
    /// Language of the md and html reports' labels: zh-CN, zh-Hant or en.
    #[arg(long, value_parser = parse_lang, default_value = "zh-CN", value_name = "LANG")]
    pub(crate) lang: Lang,
    /// The hospital registry as the dashboard exports it (docs/formats.md
    /// §7): the md and html reports name hospitals and departments in
    /// `--lang`, with their codes. JSON and CSV keep the codes only.
    #[arg(long, value_name = "FILE")]
    pub(crate) registry: Option<PathBuf>,
    /// Where to write (absent or `-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) filters: FilterArgs,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

fn parse_min_difference(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        Ok(_) => Err("expected a number of points ≥ 0 (e.g. 3)".to_owned()),
        Err(_) => Err("not a number (e.g. 3 or 2.5)".to_owned()),
    }
}

fn parse_target_reliability(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r < 1.0 => Ok(r),
        Ok(_) => Err("expected a reliability strictly between 0 and 1 (e.g. 0.7)".to_owned()),
        Err(_) => Err("not a number (e.g. 0.7)".to_owned()),
    }
}

fn parse_group_by(s: &str) -> Result<GroupBy, String> {
    GroupBy::parse(s)
        .ok_or_else(|| "expected hospital, department, visit_type or channel".to_owned())
}

#[derive(Debug, Args)]
pub(crate) struct CommentsArgs {
    /// The responses: a CSV or JSONL export (`-`: standard input).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) input: PathBuf,
    /// csv or jsonl (default: from the extension, else from the content).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub(crate) input_format: Option<DataFormat>,
    /// The current period: 2024, 2024-03 or 2024-01..2024-07 (end exclusive).
    #[arg(long)]
    pub(crate) period: Period,
    /// The baseline period: each theme's complaint share is compared with it
    /// (docs/scoring.md §17).
    #[arg(long)]
    pub(crate) baseline: Option<Period>,
    /// One group per value, beside `all`.
    #[arg(long, value_parser = parse_group_by)]
    pub(crate) group_by: Option<GroupBy>,
    /// Suppress groups with fewer current-period responses (and their comments).
    #[arg(long, default_value_t = scoring::report::DEFAULT_SUPPRESS_BELOW)]
    pub(crate) suppress_below: u64,
    /// Leave invalid records out (each is still listed on stderr) instead of failing.
    #[arg(long)]
    pub(crate) skip_invalid: bool,
    /// Threads that read and analyse the responses (default: one per core).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<NonZeroUsize>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub(crate) format: ReportFormat,
    /// Language of the md and html reports: zh-CN, zh-Hant or en.
    #[arg(long, value_parser = parse_lang, default_value = "zh-CN", value_name = "LANG")]
    pub(crate) lang: Lang,
    /// Where to write (absent or `-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) filters: FilterArgs,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

#[derive(Debug, Args)]
pub(crate) struct TallyArgs {
    #[command(flatten)]
    pub(crate) input: InputFile,
    /// Where to write the tally (absent or `-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Leave invalid records out instead of failing.
    #[arg(long)]
    pub(crate) skip_invalid: bool,
    /// Threads that read and tally the responses (default: one per core).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<NonZeroUsize>,
    #[command(flatten)]
    pub(crate) filters: FilterArgs,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// The tally files to add together.
    #[arg(required = true, value_name = "TALLY")]
    pub(crate) tallies: Vec<PathBuf>,
    /// Where to write the merged tally (absent or `-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) instrument: InstrumentFile,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
