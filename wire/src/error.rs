//! The body of every error answer.

use serde::{Deserialize, Serialize};

/// `{"error": "..."}`: what went wrong, in words for a person (4xx and 5xx
/// answers; a 5xx never says more than "internal server error").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_one_field() {
        let body = ErrorBody {
            error: "not found".to_owned(),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":"not found"}"#
        );
    }
}
