//! JSON in the browser through the browser's own `JSON.parse` and
//! `JSON.stringify`, with `serde-wasm-bindgen` between JS values and Rust
//! types. The survey bundle then carries no JSON parser of its own
//! (serde_json's is ~50 KB of wasm, a third of the size budget).

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Why a JSON text could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct JsonError(pub String);

impl From<serde_wasm_bindgen::Error> for JsonError {
    fn from(e: serde_wasm_bindgen::Error) -> Self {
        JsonError(e.to_string())
    }
}

fn js_error(value: JsValue) -> JsonError {
    JsonError(
        value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "invalid JSON".to_owned()),
    )
}

/// Parse a JSON text into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let value = js_sys::JSON::parse(text).map_err(js_error)?;
    Ok(serde_wasm_bindgen::from_value(value)?)
}

/// The `id` and `version` of an instrument's JSON text, read without
/// building the whole instrument (instruments are versioned: the same id
/// and version is the same instrument, formats.md §1).
pub fn instrument_id_version(text: &str) -> Option<(String, u32)> {
    let value = js_sys::JSON::parse(text).ok()?;
    let id = js_sys::Reflect::get(&value, &JsValue::from_str("id"))
        .ok()?
        .as_string()?;
    let version = js_sys::Reflect::get(&value, &JsValue::from_str("version"))
        .ok()?
        .as_f64()?;
    (version.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&version))
        .then_some((id, version as u32))
}

/// Write `value` as a JSON text (maps as objects, as the API expects).
pub fn stringify<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    let text = js_sys::JSON::stringify(&value).map_err(js_error)?;
    text.as_string()
        .ok_or_else(|| JsonError("not serialisable".to_owned()))
}
