//! What the server answers to `POST /api/v1/responses` with an array, and
//! what the HTTP layer saw when it tried.

use serde::{Deserialize, Serialize};

/// The verdict of the server on one response of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryStatus {
    /// Stored now.
    Stored,
    /// The same id with the same content was stored before.
    Duplicate,
    /// The same id was stored before with different content.
    Conflict,
    /// The response does not check against the instrument.
    Rejected,
}

impl DeliveryStatus {
    /// The server has this response: it may leave the device.
    pub fn is_delivered(self) -> bool {
        matches!(self, DeliveryStatus::Stored | DeliveryStatus::Duplicate)
    }
}

/// One field the server found wrong (`errors` of a rejected response).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireFieldError {
    pub field: String,
    pub message: String,
}

/// One element of `{"results": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryResult {
    pub id: String,
    pub status: DeliveryStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<WireFieldError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The body of a 200 answer to a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReply {
    pub results: Vec<DeliveryResult>,
}

/// Everything that can come of posting one batch, as the sync policy needs
/// to tell the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchOutcome {
    /// 200 with one result per response (possibly fewer if the server
    /// misbehaves; the missing ones stay pending).
    Answered(Vec<DeliveryResult>),
    /// 413: the body is over the server's limit.
    TooLarge,
    /// 400: the server could not read the body as JSON.
    Malformed,
    /// 429, with the `Retry-After` delay when the server gave one.
    RateLimited { retry_after_ms: Option<u64> },
    /// Offline, connection failure, 5xx or any other unexpected answer:
    /// worth trying again later.
    Unavailable,
}

/// Read a `Retry-After` header given in seconds (the HTTP-date form is not
/// used by tiyan-server and is ignored).
pub fn parse_retry_after(value: &str) -> Option<u64> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .map(|s| s.saturating_mul(1_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_batch_answer_of_the_api() {
        let body = r#"{"results":[
            {"id":"a","status":"stored"},
            {"id":"b","status":"duplicate"},
            {"id":"c","status":"conflict","message":"same id, different content"},
            {"id":"d","status":"rejected","errors":[{"field":"answers.x","message":"unknown item"}]}
        ]}"#;
        let reply: BatchReply = serde_json::from_str(body).unwrap();
        let statuses: Vec<_> = reply.results.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                DeliveryStatus::Stored,
                DeliveryStatus::Duplicate,
                DeliveryStatus::Conflict,
                DeliveryStatus::Rejected
            ]
        );
        assert_eq!(
            reply.results[2].message.as_deref(),
            Some("same id, different content")
        );
        assert_eq!(reply.results[3].errors[0].field, "answers.x");
        assert!(reply.results[1].status.is_delivered());
        assert!(!reply.results[2].status.is_delivered());
    }

    #[test]
    fn retry_after_is_seconds() {
        assert_eq!(parse_retry_after(" 30 "), Some(30_000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
