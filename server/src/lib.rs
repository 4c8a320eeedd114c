//! tiyan-server: collects survey responses into SQLite or PostgreSQL,
//! serves the survey and dashboard bundles, and gives administrators
//! exports and reports computed by `scoring`.
//!
//! Code map: `store` (the only SQL), `ingest` (parse, validate, group
//! commit), `alerting` (which responses open a case), `cases` (call-back
//! numbers, a case's life, the overdue sweep), `notify` (signed webhooks
//! from the outbox), `auth` (roles, passwords, tokens, login throttling),
//! `http` (routes, limits, headers, static files), `posters` (QR posters as
//! SVG and HTML), `rollout` (registry and kiosk checks, the public URL),
//! `listen` (sockets, header limits, graceful shutdown), `server` (start
//! and stop in order), `commands` (the command line).
//!
//! Invariants: a response is acknowledged only after its transaction
//! committed (durably: SQLite `synchronous=FULL`); an id is stored at most
//! once; responses, comments and call-back numbers are never written to
//! the logs; an alerting response's case is committed with it.

pub mod alerting;
pub mod auth;
pub mod cases;
pub mod clock;
pub mod commands;
pub mod config;
pub mod http;
pub mod ingest;
pub mod listen;
pub mod notify;
pub mod posters;
pub mod rollout;
pub mod server;
pub mod store;

pub use config::Config;
pub use http::{app, AppState};
pub use server::Server;
