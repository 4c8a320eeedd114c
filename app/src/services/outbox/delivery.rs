//! What came of posting a batch to `POST /api/v1/responses`: the server's
//! answer (the `wire` crate's `BatchReply`, shared with the server) or what
//! the HTTP layer saw instead.

use wire::SubmissionResult;

/// Everything that can come of posting one batch, as the sync policy needs
/// to tell the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchOutcome {
    /// 200 with one result per response (possibly fewer if the server
    /// misbehaves; the missing ones stay pending).
    Answered(Vec<SubmissionResult>),
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
    fn retry_after_is_seconds() {
        assert_eq!(parse_retry_after(" 30 "), Some(30_000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
