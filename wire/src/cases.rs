//! Service-recovery cases: `GET /cases`, `GET /cases/{id}`,
//! `POST /cases/{id}/events`, and the `contact` a patient may leave beside
//! a response (docs/formats.md §6).

use std::collections::BTreeMap;

use scoring::response::{Answer, Respondent};
use serde::{Deserialize, Serialize};

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    InProgress,
    Resolved,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 4] = [
        CaseStatus::Open,
        CaseStatus::InProgress,
        CaseStatus::Resolved,
        CaseStatus::Closed,
    ];

    /// The JSON (and query string) spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::Resolved => "resolved",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Resolved and closed cases are done: never overdue, no call-back kept.
    pub fn is_finished(self) -> bool {
        matches!(self, CaseStatus::Resolved | CaseStatus::Closed)
    }
}

/// Why a case was opened: `{"rule": "overall_rating"}`,
/// `{"rule": "item_lowest", "item": "…"}`, `{"rule": "keyword", "keyword": "…"}`,
/// `{"rule": "callback"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Reason {
    OverallRating,
    ItemLowest { item: String },
    Keyword { keyword: String },
    Callback,
}

/// The phone number a patient chose to leave, kept with the case alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Callback {
    pub phone: String,
}

/// `"contact": {"phone": "…"}` beside a response in the body of
/// `POST /responses`: never part of the stored response.
pub type Contact = Callback;

/// A case as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: i64,
    pub response_id: String,
    pub hospital: String,
    /// May be empty, like the response's.
    pub department: String,
    /// UTC, RFC 3339 with a `Z` suffix.
    pub created_at: String,
    /// `created_at` plus the hospital's `sla_hours`.
    pub due_at: String,
    pub status: CaseStatus,
    pub assignee: Option<String>,
    pub reasons: Vec<Reason>,
    /// Not finished and past `due_at`.
    pub overdue: bool,
    /// Present until the case is resolved or closed, or 30 days have passed.
    pub callback: Option<Callback>,
}

/// The body of `GET /cases`: overdue cases first, then newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseList {
    pub cases: Vec<Case>,
}

/// The body of `POST /cases/{id}/events`, and what an event records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CaseAction {
    /// Gives the case to an account; an open case moves to `in_progress`.
    Assign {
        to: String,
    },
    Note {
        text: String,
    },
    /// Needs a non-empty `root_cause`.
    Resolve {
        root_cause: String,
        #[serde(default)]
        text: String,
    },
    /// Ends a case that needs no action.
    Close {
        #[serde(default)]
        text: String,
    },
    /// Opens a resolved or closed case again.
    Reopen {
        #[serde(default)]
        text: String,
    },
}

/// One entry of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// UTC, RFC 3339 with a `Z` suffix.
    pub at: String,
    /// The account that acted.
    pub by: String,
    #[serde(flatten)]
    pub action: CaseAction,
}

/// The response behind a case, for a signed-in account in scope: its
/// answers and comment (free text with personal data masked,
/// docs/scoring.md §16; never in a notification).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseResponse {
    pub instrument: String,
    pub instrument_version: u32,
    pub visit_type: String,
    pub channel: String,
    pub submitted_at: String,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub respondent: Respondent,
    #[serde(default)]
    pub comment: String,
}

/// The body of `GET /cases/{id}` and of the answer to
/// `POST /cases/{id}/events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: Case,
    /// Oldest first.
    pub events: Vec<CaseEvent>,
    pub response: Option<CaseResponse>,
}

/// One account a case can be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignee {
    pub username: String,
    pub role: crate::Role,
}

