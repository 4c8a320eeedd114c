//! `POST /responses`: the verdict on each submitted response.
//!
//! One response gets one [`SubmissionResult`] (its status also as the HTTP
//! status: 201, 200, 409, 422); an array gets a [`BatchReply`] with one
//! result per element, in order.

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// The server's verdict on one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionStatus {
    /// Stored now.
    Stored,
    /// The same id with the same content was stored before.
    Duplicate,
    /// The same id was stored before with different content.
    Conflict,
    /// The response does not check against the instrument, or is not a
    /// response at all.
    Rejected,
}

impl SubmissionStatus {
    /// The server has this response: a device may forget it.
    pub fn is_delivered(self) -> bool {
        matches!(self, SubmissionStatus::Stored | SubmissionStatus::Duplicate)
    }
}

/// The result for one response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionResult {
    /// The submitted `id`; `null` when the element had no string `id`
    /// (then only its place in a batch tells which one it was).
    pub id: Option<String>,
    pub status: SubmissionStatus,
    /// Every problem found, for `rejected`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Why, for `conflict`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The body of a 200 answer to an array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReply {
    pub results: Vec<SubmissionResult>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_status_and_a_rejection_without_id() {
        let body = r#"{"results":[
            {"id":"a","status":"stored"},
            {"id":"b","status":"duplicate"},
            {"id":"c","status":"conflict","message":"same id, different content"},
            {"id":"d","status":"rejected","errors":[{"field":"answers.x","message":"unknown item"}]},
            {"id":null,"status":"rejected","errors":[{"field":"id","message":"missing"}]}
        ]}"#;
        let reply: BatchReply = serde_json::from_str(body).unwrap();
        let statuses: Vec<_> = reply.results.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                SubmissionStatus::Stored,
                SubmissionStatus::Duplicate,
                SubmissionStatus::Conflict,
                SubmissionStatus::Rejected,
                SubmissionStatus::Rejected
            ]
        );
        assert_eq!(reply.results[4].id, None);
        assert_eq!(reply.results[3].errors[0].field, "answers.x");
        assert!(reply.results[1].status.is_delivered());
        assert!(!reply.results[2].status.is_delivered());
    }

    #[test]
    fn writes_what_is_set_and_always_the_id() {
        let stored = SubmissionResult {
            id: Some("a".to_owned()),
            status: SubmissionStatus::Stored,
            errors: Vec::new(),
            message: None,
        };
        assert_eq!(
            serde_json::to_string(&stored).unwrap(),
            r#"{"id":"a","status":"stored"}"#
        );
        let unnamed = SubmissionResult {
            id: None,
            status: SubmissionStatus::Rejected,
            errors: vec![FieldError::new("id", "missing")],
            message: None,
        };
        assert_eq!(
            serde_json::to_string(&unnamed).unwrap(),
            r#"{"id":null,"status":"rejected","errors":[{"field":"id","message":"missing"}]}"#
        );
    }
}
