//! The HTTP application: `/api/v1` (JSON) and the built app from `dist/`.
//! [`app`] builds the whole [`Router`] from an [`AppState`], so tests can
//! call it directly or serve it on a socket.

mod api;
mod authenticated;
mod body_deadline;
mod client_address;
mod error;
mod rate_limit;
mod security_headers;
pub mod static_site;

use std::net::IpAddr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Request};
use axum::routing::any;
use axum::Router;
use bytes::Bytes;
use scoring::instrument::Instrument;
use scoring::validate::Validator;
use tokio::sync::Semaphore;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use client_address::{BadProxy, TrustedProxies};
pub use error::ApiError;
pub use rate_limit::{RateLimiter, RatePolicy, SYNC_EVERY};
pub use security_headers::SecurityHeaders;

use crate::clock::Clock;
use crate::ingest::{Ingest, SubmittedWindow};
use crate::rollout::PublicUrl;
use crate::store::Store;

/// Password checks (argon2, ~20 MiB and tens of milliseconds each) allowed
/// at once, so a login flood cannot take every core and much memory.
const CONCURRENT_PASSWORD_CHECKS: usize = 2;

/// What every handler shares. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Shared>);

#[derive(Debug)]
pub struct Shared {
    pub store: Store,
    pub ingest: Ingest,
    /// The active instrument, for the life of the process (see [`AppState::new`]).
    pub instrument: &'static Instrument,
    /// Its item index, built once rather than per request.
    pub validator: Validator<'static>,
    /// The instrument as served by `GET /api/v1/instrument`.
    pub instrument_json: Bytes,
    pub clock: Arc<dyn Clock>,
    pub session_ttl: Duration,
    pub secure_cookies: bool,
    pub max_body_bytes: usize,
    /// Time to send a request body (`body_deadline`).
    pub body_read_timeout: Duration,
    pub password_checks: Semaphore,
    pub submit_limiter: RateLimiter,
    /// Kiosk claims and heartbeats per address (no sign-in; the same
    /// policy as submissions, its own buckets).
    pub kiosk_limiter: RateLimiter,
    /// The base of kiosk setup links and poster QR codes.
    pub public_url: PublicUrl,
    /// The built app, when its folder exists.
    pub dist: Option<PathBuf>,
    pub security_headers: SecurityHeaders,
    /// Whose forwarding headers name the client (`client_address`).
    pub trusted_proxies: TrustedProxies,
    /// When a submitted response may say it was submitted.
    pub submitted_window: SubmittedWindow,
}

/// What [`AppState::new`] needs beyond the store and the writer.
#[derive(Debug, Clone)]
pub struct StateOptions {
    pub instrument: Instrument,
    pub session_ttl: Duration,
    pub secure_cookies: bool,
    pub max_body_bytes: usize,
    pub submit_rate: RatePolicy,
    pub dist: PathBuf,
    pub public_url: PublicUrl,
    pub trusted_proxies: TrustedProxies,
    pub submitted_window: SubmittedWindow,
    pub body_read_timeout: Duration,
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// Reads the built app's pages for the CSP hashes; a missing `dist`
    /// means an API-only server (logged, not an error).
    pub fn new(
        store: Store,
        ingest: Ingest,
        clock: Arc<dyn Clock>,
        options: StateOptions,
    ) -> anyhow::Result<AppState> {
        let (dist, script_hashes) = built_app(&options.dist)?;
        let policy = static_site::csp::policy(&script_hashes);
        let policy = HeaderValue::from_str(&policy)?;
        let instrument_json = Bytes::from(serde_json::to_vec(&options.instrument)?);
        // One instrument per server, kept until the process ends: leaking it
        // lets the shared validator borrow it without a self-referential
        // struct. (Tests start many servers; each leaks one instrument.)
        let instrument: &'static Instrument = Box::leak(Box::new(options.instrument));
        Ok(AppState(Arc::new(Shared {
            store,
            ingest,
            instrument,
            validator: Validator::new(instrument),
            instrument_json,
            clock,
            session_ttl: options.session_ttl,
            secure_cookies: options.secure_cookies,
            max_body_bytes: options.max_body_bytes,
            body_read_timeout: options.body_read_timeout,
            password_checks: Semaphore::new(CONCURRENT_PASSWORD_CHECKS),
            submit_limiter: RateLimiter::new("submit", options.submit_rate),
            kiosk_limiter: RateLimiter::new("kiosk", options.submit_rate),
            public_url: options.public_url,
            dist,
            security_headers: SecurityHeaders::new(policy),
            trusted_proxies: options.trusted_proxies,
            submitted_window: options.submitted_window,
        })))
    }

    /// The address the per-address limits count `request` against: the
    /// peer, or the client a trusted proxy names (`client_address`).
    pub fn client_address<B>(&self, request: &axum::http::Request<B>) -> IpAddr {
        self.address_of(request.extensions(), request.headers())
    }

    pub(crate) fn address_of(
        &self,
        extensions: &axum::http::Extensions,
        headers: &axum::http::HeaderMap,
    ) -> IpAddr {
        let peer = client_address::peer_address(extensions);
        self.trusted_proxies.client(peer, headers)
    }

