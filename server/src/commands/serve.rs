//! `tiyan-server serve`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use scoring::instrument::Instrument;
use scoring::tally::Tally;

use crate::clock::SystemClock;
use crate::config::Config;
use crate::http::{RatePolicy, TrustedProxies};
use crate::ingest::SubmittedWindow;
use crate::listen::{shutdown_signal, HttpLimits};
use crate::rollout::PublicUrl;
use crate::server::Server;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TIYAN_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// sqlite://path/file.db (created if missing) or postgres://user:pass@host/db.
    #[arg(long, env = "TIYAN_DATABASE", default_value = "sqlite://data/tiyan.db")]
    pub database: String,
    /// Folder of the built app (trunk's output); without it only the API is served.
    #[arg(long, env = "TIYAN_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// An instrument JSON file to use instead of the built-in pxs-core v1.
    #[arg(long, env = "TIYAN_INSTRUMENT")]
    pub instrument: Option<PathBuf>,
    /// Largest request body accepted (413 above).
    #[arg(long, env = "TIYAN_MAX_BODY_BYTES", default_value_t = Config::DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Submissions allowed per client address and minute (0: no limit).
    #[arg(long, env = "TIYAN_SUBMIT_RATE", default_value_t = RatePolicy::DEFAULT.per_minute)]
    pub submit_rate: u32,
    /// Submissions a client address may send at once before the rate applies.
    #[arg(long, env = "TIYAN_SUBMIT_BURST", default_value_t = RatePolicy::DEFAULT.burst)]
    pub submit_burst: u32,
    /// How long a login lasts, in minutes.
    #[arg(long, env = "TIYAN_SESSION_MINUTES", default_value_t = 12 * 60)]
    pub session_minutes: u64,
    /// Mark the session cookie Secure (when served over HTTPS).
    #[arg(long, env = "TIYAN_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Seconds shutdown waits for open requests before closing them.
    #[arg(long, env = "TIYAN_SHUTDOWN_GRACE", default_value_t = 30)]
    pub shutdown_grace: u64,
    /// The address phones and kiosks reach this server at
    /// (https://survey.example.org): kiosk setup links and poster QR codes
    /// use it. Default: http:// and the listen address.
    #[arg(long, env = "TIYAN_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Milliseconds between two looks at the webhook outbox.
    #[arg(long, env = "TIYAN_WEBHOOK_POLL_MILLIS", default_value_t = 1000)]
    pub webhook_poll_millis: u64,
    /// Longest wait, in seconds, between two attempts at a failing webhook.
    #[arg(long, env = "TIYAN_WEBHOOK_MAX_BACKOFF", default_value_t = 600)]
    pub webhook_max_backoff: u64,
    /// Seconds between two looks for overdue cases and expired call-back numbers.
    #[arg(long, env = "TIYAN_CASE_SWEEP_SECONDS", default_value_t = 60)]
    pub case_sweep_seconds: u64,
    /// Reverse proxies (addresses or CIDR networks, comma-separated) whose
    /// Forwarded / X-Forwarded-For headers name the client for the
    /// per-address limits. Default: none (the connection's peer is the client).
    #[arg(long, env = "TIYAN_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// How many days before the server's time a response's submitted_at may be.
    #[arg(long, env = "TIYAN_ACCEPT_LATE_DAYS", default_value_t = 31)]
    pub accept_late_days: u64,
    /// How many minutes after the server's time a response's submitted_at may be.
    #[arg(long, env = "TIYAN_ACCEPT_EARLY_MINUTES", default_value_t = 10)]
    pub accept_early_minutes: u64,
    /// Connections open at once (more wait in the listen backlog).
    #[arg(long, env = "TIYAN_MAX_CONNECTIONS", default_value_t = HttpLimits::DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
}

impl ServeArgs {
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut config = Config::new(&self.database);
        config.dist = self.dist.clone();
        if let Some(path) = &self.instrument {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("could not read the instrument {}", path.display()))?;
            config.instrument = read_instrument(path, &text)?;
        }
        config.max_body_bytes = self.max_body_bytes;
        config.submit_rate = RatePolicy {
            per_minute: self.submit_rate,
            burst: self.submit_burst,
        };
        config.session_ttl = Duration::from_secs(self.session_minutes.saturating_mul(60));
        config.secure_cookies = self.secure_cookies;
        config.http = HttpLimits::default();
        config.shutdown_grace = Duration::from_secs(self.shutdown_grace);
        config.public_url = match &self.public_url {
            Some(text) => PublicUrl::parse(text).context("--public-url (TIYAN_PUBLIC_URL)")?,
            None => PublicUrl::from_listen(self.listen),
        };
        config.delivery.poll = Duration::from_millis(self.webhook_poll_millis.max(10));
        config.delivery.max_backoff = Duration::from_secs(self.webhook_max_backoff.max(1));
        config.sweep_every = Duration::from_secs(self.case_sweep_seconds.max(1));
        config.trusted_proxies = TrustedProxies::parse(&self.trusted_proxies)
            .context("--trusted-proxies (TIYAN_TRUSTED_PROXIES)")?;
        config.submitted_window = SubmittedWindow {
            late: Duration::from_secs(self.accept_late_days.saturating_mul(24 * 60 * 60)),
            early: Duration::from_secs(self.accept_early_minutes.saturating_mul(60)),
        };
        config.http.max_connections = self.max_connections.max(1);
        Ok(config)
    }
}

