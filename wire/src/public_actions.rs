//! `GET /public/{hospital}/actions` (no sign-in): "you said, we did", the
//! published action plans the survey shows on the kiosk attract screen and
//! the thank-you screen, and whether the hospital offers a call-back
//! (docs/formats.md §6).

use serde::{Deserialize, Serialize};

use crate::action_plans::PlanStatus;

/// One published plan: its public words only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicAction {
    /// The plan's department; empty for a plan of the whole hospital (the
    /// survey shows the department's plans and the hospital's).
    #[serde(default)]
    pub department: String,
    pub title: String,
    pub public_text: String,
    pub status: PlanStatus,
    /// `YYYY-MM-DD`.
    pub started: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicActions {
    /// Most recently started first.
    pub actions: Vec<PublicAction>,
    /// The survey's last screen asks whether the hospital may call back.
    #[serde(default)]
    pub callback_offered: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_contract_shape_and_the_callback_offer() {
        let text = r#"{"actions":[{"department":"cardiology","title":"缩短候诊时间","public_text":"您说候诊太久，我们增开了午间门诊。","status":"done","started":"2024-06-01"}],"callback_offered":true}"#;
        let body: PublicActions = serde_json::from_str(text).unwrap();
        assert_eq!(body.actions[0].status, PlanStatus::Done);
        assert_eq!(body.actions[0].department, "cardiology");
        assert!(body.callback_offered);
        assert_eq!(serde_json::to_string(&body).unwrap(), text);
    }
}
