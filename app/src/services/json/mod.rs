//! JSON in the browser: texts are parsed by the browser's own `JSON.parse`
//! and read field by field ([`read`]); they are written by a small writer
//! ([`write`]). The survey bundle carries neither a JSON parser nor serde's
//! generic (de)serialisers: serde_json's parser is ~50 KB of wasm, and
//! serde-wasm-bindgen with the derived visitors (and the float formatting
//! their error messages need) cost 33 KB of gzipped wasm, against 12 KB
//! for these hand-written readers — 21 KB of the 150 KB budget
//! (BENCHMARKS.md, "Survey bundle").
//!
//! The types keep their serde derives: the CLI, the server and the tests
//! use them, and the tests (here and `app/tests/survey_json.rs`) check that
//! both agree on every stored and sent shape (docs/formats.md §2 for responses).

mod contacts;
mod instrument;
mod kiosk;
mod outbox;
mod public_actions;
pub mod read;
mod registry;
mod response;
pub mod write;

use wasm_bindgen::JsCast;

pub use public_actions::{actions_of, kept_actions};
pub use read::{FromJson, JsonError, Node};
pub use registry::{place_names, registry_names, PlaceNames};
pub use response::{answer, Submission};
pub use write::{stringify, JsonWriter, ToJson};

/// Parse a JSON text with `JSON.parse`.
pub fn parse_node(text: &str) -> Result<Node, JsonError> {
    js_sys::JSON::parse(text).map(Node::new).map_err(|e| {
        JsonError::Syntax(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default(),
        )
    })
}

/// Parse a JSON text into `T`.
pub fn parse<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse_node(text)?)
}

/// The `id` and `version` of an instrument's JSON text, read without
/// building the whole instrument (instruments are versioned: the same id
/// and version is the same instrument, docs/formats.md §1).
pub fn instrument_id_version(text: &str) -> Option<(String, u32)> {
    let node = parse_node(text).ok()?;
    Some((node.string("id").ok()?, node.u32("version").ok()?))
}
