//! Databases, servers and responses for the tests.

mod database;
mod responses;
mod test_server;

pub(crate) use database::{on_each_backend, TestDb};
pub(crate) use responses::{generated, response, submitted_json, uuid};
pub(crate) use test_server::{TestServer, PASSWORD};
