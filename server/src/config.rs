//! Everything the server can be told, as plain data (the command line in
//! `commands` fills it; tests build it directly).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use scoring::instrument::{default_instrument, Instrument};

use crate::http::{RatePolicy, TrustedProxies};
use crate::ingest::SubmittedWindow;
use crate::listen::HttpLimits;
use crate::notify::DeliveryPolicy;
use crate::rollout::PublicUrl;

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://path/file.db` or `postgres://…`.
    pub database_url: String,
    /// trunk's output; when missing, only the API is served.
    pub dist: PathBuf,
    /// The active instrument (default: `pxs-core` version 1).
    pub instrument: Instrument,
    /// Largest accepted request body (docs/formats.md API: 1 MiB).
    pub max_body_bytes: usize,
    pub submit_rate: RatePolicy,
    /// How long a login lasts.
    pub session_ttl: Duration,
    /// Mark the session cookie `Secure` (serve over HTTPS).
    pub secure_cookies: bool,
    pub http: HttpLimits,
    /// How long shutdown waits for open requests (an export download)
    /// before closing their connections.
    pub shutdown_grace: Duration,
    /// Where phones and kiosks reach the server: kiosk setup links and
    /// the QR codes of posters are made of it (docs/formats.md §7).
    pub public_url: PublicUrl,
    /// Webhook delivery (docs/formats.md §6).
    pub delivery: DeliveryPolicy,
    /// How often overdue cases and expired call-back numbers are looked for.
    pub sweep_every: Duration,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` name the
    /// client (none by default: the peer is the client).
    pub trusted_proxies: TrustedProxies,
    /// How late or early a response's `submitted_at` may be.
    pub submitted_window: SubmittedWindow,
}

impl Config {
    pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;
    pub const DEFAULT_SESSION_TTL: Duration = Duration::from_secs(12 * 60 * 60);
    /// `serve`'s default `--listen`.
    pub const DEFAULT_LISTEN: SocketAddr =
        SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1)), 8080);

    /// The defaults, on `database_url`.
    pub fn new(database_url: impl Into<String>) -> Config {
        Config {
            database_url: database_url.into(),
            dist: PathBuf::from("dist"),
            instrument: default_instrument(),
            max_body_bytes: Config::DEFAULT_MAX_BODY_BYTES,
            submit_rate: RatePolicy::DEFAULT,
            session_ttl: Config::DEFAULT_SESSION_TTL,
            secure_cookies: false,
            http: HttpLimits::default(),
            shutdown_grace: Duration::from_secs(30),
            public_url: PublicUrl::from_listen(Config::DEFAULT_LISTEN),
            delivery: DeliveryPolicy::DEFAULT,
            sweep_every: Duration::from_secs(60),
            trusted_proxies: TrustedProxies::NONE,
            submitted_window: SubmittedWindow::DEFAULT,
        }
    }
}
