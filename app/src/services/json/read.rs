//! Reading a document parsed by the browser's `JSON.parse`: a [`Node`] is
//! one value of it, and each type says which fields it wants
//! ([`FromJson`]). Every reader is a plain function over `Node`, so the
//! bundle carries one small reader per type rather than serde's generic
//! visitors.

use std::collections::BTreeMap;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Why a JSON document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// `JSON.parse` refused the text.
    #[error("not JSON: {0}")]
    Syntax(String),
    /// A field the type needs is missing, or has another type or value.
    #[error("field {0} is missing or not as expected")]
    Field(&'static str),
}

/// A type read from a parsed JSON value. Unknown fields are ignored and
/// absent optional ones take their default, as serde does with the same
/// types (the app's tests compare both).
pub trait FromJson: Sized {
    fn from_json(node: &Node) -> Result<Self, JsonError>;
}

/// One value of a parsed JSON document.
#[derive(Debug, Clone)]
pub struct Node(JsValue);

/// A JSON number that is a whole number and exact in a double, as
/// `Number.isSafeInteger` says (serde reads only those as integers).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Node {
    pub fn new(value: JsValue) -> Node {
        Node(value)
    }

    /// The field `name` of this object (absent if this is not an object).
    pub fn field(&self, name: &str) -> Node {
        if !self.0.is_object() {
            return Node(JsValue::UNDEFINED);
        }
        Node(Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED))
    }

    /// Missing, or `null`: an optional field takes its default.
    pub fn is_absent(&self) -> bool {
        self.0.is_undefined() || self.0.is_null()
    }

    pub fn as_str(&self) -> Option<String> {
        self.0.as_string()
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    pub fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// A whole number (`4`, not `4.5`), exact in a double.
    pub fn as_i64(&self) -> Option<i64> {
        self.0
            .as_f64()
            .filter(|v| v.fract() == 0.0 && v.abs() <= MAX_SAFE_INTEGER)
            .map(|v| v as i64)
    }

    /// The elements of an array.
    pub fn elements(&self) -> Option<Vec<Node>> {
        let array = self.0.dyn_ref::<Array>()?;
        Some(array.iter().map(Node).collect())
    }

    /// The keys and values of an object, in the document's order.
    pub fn entries(&self) -> Option<Vec<(String, Node)>> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        let object: &Object = self.0.unchecked_ref();
        Object::keys(object)
            .iter()
            .map(|key| {
                let value = Reflect::get(object, &key).ok()?;
                Some((key.as_string()?, Node(value)))
            })
            .collect()
    }

    /// Required string field.
    pub fn string(&self, name: &'static str) -> Result<String, JsonError> {
        self.field(name).as_str().ok_or(JsonError::Field(name))
    }

    /// Optional string field: absent is `None`.
    pub fn opt_string(&self, name: &'static str) -> Result<Option<String>, JsonError> {
        self.optional(name, Node::as_str)
    }

    /// Required whole-number field.
    pub fn int(&self, name: &'static str) -> Result<i64, JsonError> {
        self.field(name).as_i64().ok_or(JsonError::Field(name))
    }

    /// Required field that fits a `u32` (versions, seconds).
    pub fn u32(&self, name: &'static str) -> Result<u32, JsonError> {
        u32::try_from(self.int(name)?).map_err(|_| JsonError::Field(name))
    }

    /// Required number field.
    pub fn number(&self, name: &'static str) -> Result<f64, JsonError> {
        self.field(name).as_f64().ok_or(JsonError::Field(name))
    }

    /// Required boolean field.
    pub fn boolean(&self, name: &'static str) -> Result<bool, JsonError> {
        self.field(name).as_bool().ok_or(JsonError::Field(name))
    }

    /// Required string field naming one of a type's values
    /// (`"outpatient"`), read by that type's `parse`.
    pub fn word<T>(
        &self,
        name: &'static str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<T, JsonError> {
        self.field(name)
            .as_str()
            .and_then(|s| parse(&s))
            .ok_or(JsonError::Field(name))
    }

    /// Optional field read by `read`: absent is `None`, unreadable an error.
    pub fn optional<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&Node) -> Option<T>,
    ) -> Result<Option<T>, JsonError> {
        let field = self.field(name);
        if field.is_absent() {
            return Ok(None);
        }
        read(&field).map(Some).ok_or(JsonError::Field(name))
    }

    /// Required object field read as a `T`.
    pub fn object<T: FromJson>(&self, name: &'static str) -> Result<T, JsonError> {
        let field = self.field(name);
        if field.is_absent() {
            return Err(JsonError::Field(name));
        }
        T::from_json(&field)
    }

    /// Optional object field read as a `T`: absent is `None`.
    pub fn opt_object<T: FromJson>(&self, name: &'static str) -> Result<Option<T>, JsonError> {
        let field = self.field(name);
        if field.is_absent() {
            return Ok(None);
        }
        T::from_json(&field).map(Some)
    }

    /// Array field of `T`s; absent is an error unless `or_empty`.
    pub fn list<T: FromJson>(
        &self,
        name: &'static str,
        or_empty: bool,
    ) -> Result<Vec<T>, JsonError> {
        let field = self.field(name);
        if or_empty && field.is_absent() {
            return Ok(Vec::new());
        }
        field
            .elements()
            .ok_or(JsonError::Field(name))?
            .iter()
            .map(T::from_json)
            .collect()
    }

    /// Object field read as a map of `T`s, keys read by `key`; absent is an
    /// error unless `or_empty`. Inserted one by one (collecting would bring
    /// a sort into the bundle).
    pub fn map<K: Ord, T>(
        &self,
        name: &'static str,
        or_empty: bool,
        key: fn(String) -> Option<K>,
        value: fn(&Node) -> Option<T>,
    ) -> Result<BTreeMap<K, T>, JsonError> {
        let mut map = BTreeMap::new();
        let field = self.field(name);
        if or_empty && field.is_absent() {
            return Ok(map);
        }
        for (k, v) in field.entries().ok_or(JsonError::Field(name))? {
            let k = key(k).ok_or(JsonError::Field(name))?;
            map.insert(k, value(&v).ok_or(JsonError::Field(name))?);
        }
        Ok(map)
    }
}

impl FromJson for String {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        node.as_str().ok_or(JsonError::Field("string"))
    }
}