/// An instrument file, refused at startup with its name and every problem
/// unless it is well formed (`Instrument::check`, as `tiyan instrument
/// --check` does) and its weights can be tallied exactly.
fn read_instrument(path: &Path, text: &str) -> anyhow::Result<Instrument> {
    let instrument = serde_json::from_str::<Instrument>(text)
        .with_context(|| format!("{} is not an instrument", path.display()))?;
    if let Err(errors) = instrument.check() {
        let problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::bail!(
            "{} is not a valid instrument: {}",
            path.display(),
            problems.join("; ")
        );
    }
    Tally::new(&instrument).with_context(|| format!("{} cannot be scored", path.display()))?;
    Ok(instrument)
}

pub(super) async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = args.config()?;
    let public_url = config.public_url.clone();
    let server = Server::open(config, Arc::new(SystemClock)).await?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("could not listen on {}", args.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "tiyan-server listening on http://{address}/");
    tracing::info!(public_url = %public_url, "kiosk setup links and posters point at {public_url}/");
    server.run(listener, shutdown_signal()).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(instrument: &Path) -> ServeArgs {
        use clap::Parser;
        #[derive(Parser)]
        struct Cmd {
            #[command(flatten)]
            serve: ServeArgs,
        }
        let path = instrument.to_str().unwrap_or_default();
        Cmd::parse_from(["serve", "--instrument", path]).serve
    }

    fn parse(arguments: &[&str]) -> ServeArgs {
        use clap::Parser;
        #[derive(Parser)]
        struct Cmd {
            #[command(flatten)]
            serve: ServeArgs,
        }
        Cmd::parse_from(std::iter::once("serve").chain(arguments.iter().copied())).serve
    }

    #[test]
    fn the_public_url_defaults_to_the_listen_address_and_is_checked() {
        let config = parse(&["--listen", "10.1.2.3:9000"]).config().unwrap();
        assert_eq!(config.public_url.as_str(), "http://10.1.2.3:9000");
        let config = parse(&["--public-url", "https://survey.example.org/"])
            .config()
            .unwrap();
        assert_eq!(config.public_url.as_str(), "https://survey.example.org");
        let message = format!(
            "{:#}",
            parse(&["--public-url", "survey.example.org/tiyan"])
                .config()
                .unwrap_err()
        );
        assert!(
            message.starts_with("--public-url (TIYAN_PUBLIC_URL): public URL"),
            "{message}"
        );
    }

    #[test]
    fn hardening_settings_are_read_and_checked() {
        let config = parse(&[]).config().unwrap();
        assert!(config.trusted_proxies.is_empty());
        assert_eq!(config.submitted_window, SubmittedWindow::DEFAULT);
        assert_eq!(config.http.max_connections, 512);
        let config = parse(&[
            "--trusted-proxies",
            "127.0.0.1, 10.0.0.0/8",
            "--accept-late-days",
            "36500",
            "--accept-early-minutes",
            "1",
            "--max-connections",
            "64",
        ])
        .config()
        .unwrap();
        assert!(!config.trusted_proxies.is_empty());
        assert_eq!(config.submitted_window.late.as_secs(), 36_500 * 86_400);
        assert_eq!(config.submitted_window.early.as_secs(), 60);
        assert_eq!(config.http.max_connections, 64);
        let message = format!(
            "{:#}",
            parse(&["--trusted-proxies", "proxy.local"])
                .config()
                .unwrap_err()
        );
        assert!(message.starts_with("--trusted-proxies"), "{message}");
    }

    #[test]
    fn an_instrument_file_with_the_new_scales_is_served() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../scoring/test_data/instruments/scales-demo.json");
        let config = args(&path).config().expect("the demo instrument");
        assert_eq!(config.instrument.id, "pxs-scales-demo");
    }

    #[test]
    fn a_broken_instrument_file_is_refused_with_its_name_and_problem() {
        let dir = std::env::temp_dir().join(format!("tiyan-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("broken.json");
        let demo = include_str!("../../../scoring/test_data/instruments/scales-demo.json");
        let mut value: serde_json::Value = serde_json::from_str(demo).unwrap();
        value["overall"][0]["scale"] = "likert7".into();
        std::fs::write(&path, value.to_string()).unwrap();
        let message = format!("{:#}", args(&path).config().unwrap_err());
        assert!(
            message.contains("broken.json is not a valid instrument"),
            "{message}"
        );
        assert!(
            message.contains("overall.rating must use the rating11 scale"),
            "{message}"
        );

        std::fs::write(&path, demo.replace("\"likert7\"", "\"likert9\"")).unwrap();
        let message = format!("{:#}", args(&path).config().unwrap_err());
        assert!(
            message.contains("broken.json is not an instrument"),
            "{message}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
