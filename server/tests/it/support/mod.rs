//! Databases, servers and responses for the tests.

mod database;
mod receiver;
mod responses;
mod test_server;

pub(crate) use database::{on_each_backend, TestDb};
pub(crate) use receiver::Receiver;
pub(crate) use responses::{generated, response, submitted_json, uuid};
pub(crate) use test_server::{TestServer, PASSWORD};
