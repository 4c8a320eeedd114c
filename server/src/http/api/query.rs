//! Reading query parameters shared by the admin endpoints.

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use scoring::timestamp::Date;
use scoring::validate::is_hospital_code;

use crate::http::ApiError;

/// The query, or 400 naming what was wrong with it.
pub(super) fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| ApiError::BadRequest(e.body_text()))
}

/// `YYYY-MM-DD`, or 400 naming the parameter.
pub(super) fn date(name: &str, value: Option<&str>) -> Result<Option<Date>, ApiError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| Date::parse(v).map_err(|e| ApiError::BadRequest(format!("{name}: {e}"))))
        .transpose()
}

/// A hospital code, or 400.
pub(super) fn hospital(value: Option<&str>) -> Result<Option<&str>, ApiError> {
    match value.filter(|v| !v.is_empty()) {
        Some(code) if !is_hospital_code(code) => Err(ApiError::BadRequest(format!(
            "hospital: {code:?} is not a hospital code (1 to 32 letters, digits, - or _)"
        ))),
        other => Ok(other),
    }
}