/// The body of `GET /cases/{id}/assignees`: the accounts that can see the
/// case (and so may be given it), by username.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignees {
    pub assignees: Vec<Assignee>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> Case {
        Case {
            id: 7,
            response_id: "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10".to_owned(),
            hospital: "H001".to_owned(),
            department: "cardiology".to_owned(),
            created_at: "2024-05-03T09:12:45Z".to_owned(),
            due_at: "2024-05-06T09:12:45Z".to_owned(),
            status: CaseStatus::Open,
            assignee: None,
            reasons: vec![
                Reason::OverallRating,
                Reason::ItemLowest {
                    item: "outpatient.wait_time".to_owned(),
                },
                Reason::Keyword {
                    keyword: "投诉".to_owned(),
                },
                Reason::Callback,
            ],
            overdue: false,
            callback: Some(Callback {
                phone: "13800138000".to_owned(),
            }),
        }
    }

    #[test]
    fn a_case_has_the_contract_fields() {
        let text = serde_json::to_string(&case()).unwrap();
        assert_eq!(
            text,
            r#"{"id":7,"response_id":"9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10","hospital":"H001","department":"cardiology","created_at":"2024-05-03T09:12:45Z","due_at":"2024-05-06T09:12:45Z","status":"open","assignee":null,"reasons":[{"rule":"overall_rating"},{"rule":"item_lowest","item":"outpatient.wait_time"},{"rule":"keyword","keyword":"投诉"},{"rule":"callback"}],"overdue":false,"callback":{"phone":"13800138000"}}"#
        );
        let back: Case = serde_json::from_str(&text).unwrap();
        assert_eq!(back, case());
    }

    #[test]
    fn actions_are_tagged_by_action() {
        let bodies = [
            (
                r#"{"action":"assign","to":"cardio"}"#,
                CaseAction::Assign {
                    to: "cardio".to_owned(),
                },
            ),
            (
                r#"{"action":"note","text":"called"}"#,
                CaseAction::Note {
                    text: "called".to_owned(),
                },
            ),
            (
                r#"{"action":"resolve","root_cause":"staffing","text":"added a nurse"}"#,
                CaseAction::Resolve {
                    root_cause: "staffing".to_owned(),
                    text: "added a nurse".to_owned(),
                },
            ),
            (
                r#"{"action":"close","text":""}"#,
                CaseAction::Close {
                    text: String::new(),
                },
            ),
            (
                r#"{"action":"reopen","text":"again"}"#,
                CaseAction::Reopen {
                    text: "again".to_owned(),
                },
            ),
        ];
        for (text, action) in bodies {
            assert_eq!(
                serde_json::from_str::<CaseAction>(text).unwrap(),
                action,
                "{text}"
            );
            assert_eq!(serde_json::to_string(&action).unwrap(), text);
        }
        // `text` may be left out where it is optional.
        assert_eq!(
            serde_json::from_str::<CaseAction>(r#"{"action":"close"}"#).unwrap(),
            CaseAction::Close {
                text: String::new()
            }
        );
        let missing = serde_json::from_str::<CaseAction>(r#"{"action":"resolve"}"#).unwrap_err();
        assert!(missing.to_string().contains("root_cause"), "{missing}");
    }

    #[test]
    fn a_detail_is_the_case_with_its_timeline_and_response() {
        let detail = CaseDetail {
            case: case(),
            events: vec![CaseEvent {
                at: "2024-05-03T10:00:00Z".to_owned(),
                by: "h001".to_owned(),
                action: CaseAction::Assign {
                    to: "cardio".to_owned(),
                },
            }],
            response: Some(CaseResponse {
                instrument: "pxs-core".to_owned(),
                instrument_version: 1,
                visit_type: "outpatient".to_owned(),
                channel: "kiosk".to_owned(),
                submitted_at: "2024-05-03T09:12:44Z".to_owned(),
                answers: BTreeMap::from([("overall.rating".to_owned(), Answer::Value(2))]),
                respondent: Respondent::default(),
                comment: "等了三个小时".to_owned(),
            }),
        };
        let value: serde_json::Value = serde_json::to_value(&detail).unwrap();
        assert_eq!(value["id"], 7);
        assert_eq!(value["status"], "open");
        assert_eq!(value["events"][0]["action"], "assign");
        assert_eq!(value["events"][0]["to"], "cardio");
        assert_eq!(value["events"][0]["by"], "h001");
        assert_eq!(value["response"]["answers"]["overall.rating"], 2);
        assert_eq!(value["response"]["comment"], "等了三个小时");
        let back: CaseDetail = serde_json::from_value(value).unwrap();
        assert_eq!(back, detail);
    }

    #[test]
    fn assignees_name_their_role() {
        let body = Assignees {
            assignees: vec![Assignee {
                username: "cardio".to_owned(),
                role: crate::Role::DepartmentHead,
            }],
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"assignees":[{"username":"cardio","role":"department_head"}]}"#
        );
    }

    #[test]
    fn statuses_spell_as_in_the_query_string() {
        for status in CaseStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(CaseStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(CaseStatus::parse("pending"), None);
    }
}
