//! The body POSTed for a case event (docs/formats.md §6):
//! `{"event", "idempotency_key", "case": {"id", "hospital", "department",
//! "reasons", "due_at", "url"}}`. Built from the case's columns only: no
//! comment, no answer, no phone number ever reaches it.

use serde::Serialize;
use wire::Reason;

/// Which event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Opened,
    Overdue,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Opened => "case.opened",
            Event::Overdue => "case.overdue",
        }
    }
}

/// Where a case is seen in the staff app (the cases bundle, served at
/// `/admin/cases/`): `{base}/admin/cases/case/{id}`, `base` being the
/// server's public address (`--public-url`), or a path alone without one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseLinks {
    pub base: String,
}

impl CaseLinks {
    pub fn case(&self, id: i64) -> String {
        format!("{}/admin/cases/case/{id}", self.base.trim_end_matches('/'))
    }
}

#[derive(Serialize)]
struct Body<'a> {
    event: &'static str,
    idempotency_key: &'a str,
    case: CaseSummary<'a>,
}

#[derive(Serialize)]
struct CaseSummary<'a> {
    id: i64,
    hospital: &'a str,
    department: &'a str,
    reasons: &'a [Reason],
    due_at: &'a str,
    url: String,
}

/// The facts of a case an event carries.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts<'a> {
    pub id: i64,
    pub hospital: &'a str,
    pub department: &'a str,
    pub reasons: &'a [Reason],
    /// RFC 3339.
    pub due_at: &'a str,
}

/// The idempotency key and the JSON body of `event` for a case. The key
/// names the event and the case: one key per event a case can have, so a
/// receiver drops any repeat of a delivery.
pub fn case_event(event: Event, case: CaseFacts<'_>, links: &CaseLinks) -> (String, String) {
    let key = format!("{}:{}", event.as_str(), case.id);
    let body = Body {
        event: event.as_str(),
        idempotency_key: &key,
        case: CaseSummary {
            id: case.id,
            hospital: case.hospital,
            department: case.department,
            reasons: case.reasons,
            due_at: case.due_at,
            url: links.case(case.id),
        },
    };
    // Plain strings and numbers: serialising cannot fail.
    let body = serde_json::to_string(&body).unwrap_or_default();
    (key, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_contract_shape_and_no_more() {
        let reasons = [
            Reason::OverallRating,
            Reason::ItemLowest {
                item: "outpatient.wait_time".into(),
            },
        ];
        let facts = CaseFacts {
            id: 7,
            hospital: "H001",
            department: "cardiology",
            reasons: &reasons,
            due_at: "2025-06-04T00:00:00Z",
        };
        let links = CaseLinks {
            base: "https://tiyan.example.org/".into(),
        };
        let (key, body) = case_event(Event::Overdue, facts, &links);
        assert_eq!(key, "case.overdue:7");
        assert_eq!(
            body,
            r#"{"event":"case.overdue","idempotency_key":"case.overdue:7","case":{"id":7,"hospital":"H001","department":"cardiology","reasons":[{"rule":"overall_rating"},{"rule":"item_lowest","item":"outpatient.wait_time"}],"due_at":"2025-06-04T00:00:00Z","url":"https://tiyan.example.org/admin/cases/case/7"}}"#
        );
        let (opened, _) = case_event(Event::Opened, facts, &CaseLinks::default());
        assert_ne!(opened, key);
        assert_eq!(CaseLinks::default().case(3), "/admin/cases/case/3");
    }
}
