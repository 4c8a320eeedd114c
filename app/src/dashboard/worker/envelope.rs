//! How messages cross between the page and the scoring worker: bincode
//! bytes in a `Uint8Array` (structured clone copies them once; no JSON on
//! either side).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::dashboard::protocol::FromWorker;

/// Worker → page, around the engine's answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkerEvent {
    /// The worker's handler is installed: messages held until now may go.
    Loaded,
    Answer(FromWorker),
    /// A message from the page could not be read (a page and a worker of
    /// different builds); the text says why.
    Unreadable(String),
}

pub fn encode<T: Serialize>(message: &T) -> Result<JsValue, String> {
    let bytes = bincode::serialize(message)
        .map_err(|e| format!("could not encode a worker message: {e}"))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
}

pub fn decode<T: DeserializeOwned>(data: &JsValue) -> Result<T, String> {
    let array = data
        .dyn_ref::<js_sys::Uint8Array>()
        .ok_or("a worker message is not a Uint8Array")?;
    bincode::deserialize(&array.to_vec())
        .map_err(|e| format!("could not read a worker message: {e}"))
}
