//! Writing JSON text (RFC 8259) from the app's types, field by field, in
//! the same shape serde gives them (the tests compare both).

use std::collections::BTreeMap;

/// A type written as JSON.
pub trait ToJson {
    fn to_json(&self, w: &mut JsonWriter);
}

/// Builds one JSON text. Commas are placed by the writer: callers open and
/// close objects and arrays and write keys and values in order.
#[derive(Debug, Default)]
pub struct JsonWriter {
    text: String,
    /// A value was just written at this level: the next one needs a comma.
    after_value: bool,
}

impl JsonWriter {
    pub fn new() -> Self {
        JsonWriter::default()
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.text
    }

    fn separate(&mut self) {
        if self.after_value {
            self.text.push(',');
        }
    }

    fn value(&mut self, token: &str) {
        self.separate();
        self.text.push_str(token);
        self.after_value = true;
    }

    pub fn open_object(&mut self) {
        self.separate();
        self.text.push('{');
        self.after_value = false;
    }

    pub fn close_object(&mut self) {
        self.text.push('}');
        self.after_value = true;
    }

    pub fn open_array(&mut self) {
        self.separate();
        self.text.push('[');
        self.after_value = false;
    }

    pub fn close_array(&mut self) {
        self.text.push(']');
        self.after_value = true;
    }

    /// The key of the next member of the open object.
    pub fn key(&mut self, name: &str) {
        self.string(name);
        self.text.push(':');
        self.after_value = false;
    }

    /// A member of the open object.
    pub fn field<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) {
        self.key(name);
        value.to_json(self);
    }

    pub fn null(&mut self) {
        self.value("null");
    }

    pub fn boolean(&mut self, b: bool) {
        self.value(if b { "true" } else { "false" });
    }

    pub fn int(&mut self, n: i64) {
        self.value(&n.to_string());
    }

    /// A string with `"`, `\` and control characters escaped (as
    /// `JSON.stringify` and serde_json do); everything else as is, UTF-8.
    pub fn string(&mut self, s: &str) {
        self.separate();
        self.text.reserve(s.len() + 2);
        self.text.push('"');
        for c in s.chars() {
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                '\u{8}' => self.text.push_str("\\b"),
                '\u{c}' => self.text.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let b = c as usize;
                    self.text.push_str("\\u00");
                    self.text.push(HEX[b >> 4] as char);
                    self.text.push(HEX[b & 0xf] as char);
                }
                c => self.text.push(c),
            }
        }
        self.text.push('"');
        self.after_value = true;
    }
}

impl ToJson for str {
    fn to_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for String {
    fn to_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn to_json(&self, w: &mut JsonWriter) {
        w.boolean(*self);
    }
}

impl ToJson for i64 {
    fn to_json(&self, w: &mut JsonWriter) {
        w.int(*self);
    }
}

impl ToJson for u32 {
    fn to_json(&self, w: &mut JsonWriter) {
        w.int(i64::from(*self));
    }
}

impl ToJson for usize {
    fn to_json(&self, w: &mut JsonWriter) {
        w.int(i64::try_from(*self).unwrap_or(i64::MAX));
    }
}

/// `None` is `null` (serde's default for an `Option` it does not skip).
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut JsonWriter) {
        match self {
            Some(v) => v.to_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_array();
        for v in self {
            v.to_json(w);
        }
        w.close_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut JsonWriter) {
        self.as_slice().to_json(w);
    }
}

/// A map with string keys is an object.
impl<V: ToJson> ToJson for BTreeMap<String, V> {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        for (k, v) in self {
            w.field(k, v);
        }
        w.close_object();
    }
}

/// The JSON text of `value`.
pub fn stringify<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = JsonWriter::new();
    value.to_json(&mut w);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde_json() {
        for s in [
            "",
            "plain",
            "引号\"和\\反斜杠",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}\u{7f}",
            "😀\u{2028}",
        ] {
            assert_eq!(stringify(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn places_commas_between_members_and_elements() {
        let mut w = JsonWriter::new();
        w.open_object();
        w.field("a", &vec![1i64, -2]);
        w.field("b", &None::<String>);
        w.key("c");
        w.open_object();
        w.close_object();
        w.field("d", &[Some(true), None][..]);
        w.close_object();
        assert_eq!(
            w.finish(),
            r#"{"a":[1,-2],"b":null,"c":{},"d":[true,null]}"#
        );
    }
}
