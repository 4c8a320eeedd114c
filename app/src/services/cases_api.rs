//! The cases pages' I/O with tiyan-server (docs/formats.md §6): cases and
//! their actions, a hospital's alert settings, action plans, and the
//! monthly reports an action plan's series is read from.

use serde::de::DeserializeOwned;
use wire::{
    ActionPlan, ActionPlanList, ActionPlanPatch, AlertSettings, Assignees, CaseAction, CaseDetail,
    CaseList, NewActionPlan,
};

use super::staff_api::ApiError;
use super::staff_requests::{encode, get, send, Method};

/// `?name=value&…` of the non-empty values, each percent-encoded.
fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// `GET /cases?status=&hospital=&department=` (empty values are left out):
/// overdue first, then newest.
pub async fn cases(status: &str, hospital: &str, department: &str) -> Result<CaseList, ApiError> {
    let q = query(&[
        ("status", status),
        ("hospital", hospital),
        ("department", department),
    ]);
    get(&format!("/api/v1/cases{q}")).await
}

/// `GET /cases/{id}`: the case, its timeline and the response.
pub async fn case(id: i64) -> Result<CaseDetail, ApiError> {
    get(&format!("/api/v1/cases/{id}")).await
}

/// `GET /cases/{id}/assignees`: who may be given the case.
pub async fn assignees(id: i64) -> Result<Assignees, ApiError> {
    get(&format!("/api/v1/cases/{id}/assignees")).await
}

/// `POST /cases/{id}/events`: one action; the answer is the updated case.
pub async fn act(id: i64, action: &CaseAction) -> Result<CaseDetail, ApiError> {
    send(Method::Post, &format!("/api/v1/cases/{id}/events"), action).await
}

/// `GET /hospitals/{hospital}/alerting`.
pub async fn alert_settings(hospital: &str) -> Result<AlertSettings, ApiError> {
    get(&format!("/api/v1/hospitals/{}/alerting", encode(hospital))).await
}

/// `PUT /hospitals/{hospital}/alerting` (a secret of `***` keeps the
/// stored one).
pub async fn save_alert_settings(
    hospital: &str,
    settings: &AlertSettings,
) -> Result<AlertSettings, ApiError> {
    let url = format!("/api/v1/hospitals/{}/alerting", encode(hospital));
    send(Method::Put, &url, settings).await
}

/// `GET /action-plans?hospital=&department=`: newest first.
pub async fn action_plans(hospital: &str, department: &str) -> Result<ActionPlanList, ApiError> {
    let q = query(&[("hospital", hospital), ("department", department)]);
    get(&format!("/api/v1/action-plans{q}")).await
}

/// `POST /action-plans`.
pub async fn create_plan(plan: &NewActionPlan) -> Result<ActionPlan, ApiError> {
    send(Method::Post, "/api/v1/action-plans", plan).await
}

/// `PATCH /action-plans/{id}`: the fields given change, a `note` is
/// appended.
pub async fn patch_plan(id: i64, patch: &ActionPlanPatch) -> Result<ActionPlan, ApiError> {
    send(Method::Patch, &format!("/api/v1/action-plans/{id}"), patch).await
}

/// `GET /report?period=…&hospital=…[&group_by=department]`, read as `T`
/// (the caller's view of docs/formats.md §4).
pub async fn report<T: DeserializeOwned>(
    period: &str,
    hospital: &str,
    by_department: bool,
) -> Result<T, ApiError> {
    let group_by = if by_department { "department" } else { "" };
    let q = query(&[
        ("period", period),
        ("hospital", hospital),
        ("group_by", group_by),
    ]);
    get(&format!("/api/v1/report{q}")).await
}

/// `GET /instrument`: item texts and stage titles in every language.
pub async fn instrument() -> Result<scoring::instrument::Instrument, ApiError> {
    get("/api/v1/instrument").await
}

#[cfg(test)]
mod tests {
    use super::query;

    #[test]
    fn empty_values_are_left_out() {
        assert_eq!(query(&[("status", ""), ("department", "")]), "");
        assert_eq!(
            query(&[
                ("status", "open"),
                ("hospital", ""),
                ("department", "心内 科")
            ]),
            "?status=open&department=%E5%BF%83%E5%86%85%20%E7%A7%91"
        );
    }
}
