//! The outbox as stored in `localStorage`, and the server's answer to a
//! batch (`{"results": [...]}`, the `wire` crate's types, which the server
//! writes with serde).

use wire::{BatchReply, FieldError, SubmissionResult, SubmissionStatus};

use super::read::{FromJson, JsonError, Node};
use super::write::{JsonWriter, ToJson};
use crate::services::outbox::{KeptAside, Outbox, SetAsideReason};

impl FromJson for Outbox {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Outbox {
            pending: n.list("pending", true)?,
            kept_aside: n.list("kept_aside", true)?,
        })
    }
}

impl ToJson for Outbox {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("pending", &self.pending);
        w.field("kept_aside", &self.kept_aside);
        w.close_object();
    }
}

impl FromJson for KeptAside {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(KeptAside {
            response: n.object("response")?,
            reason: n.word("reason", reason)?,
            message: n.opt_string("message")?.unwrap_or_default(),
            errors: n.list("errors", true)?,
        })
    }
}

/// An empty `errors` is left out.
impl ToJson for KeptAside {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("response", &self.response);
        w.field("reason", reason_name(self.reason));
        w.field("message", &self.message);
        if !self.errors.is_empty() {
            w.field("errors", &self.errors);
        }
        w.close_object();
    }
}

const REASONS: [(SetAsideReason, &str); 4] = [
    (SetAsideReason::Conflict, "conflict"),
    (SetAsideReason::Rejected, "rejected"),
    (SetAsideReason::TooLarge, "too_large"),
    (SetAsideReason::Unreadable, "unreadable"),
];

fn reason_name(reason: SetAsideReason) -> &'static str {
    REASONS
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or("", |(_, name)| name)
}

fn reason(name: &str) -> Option<SetAsideReason> {
    REASONS.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
}

impl FromJson for FieldError {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(FieldError {
            field: n.string("field")?,
            message: n.string("message")?,
        })
    }
}

impl ToJson for FieldError {
    fn to_json(&self, w: &mut JsonWriter) {
        w.open_object();
        w.field("field", &self.field);
        w.field("message", &self.message);
        w.close_object();
    }
}

impl FromJson for BatchReply {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(BatchReply {
            results: n.list("results", false)?,
        })
    }
}

impl FromJson for SubmissionResult {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(SubmissionResult {
            // `null` when the server could not read the response's id.
            id: n.opt_string("id")?,
            status: n.word("status", status)?,
            errors: n.list("errors", true)?,
            message: n.opt_string("message")?,
        })
    }
}

fn status(name: &str) -> Option<SubmissionStatus> {
    match name {
        "stored" => Some(SubmissionStatus::Stored),
        "duplicate" => Some(SubmissionStatus::Duplicate),
        "conflict" => Some(SubmissionStatus::Conflict),
        "rejected" => Some(SubmissionStatus::Rejected),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::json::response::tests::full_response;
    use crate::services::json::stringify;

    #[test]
    fn writes_what_serde_writes() {
        let mut outbox = Outbox::default();
        assert_eq!(stringify(&outbox), serde_json::to_string(&outbox).unwrap());
        let mut second = full_response();
        second.id = "other".to_owned();
        outbox.enqueue(full_response());
        outbox.enqueue(second.clone());
        let mut third = second.clone();
        third.id = "third".to_owned();
        outbox.enqueue(third);
        outbox.set_aside("other", SetAsideReason::TooLarge, "413");
        outbox.kept_aside.push(KeptAside {
            response: second,
            reason: SetAsideReason::Rejected,
            message: String::new(),
            errors: vec![FieldError::new(
                "answers.x",
                "is not an item of pxs-core version 1",
            )],
        });
        assert_eq!(stringify(&outbox), serde_json::to_string(&outbox).unwrap());
    }

    #[test]
    fn reason_names_are_serdes() {
        for (reason, name) in REASONS {
            assert_eq!(serde_json::to_value(reason).unwrap(), name);
            assert_eq!(super::reason(name), Some(reason));
        }
    }
}
