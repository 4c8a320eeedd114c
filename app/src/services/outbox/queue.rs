//! The queue of responses waiting for the server, and the list kept aside
//! for staff when the server will never take one.

use scoring::response::Response;
use serde::{Deserialize, Serialize};

use wire::{FieldError, SubmissionResult, SubmissionStatus};

/// Finished responses on this device, oldest first. Persisted as one JSON
/// document so that a write is all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    /// Waiting to be sent.
    #[serde(default)]
    pub pending: Vec<Response>,
    /// Refused by the server for good; kept for staff, never retried.
    #[serde(default)]
    pub kept_aside: Vec<KeptAside>,
}

/// A response the server will not accept, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptAside {
    pub response: Response,
    pub reason: SetAsideReason,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// Why a response was kept aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAsideReason {
    /// The server holds a different response under the same id (409).
    Conflict,
    /// The server found it invalid (422).
    Rejected,
    /// Alone, it is still over the server's body limit (413).
    TooLarge,
    /// Alone, the server still cannot read it (400).
    Unreadable,
}

/// What [`Outbox::enqueue`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    Added,
    /// A response with this id is already on the device; the first one is
    /// kept, as the server would keep the first one too.
    AlreadyQueued,
}

/// What [`Outbox::apply`] did with a batch's results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Removed because the server has them (`stored` or `duplicate`).
    pub delivered: usize,
    /// Moved to the kept-aside list.
    pub set_aside: usize,
}

impl Applied {
    /// Whether the results changed the outbox at all.
    pub fn any(self) -> bool {
        self.delivered + self.set_aside > 0
    }
}

impl Outbox {
    /// Whether a response with this id is pending or kept aside.
    pub fn contains(&self, id: &str) -> bool {
        self.pending.iter().any(|r| r.id == id)
            || self.kept_aside.iter().any(|k| k.response.id == id)
    }

    /// Queue a finished response, once per id.
    pub fn enqueue(&mut self, response: Response) -> Enqueued {
        if self.contains(&response.id) {
            return Enqueued::AlreadyQueued;
        }
        self.pending.push(response);
        Enqueued::Added
    }

    /// The next batch to send: the oldest `max` pending responses.
    pub fn batch(&self, max: usize) -> &[Response] {
        &self.pending[..self.pending.len().min(max)]
    }

    /// Apply the server's verdicts on the batch `sent` (ids, in the order
    /// sent). The server answers in that order, so a result without an id
    /// (the server could not read one) is the response sent at its place.
    /// Results for ids that are not pending (a second tab already handled
    /// them) are ignored; pending responses without a result stay pending.
    pub fn apply(&mut self, sent: &[String], results: &[SubmissionResult]) -> Applied {
        let mut applied = Applied::default();
        for (place, result) in results.iter().enumerate() {
            let Some(id) = result.id.as_ref().or(sent.get(place)) else {
                continue;
            };
            let Some(at) = self.pending.iter().position(|r| &r.id == id) else {
                continue;
            };
            let response = self.pending.remove(at);
            let reason = match result.status {
                SubmissionStatus::Stored | SubmissionStatus::Duplicate => {
                    applied.delivered += 1;
                    continue;
                }
                SubmissionStatus::Conflict => SetAsideReason::Conflict,
                SubmissionStatus::Rejected => SetAsideReason::Rejected,
            };
            self.kept_aside.push(KeptAside {
                response,
                reason,
                message: result.message.clone().unwrap_or_default(),
                errors: result.errors.clone(),
            });
            applied.set_aside += 1;
        }
        applied
    }

