use std::fmt;

use serde::{Deserialize, Serialize};

/// One problem with one field: `outpatient.wait_time: value 6 is outside 1..5`.
///
/// Serialises as `{"field", "message"}`, the shape of the server's 422 body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field, named as its CSV column (docs/formats.md §3), or a path such as
    /// `stages[2].items[0].id` for an instrument.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}
