//! `tiyan-server`: skeleton (health + static app); the collection API comes with issue 4.

use std::net::SocketAddr;

use axum::{routing::get, Json, Router};
use clap::{Parser, Subcommand};
use tower_http::services::{ServeDir, ServeFile};

#[derive(Parser)]
#[command(name = "tiyan-server", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the built app.
    Serve {
        #[arg(long, env = "TIYAN_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        #[arg(long, env = "TIYAN_DATABASE", default_value = "sqlite://data/tiyan.db")]
        database: String,
        /// Folder of the built app (trunk's output).
        #[arg(long, env = "TIYAN_DIST", default_value = "dist")]
        dist: std::path::PathBuf,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Cli { command } = Cli::parse();
    match command {
        Command::Serve { listen, dist, .. } => {
            let app = Router::new()
                .route(
                    "/api/v1/health",
                    get(|| async { Json(serde_json::json!({"status": "ok"})) }),
                )
                .fallback_service(
                    ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html"))),
                );
            let listener = tokio::net::TcpListener::bind(listen).await?;
            eprintln!("tiyan-server listening on http://{listen}");
            axum::serve(listener, app).await?;
        }
    }
    Ok(())
}
