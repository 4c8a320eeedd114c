//! A running server: the store, the ingest writer and the application,
//! started in order and stopped in reverse.

use std::future::Future;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::config::Config;
use crate::http::{app, AppState, StateOptions};
use crate::ingest::{Ingest, Writer};
use crate::listen::{serve, HttpLimits};
use crate::store::Store;

pub struct Server {
    state: AppState,
    writer: Writer,
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
        let (ingest, writer) = Ingest::start(store.clone(), clock.clone());
        let options = StateOptions {
            instrument: config.instrument,
            session_ttl: config.session_ttl,
            secure_cookies: config.secure_cookies,
            max_body_bytes: config.max_body_bytes,
            submit_rate: config.submit_rate,
            dist: config.dist,
            public_url: config.public_url,
        };
        let state = AppState::new(store, ingest, clock, options)?;
        Ok(Server {
            state,
            writer,
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
    /// finish, commits every queued response, closes the database.
    pub async fn run(self, listener: TcpListener, shutdown: impl Future<Output = ()>) {
        let Server {
            state,
            writer,
            http,
            grace,
        } = self;
        serve(listener, app(state.clone()), http, shutdown, grace).await;
        writer.finish().await;
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
