//! The life of a case (docs/formats.md §6): `assign` moves an open case to
//! `in_progress`; `resolve` needs a root cause; `close` ends a case that
//! needs no action; `reopen` opens a finished one again; `note` changes
//! nothing but the timeline. Resolving or closing forgets the call-back
//! number. Pure: the state and an action in, the new state out.

use wire::{CaseAction, CaseStatus};

/// Longest text of a note, root cause or remark.
pub const MAX_TEXT_CHARS: usize = 2000;

/// What an action may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub status: CaseStatus,
    pub assignee: Option<String>,
}

/// The outcome of an accepted action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub state: CaseState,
    /// The action as recorded (texts trimmed).
    pub action: CaseAction,
    /// The call-back number is deleted with this action.
    pub forget_contact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// A field is missing or wrong (422).
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The action does not apply to the case's status (409).
    #[error("{0}")]
    NotNow(String),
}

fn text(field: &'static str, value: String, required: bool) -> Result<String, EventError> {
    let value = value.trim().to_owned();
    if required && value.is_empty() {
        return Err(EventError::Invalid {
            field,
            message: "is required".into(),
        });
    }
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(EventError::Invalid {
            field,
            message: format!("longer than {MAX_TEXT_CHARS} characters"),
        });
    }
    Ok(value)
}

fn not_now(action: &str, status: CaseStatus) -> EventError {
    EventError::NotNow(format!(
        "action: a case that is {} cannot be {action}{}",
        status.as_str(),
        if status.is_finished() {
            "; reopen it first"
        } else {
            ""
        }
    ))
}

/// Applies `action` to a case in `state`.
pub fn apply(state: &CaseState, action: CaseAction) -> Result<Applied, EventError> {
    let status = state.status;
    let mut next = state.clone();
    let mut forget_contact = false;
    let action = match action {
        CaseAction::Assign { to } => {
            let to = text("to", to, true)?;
            if status.is_finished() {
                return Err(not_now("assigned", status));
            }
            next.status = CaseStatus::InProgress;
            next.assignee = Some(to.clone());
            CaseAction::Assign { to }
        }
        CaseAction::Note { text: note } => CaseAction::Note {
            text: text("text", note, true)?,
        },
        CaseAction::Resolve {
            root_cause,
            text: remark,
        } => {
            let root_cause = text("root_cause", root_cause, true)?;
            let remark = text("text", remark, false)?;
            if status.is_finished() {
                return Err(not_now("resolved", status));
            }
            next.status = CaseStatus::Resolved;
            forget_contact = true;
            CaseAction::Resolve {
                root_cause,
                text: remark,
            }
        }
        CaseAction::Close { text: remark } => {
            let remark = text("text", remark, false)?;
            if status == CaseStatus::Closed {
                return Err(not_now("closed", status));
            }
            next.status = CaseStatus::Closed;
            forget_contact = true;
            CaseAction::Close { text: remark }
        }
        CaseAction::Reopen { text: remark } => {
            let remark = text("text", remark, false)?;
            if !status.is_finished() {
                return Err(EventError::NotNow(format!(
                    "action: a case that is {} is not finished; nothing to reopen",
                    status.as_str()
                )));
            }
            next.status = CaseStatus::Open;
            CaseAction::Reopen { text: remark }
        }
    };
    Ok(Applied {
        state: next,
        action,
        forget_contact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(status: CaseStatus) -> CaseState {
        CaseState {
            status,
            assignee: None,
        }
    }

    fn assign(to: &str) -> CaseAction {
        CaseAction::Assign { to: to.into() }
    }

    #[test]
    fn assign_moves_an_open_case_in_progress() {
        let applied = apply(&state(CaseStatus::Open), assign("cardio")).unwrap();
        assert_eq!(applied.state.status, CaseStatus::InProgress);
        assert_eq!(applied.state.assignee.as_deref(), Some("cardio"));
        assert!(!applied.forget_contact);
        let again = apply(&applied.state, assign("h001")).unwrap();
        assert_eq!(again.state.assignee.as_deref(), Some("h001"));
        assert!(apply(&state(CaseStatus::Resolved), assign("x")).is_err());
    }

    #[test]
    fn resolve_needs_a_root_cause_and_forgets_the_contact() {
        let missing = CaseAction::Resolve {
            root_cause: "  ".into(),
            text: String::new(),
        };
        assert_eq!(
            apply(&state(CaseStatus::InProgress), missing).unwrap_err(),
            EventError::Invalid {
                field: "root_cause",
                message: "is required".into()
            }
        );
        let resolve = CaseAction::Resolve {
            root_cause: " 排班不足 ".into(),
            text: "已加派护士".into(),
        };
        let applied = apply(&state(CaseStatus::Open), resolve.clone()).unwrap();
        assert_eq!(applied.state.status, CaseStatus::Resolved);
        assert!(applied.forget_contact);
        assert_eq!(
            applied.action,
            CaseAction::Resolve {
                root_cause: "排班不足".into(),
                text: "已加派护士".into()
            }
        );
        assert!(matches!(
            apply(&applied.state, resolve),
            Err(EventError::NotNow(_))
        ));
    }

    #[test]
    fn close_reopen_and_note() {
        let close = CaseAction::Close {
            text: String::new(),
        };
        let closed = apply(&state(CaseStatus::Open), close.clone()).unwrap();
        assert_eq!(closed.state.status, CaseStatus::Closed);
        assert!(closed.forget_contact);
        assert!(apply(&closed.state, close.clone()).is_err());
        assert!(apply(&state(CaseStatus::Resolved), close).is_ok());
        let reopen = CaseAction::Reopen {
            text: "患者再次来电".into(),
        };
        let reopened = apply(&closed.state, reopen.clone()).unwrap();
        assert_eq!(reopened.state.status, CaseStatus::Open);
        assert!(!reopened.forget_contact);
        assert!(apply(&state(CaseStatus::Open), reopen).is_err());
        let note = CaseAction::Note { text: "x".into() };
        for status in CaseStatus::ALL {
            assert_eq!(
                apply(&state(status), note.clone()).unwrap().state.status,
                status
            );
        }
        let empty = CaseAction::Note { text: " ".into() };
        assert!(matches!(
            apply(&state(CaseStatus::Open), empty),
            Err(EventError::Invalid { field: "text", .. })
        ));
    }
}
