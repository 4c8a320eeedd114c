//! A running server: the store, the ingest writer and the application,
//! started in order and stopped in reverse.

use std::future::Future;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use tokio::net::TcpListener;

use crate::cases::Sweeper;
use crate::clock::Clock;
use crate::config::Config;
use crate::http::{app, AppState, StateOptions};
use crate::ingest::{Ingest, Writer};
use crate::listen::{serve, HttpLimits};
use crate::notify::{CaseLinks, Deliverer};
use crate::store::{CaseOptions, Store};

pub struct Server {
    state: AppState,
    writer: Writer,
    deliverer: Deliverer,
    sweeper: Sweeper,
    /// The task that shares the per-address limits through the database.
    limits: (
        tokio::sync::watch::Sender<bool>,
        tokio::task::JoinHandle<()>,
    ),
    http: HttpLimits,
    grace: std::time::Duration,
}

impl Server {
    /// Opens (and migrates) the database and starts the writer.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Server> {
        config
            .instrument
            .check()
            .map_err(|errors| anyhow::anyhow!("the instrument is not valid: {}", join(&errors)))?;
        let store = Store::connect(&config.database_url)
            .await
            .with_context(|| {
                format!(
                    "could not open the database {}",
                    redact(&config.database_url)
                )
            })?;
        tracing::info!(backend = store.backend(), "database ready");
        let links = CaseLinks {
            base: config.public_url.as_str().to_owned(),
        };
        let cases = CaseOptions {
            links: links.clone(),
        };
        let (ingest, writer) = Ingest::start(store.clone(), clock.clone(), cases);
        let deliverer = Deliverer::start(store.clone(), clock.clone(), config.delivery);
        let sweeper = Sweeper::start(store.clone(), clock.clone(), links, config.sweep_every);
        let options = StateOptions {
            instrument: config.instrument,
            session_ttl: config.session_ttl,
            secure_cookies: config.secure_cookies,
            max_body_bytes: config.max_body_bytes,
            submit_rate: config.submit_rate,
            dist: config.dist,
            public_url: config.public_url,
            trusted_proxies: config.trusted_proxies,
            submitted_window: config.submitted_window,
            body_read_timeout: config.http.body_read_timeout,
        };
        let state = AppState::new(store, ingest, clock, options)?;
        let (stop_limits, stopped) = tokio::sync::watch::channel(false);
        let limits = tokio::spawn(state.clone().share_limits(stopped));
        Ok(Server {
            state,
            writer,
            deliverer,
            sweeper,
            limits: (stop_limits, limits),
            http: config.http,
            grace: config.shutdown_grace,
        })
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn app(&self) -> Router {
        app(self.state.clone())
    }

    /// Serves until `shutdown`, then: stops accepting, lets open requests
    /// finish, commits every queued response, stops the webhook deliverer
    /// and the case sweep (undelivered events wait in the outbox), closes
    /// the database.
    pub async fn run(self, listener: TcpListener, shutdown: impl Future<Output = ()>) {
        let Server {
            state,
            writer,
            deliverer,
            sweeper,
            limits: (stop_limits, limits),
            http,
            grace,
        } = self;
        serve(listener, app(state.clone()), http, shutdown, grace).await;
        let _ = stop_limits.send(true);
        let _ = limits.await;
        writer.finish().await;
        deliverer.stop().await;
        sweeper.stop().await;
        state.store.close().await;
        tracing::info!("stopped");
    }
}

fn join(errors: &[scoring::validate::FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_from_messages() {
        assert_eq!(
            redact("postgres://tiyan:s3cret@db:5432/tiyan"),
            "postgres://tiyan:***@db:5432/tiyan"
        );
        assert_eq!(
            redact("postgres://tiyan@db/tiyan"),
            "postgres://tiyan@db/tiyan"
        );
        assert_eq!(redact("sqlite://data/tiyan.db"), "sqlite://data/tiyan.db");
    }
}
