//! The command line: `serve`, `create-admin`, `seed-demo`.

mod create_admin;
mod demo_registry;
mod seed_demo;
mod serve;

use clap::{Parser, Subcommand, ValueEnum};

pub use create_admin::CreateAdminArgs;
pub use seed_demo::{SeedDemoArgs, DEMO_PASSWORD};
pub use serve::ServeArgs;

#[derive(Debug, Parser)]
#[command(
    name = "tiyan-server",
    version,
    about = "Collects Tiyan survey responses, serves the survey and dashboard, exports and reports."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Log lines as text or JSON objects (filter with RUST_LOG, default info).
    #[arg(long, global = true, env = "TIYAN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the built app.
    Serve(ServeArgs),
    /// Create an administrator account, or reset its password and role.
    CreateAdmin(CreateAdminArgs),
    /// Fill a database with generated demo responses, demo accounts
    /// (admin and h001, password "tiyan-demo"), the demo hospitals'
    /// registry and a demo kiosk.
    SeedDemo(SeedDemoArgs),
}

impl Command {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Command::Serve(args) => serve::serve(args).await,
            Command::CreateAdmin(args) => create_admin::create_admin(args).await,
            Command::SeedDemo(args) => seed_demo::seed_demo(args).await,
        }
    }
}

/// Logs to standard error; `RUST_LOG` filters (default `info`). Lines are
/// written by a background thread (a request only formats its line), and
/// the returned guard flushes them when dropped at exit.
pub fn init_tracing(format: LogFormat) -> tracing_appender::non_blocking::WorkerGuard {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::stderr().is_terminal();
    // Not lossy: under a flood, requests wait for the log rather than lines
    // being dropped.
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(writer);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    guard
}
