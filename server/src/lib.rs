//! tiyan-server: collects survey responses into SQLite or PostgreSQL,
//! serves the survey and dashboard bundles, and gives administrators
//! exports and reports computed by `scoring`.
//!
//! Code map: `store` (the only SQL), `ingest` (parse, validate, group
//! commit), `auth` (roles, passwords, tokens, login throttling), `http`
//! (routes, limits, headers, static files), `posters` (QR posters as SVG
//! and HTML), `listen` (sockets, header limits, graceful shutdown),
//! `server` (start and stop in order), `commands` (the command line).
//!
//! Invariants: a response is acknowledged only after its transaction
//! committed (durably: SQLite `synchronous=FULL`); an id is stored at most
//! once; responses and comments are never written to the logs.

pub mod auth;
pub mod clock;
pub mod commands;
pub mod config;
pub mod http;
pub mod ingest;
pub mod listen;
pub mod posters;
pub mod rollout;
pub mod server;
pub mod store;

pub use config::Config;
pub use http::{app, AppState};
pub use server::Server;
