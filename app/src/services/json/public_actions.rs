//! "You said, we did" (docs/formats.md §6): the text of
//! `GET /public/{hospital}/actions` (`wire::PublicActions`), read without
//! serde, and the copy a device keeps of it for offline starts
//! (`tiyan.actions.v1`: the hospital's code, a line break, and the
//! server's text as it came).

use wire::{PlanStatus, PublicAction, PublicActions};

use super::read::{FromJson, JsonError, Node};

impl FromJson for PublicActions {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        // A loop rather than `Node::list`: one reader less in the bundle.
        let mut actions = Vec::new();
        for a in n
            .field("actions")
            .elements()
            .ok_or(JsonError::Field("actions"))?
        {
            actions.push(PublicAction::from_json(&a)?);
        }
        Ok(PublicActions {
            actions,
            callback_offered: n
                .optional("callback_offered", Node::as_bool)?
                .unwrap_or(false),
        })
    }
}

impl FromJson for PublicAction {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(PublicAction {
            department: n.opt_string("department")?.unwrap_or_default(),
            title: n.string("title")?,
            public_text: n.string("public_text")?,
            status: n.word("status", plan_status)?,
            started: n.string("started")?,
        })
    }
}

fn plan_status(name: &str) -> Option<PlanStatus> {
    match name {
        "planned" => Some(PlanStatus::Planned),
        "in_progress" => Some(PlanStatus::InProgress),
        "done" => Some(PlanStatus::Done),
        _ => None,
    }
}

/// The copy a device keeps of `hospital`'s answer `text`: the code, a
/// line break, then the text as the server sent it (codes have no line
/// break: `scoring::validate::is_hospital_code`).
pub fn kept_actions(hospital: &str, text: &str) -> String {
    format!("{hospital}\n{text}")
}

/// The actions of `hospital` in a copy made by [`kept_actions`], if it is
/// that hospital's and reads.
pub fn actions_of(kept: &str, hospital: &str) -> Option<PublicActions> {
    let (code, text) = kept.split_once('\n')?;
    (code == hospital)
        .then(|| super::parse(text).ok())
        .flatten()
}
