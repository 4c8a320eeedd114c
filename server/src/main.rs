//! `tiyan-server`: see `tiyan-server --help` and the crate documentation.

use std::process::ExitCode;

use clap::Parser;
use server::commands::{init_tracing, Cli};

/// mimalloc instead of glibc's allocator: a submission allocates and frees
/// many small buffers across threads (HTTP, JSON, the writer), and glibc's
/// malloc takes a tenth of the server's CPU under load (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _log_flush = init_tracing(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(cli.command.run());
    // Let the runtime's threads end (a few seconds at most) before the log
    // guard flushes the last lines.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
