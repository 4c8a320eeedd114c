//! The action-plan ledger (整改台账): `GET|POST /action-plans`,
//! `GET|PATCH /action-plans/{id}` (docs/formats.md §6).

use serde::{Deserialize, Deserializer, Serialize};

/// What a plan sets out to improve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetScope {
    /// One item, e.g. `outpatient.wait_time`.
    Item,
    /// One care stage, e.g. `outpatient`.
    Stage,
    /// The overall index (`id` is `index`).
    Index,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub scope: TargetScope,
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Planned,
    InProgress,
    Done,
}

/// One dated remark in a plan's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanNote {
    /// UTC, RFC 3339 with a `Z` suffix.
    pub at: String,
    /// The account that wrote it.
    pub by: String,
    pub text: String,
}

/// An action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPlan {
    pub id: i64,
    pub hospital: String,
    /// Empty for a plan of the whole hospital.
    pub department: String,
    pub title: String,
    pub target: Target,
    /// Who is responsible (a name, free text).
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub status: PlanStatus,
    /// `YYYY-MM-DD`: marked on the target's monthly series.
    pub started: String,
    /// Oldest first.
    pub notes: Vec<PlanNote>,
    /// What the public sees ("you said, we did"); `null`: not published.
    pub public_text: Option<String>,
}

/// The body of `GET /action-plans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPlanList {
    pub action_plans: Vec<ActionPlan>,
}

/// The body of `POST /action-plans`. `hospital` and `department` default
/// to the account's own; `status` to `planned`; `started` to today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewActionPlan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub title: String,
    pub target: Target,
    pub owner: String,
    pub due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_text: Option<String>,
}

/// The body of `PATCH /action-plans/{id}`: only the fields present change;
/// `"public_text": null` withdraws the public text; `note` appends a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPlanPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// Absent: unchanged; `null`: withdrawn; a text: published.
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub public_text: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A field that is present, even as `null`, is `Some`.
fn present_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_has_the_contract_fields() {
        let plan = ActionPlan {
            id: 3,
            hospital: "H001".to_owned(),
            department: "cardiology".to_owned(),
            title: "缩短候诊时间".to_owned(),
            target: Target {
                scope: TargetScope::Item,
                id: "outpatient.wait_time".to_owned(),
            },
            owner: "王主任".to_owned(),
            due: "2024-09-30".to_owned(),
            status: PlanStatus::InProgress,
            started: "2024-06-01".to_owned(),
            notes: vec![PlanNote {
                at: "2024-06-02T08:00:00Z".to_owned(),
                by: "cardio".to_owned(),
                text: "增开午间门诊".to_owned(),
            }],
            public_text: None,
        };
        let text = serde_json::to_string(&plan).unwrap();
        assert_eq!(
            text,
            r#"{"id":3,"hospital":"H001","department":"cardiology","title":"缩短候诊时间","target":{"scope":"item","id":"outpatient.wait_time"},"owner":"王主任","due":"2024-09-30","status":"in_progress","started":"2024-06-01","notes":[{"at":"2024-06-02T08:00:00Z","by":"cardio","text":"增开午间门诊"}],"public_text":null}"#
        );
        assert_eq!(serde_json::from_str::<ActionPlan>(&text).unwrap(), plan);
    }

    #[test]
    fn a_new_plan_needs_only_what_has_no_default() {
        let plan: NewActionPlan = serde_json::from_str(
            r#"{"title":"t","target":{"scope":"stage","id":"outpatient"},"owner":"o","due":"2024-09-30"}"#,
        )
        .unwrap();
        assert_eq!(plan.hospital, None);
        assert_eq!(plan.status, None);
        assert_eq!(plan.target.scope, TargetScope::Stage);
        let missing = serde_json::from_str::<NewActionPlan>(r#"{"title":"t"}"#).unwrap_err();
        assert!(missing.to_string().contains("target"), "{missing}");
    }

    #[test]
    fn a_patch_tells_absent_from_null() {
        let absent: ActionPlanPatch = serde_json::from_str(r#"{"status":"done"}"#).unwrap();
        assert_eq!(absent.public_text, None);
        assert_eq!(absent.status, Some(PlanStatus::Done));
        let withdrawn: ActionPlanPatch = serde_json::from_str(r#"{"public_text":null}"#).unwrap();
        assert_eq!(withdrawn.public_text, Some(None));
        let published: ActionPlanPatch =
            serde_json::from_str(r#"{"public_text":"已增开午间门诊","note":"n"}"#).unwrap();
        assert_eq!(
            published.public_text,
            Some(Some("已增开午间门诊".to_owned()))
        );
        assert_eq!(published.note.as_deref(), Some("n"));
        assert_eq!(
            serde_json::to_string(&withdrawn).unwrap(),
            r#"{"public_text":null}"#
        );
    }
}