    /// Move one pending response to the kept-aside list.
    pub fn set_aside(&mut self, id: &str, reason: SetAsideReason, message: &str) -> bool {
        let Some(at) = self.pending.iter().position(|r| r.id == id) else {
            return false;
        };
        let response = self.pending.remove(at);
        self.kept_aside.push(KeptAside {
            response,
            reason,
            message: message.to_owned(),
            errors: Vec::new(),
        });
        true
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use scoring::instrument::VisitType;
    use scoring::response::{Answer, Channel, Respondent};

    use super::*;

    /// A small valid-looking response; `id` makes it distinct.
    pub(crate) fn response(id: &str) -> Response {
        Response {
            id: id.to_owned(),
            instrument: "pxs-core".to_owned(),
            instrument_version: 1,
            hospital: "H001".to_owned(),
            department: "cardiology".to_owned(),
            visit_type: VisitType::Outpatient,
            channel: Channel::Kiosk,
            submitted_at: "2024-05-03T09:12:44Z".to_owned(),
            answers: BTreeMap::from([("overall.rating".to_owned(), Answer::Value(9))]),
            respondent: Respondent::default(),
            comment: String::new(),
        }
    }

    fn result(id: &str, status: SubmissionStatus) -> SubmissionResult {
        SubmissionResult {
            id: Some(id.to_owned()),
            status,
            errors: Vec::new(),
            message: None,
        }
    }

    fn ids(responses: &[Response]) -> Vec<&str> {
        responses.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn an_id_is_queued_once() {
        let mut outbox = Outbox::default();
        assert_eq!(outbox.enqueue(response("a")), Enqueued::Added);
        let mut edited = response("a");
        edited.comment = "changed".to_owned();
        assert_eq!(outbox.enqueue(edited), Enqueued::AlreadyQueued);
        assert_eq!(outbox.pending, [response("a")]);
    }

    #[test]
    fn batches_take_the_oldest_first() {
        let mut outbox = Outbox::default();
        for id in ["a", "b", "c"] {
            outbox.enqueue(response(id));
        }
        assert_eq!(ids(outbox.batch(2)), ["a", "b"]);
        assert_eq!(ids(outbox.batch(10)), ["a", "b", "c"]);
    }

    #[test]
    fn delivered_leave_refused_are_kept_aside_unanswered_stay() {
        let mut outbox = Outbox::default();
        for id in ["a", "b", "c", "d", "e"] {
            outbox.enqueue(response(id));
        }
        let mut rejected = result("d", SubmissionStatus::Rejected);
        rejected
            .errors
            .push(FieldError::new("answers.x", "unknown item"));
        let sent = ["a", "b", "c", "d", "e"].map(String::from);
        let applied = outbox.apply(
            &sent,
            &[
                result("a", SubmissionStatus::Stored),
                result("b", SubmissionStatus::Duplicate),
                result("c", SubmissionStatus::Conflict),
                rejected,
                result("zz", SubmissionStatus::Stored),
            ],
        );
        assert_eq!(
            applied,
            Applied {
                delivered: 2,
                set_aside: 2
            }
        );
        assert_eq!(ids(&outbox.pending), ["e"]);
        let aside: Vec<_> = outbox
            .kept_aside
            .iter()
            .map(|k| (k.response.id.as_str(), k.reason))
            .collect();
        assert_eq!(
            aside,
            [
                ("c", SetAsideReason::Conflict),
                ("d", SetAsideReason::Rejected)
            ]
        );
        assert_eq!(outbox.kept_aside[1].errors[0].field, "answers.x");
        // Kept aside still counts as on the device: it is not queued again.
        assert_eq!(outbox.enqueue(response("c")), Enqueued::AlreadyQueued);
    }

    #[test]
    fn a_result_without_id_is_the_response_sent_at_its_place() {
        let mut outbox = Outbox::default();
        for id in ["a", "b", "c"] {
            outbox.enqueue(response(id));
        }
        let mut unnamed = result("b", SubmissionStatus::Rejected);
        unnamed.id = None;
        unnamed
            .errors
            .push(FieldError::new("id", "missing field `id`"));
        let sent = ["a", "b", "c"].map(String::from);
        let applied = outbox.apply(
            &sent,
            &[
                result("a", SubmissionStatus::Stored),
                unnamed,
                result("c", SubmissionStatus::Stored),
            ],
        );
        assert_eq!(applied.delivered + applied.set_aside, 3);
        assert!(outbox.pending.is_empty());
        assert_eq!(outbox.kept_aside[0].response.id, "b");
        assert_eq!(outbox.kept_aside[0].reason, SetAsideReason::Rejected);
    }

    #[test]
    fn survives_a_json_round_trip() {
        let mut outbox = Outbox::default();
        outbox.enqueue(response("a"));
        outbox.enqueue(response("b"));
        outbox.set_aside("b", SetAsideReason::TooLarge, "413");
        let json = serde_json::to_string(&outbox).unwrap();
        let back: Outbox = serde_json::from_str(&json).unwrap();
        assert_eq!(back, outbox);
        assert_eq!(
            serde_json::from_str::<Outbox>("{}").unwrap(),
            Outbox::default()
        );
    }
}