    /// Settles this server's per-address buckets with the shared ones in
    /// the database now (also done every [`SYNC_EVERY`]).
    pub async fn settle_limits(&self) -> Result<(), crate::store::StoreError> {
        for limiter in [&self.submit_limiter, &self.kiosk_limiter] {
            limiter.settle(&self.store, self.clock.as_ref()).await?;
        }
        Ok(())
    }

    /// Settles the per-address buckets with the database every
    /// [`SYNC_EVERY`] and forgets day-old login failures, until `stop`.
    pub async fn share_limits(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        let mut ticks = tokio::time::interval(SYNC_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut rounds: u64 = 0;
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = stop.changed() => return,
            }
            if let Err(e) = self.settle_limits().await {
                tracing::warn!(error = %e, "could not share the rate limits");
            }
            rounds += 1;
            if rounds.is_multiple_of(60) {
                let forget = crate::auth::ThrottlePolicy::USERNAME.forget_after.as_secs();
                let before = self.clock.unix_seconds() - i64::try_from(forget).unwrap_or(0);
                if let Err(e) = self.store.prune_login_failures(before).await {
                    tracing::warn!(error = %e, "could not prune login failures");
                }
            }
        }
    }
}

fn built_app(dist: &Path) -> anyhow::Result<(Option<PathBuf>, Vec<String>)> {
    if !dist.join("index.html").is_file() {
        tracing::warn!(
            dist = %dist.display(),
            "no built app (index.html) there: serving the API only; build it with `cargo xtask build-app`"
        );
        return Ok((None, Vec::new()));
    }
    let hashes = static_site::csp::inline_script_hashes(dist)?;
    tracing::info!(
        dist = %dist.display(),
        inline_scripts = hashes.len(),
        "serving the built app; its inline scripts are allowed by hash (restart after rebuilding it)"
    );
    Ok((Some(dist.to_path_buf()), hashes))
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    let security = state.security_headers.clone();
    let mut router = Router::new()
        .nest("/api/v1", api::router(state.clone()))
        // Other API versions or typos: a JSON 404, never the app's page.
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }))
        .route("/api", any(|| async { ApiError::NotFound }));
    router = match &state.dist {
        Some(dist) => router.merge(static_site::router(dist)),
        None => router.fallback(|| async { ApiError::NotFound }),
    };
    router
        .layer(CompressionLayer::new())
        .layer(axum::middleware::map_response(move |response| {
            let security = security.clone();
            async move { security.apply(response) }
        }))
        .layer(
            TraceLayer::new_for_http()
                // Method and path only: never bodies (responses and
                // comments) nor query strings.
                .make_span_with(|request: &Request<_>| {
                    tracing::info_span!("http", method = %request.method(), path = %request.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

/// `Cache-Control: no-store` for API answers: they may carry free-text
/// comments, and stale answers help no one.
fn no_store() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    )
}

/// Body limit for the extractors; handlers turn the rejection into 413.
fn body_limit(state: &AppState) -> DefaultBodyLimit {
    DefaultBodyLimit::max(state.max_body_bytes)
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use tower::ServiceExt;

    use super::*;
    use crate::clock::SystemClock;
    use crate::config::Config;

    /// The router answers without a socket (no peer address: the rate
    /// limit then counts every caller as one), as axum's testing example.
    #[tokio::test]
    async fn the_router_answers_without_a_socket() {
        let folder = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", folder.path().join("t.db").display());
        let config = Config::new(&url);
        let store = Store::connect(&url).await.unwrap();
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let (ingest, writer) = Ingest::start(store.clone(), clock.clone(), Default::default());
        let options = StateOptions {
            instrument: config.instrument,
            session_ttl: config.session_ttl,
            secure_cookies: false,
            max_body_bytes: config.max_body_bytes,
            submit_rate: config.submit_rate,
            dist: folder.path().join("no-dist"),
            public_url: config.public_url,
            trusted_proxies: TrustedProxies::NONE,
            // The response below is of 2024, the clock the system's.
            submitted_window: SubmittedWindow {
                late: Duration::from_secs(100 * 365 * 24 * 60 * 60),
                ..SubmittedWindow::DEFAULT
            },
            body_read_timeout: config.http.body_read_timeout,
        };
        let app = app(AppState::new(store.clone(), ingest, clock, options).unwrap());

        let health = app
            .clone()
            .oneshot(Request::get("/api/v1/health").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(health.status(), StatusCode::OK);
        assert_eq!(health.headers()["x-content-type-options"], "nosniff");

        let response = serde_json::json!({
            "id": "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10",
            "instrument": "pxs-core", "instrument_version": 1,
            "hospital": "H001", "visit_type": "emergency", "channel": "phone",
            "submitted_at": "2024-05-03T09:12:44Z",
            "answers": {"emergency.triage": 4, "overall.rating": 7, "overall.recommend": 8}
        });
        let submit = Request::post("/api/v1/responses")
            .header("content-type", "application/json")
            .body(Body::from(response.to_string()))
            .unwrap();
        assert_eq!(
            app.oneshot(submit).await.unwrap().status(),
            StatusCode::CREATED
        );
        assert_eq!(store.count_responses().await.unwrap(), 1);
        writer.finish().await;
    }
}
