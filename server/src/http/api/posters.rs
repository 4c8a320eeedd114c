//! `GET /api/v1/hospitals/{hospital}/posters?department=&visit=&format=svg|html`
//! (docs/formats.md §7): the printable QR poster of a department and visit
//! type, drawn by `crate::posters`.
//!
//! - `department`: a registered, active department of the hospital.
//!   `format=html` takes several, repeated (`department=a&department=b`)
//!   or comma-separated (`department=a,b`), one sheet each in that order;
//!   `format=svg` takes exactly one.
//! - `visit`: `outpatient`, `emergency` or `inpatient`.
//! - `format`: `svg` (the default; one A4 sheet) or `html` (a page that
//!   prints each sheet on its own A4 page).
//!
//! The QR code holds `{public base URL}/s/{hospital}?dept=…&visit=…&channel=phone`.
//! Any signed-in account within the hospital's scope may print posters.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use scoring::instrument::VisitType;
use url::form_urlencoded;
use wire::{ErrorBody, Hospital};

use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::posters::{print_page, sheet_svg, survey_url, Poster, PosterError};

/// Most departments one print page takes (a hospital's whole registry).
const BATCH_MAX: usize = wire::DEPARTMENTS_MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Html,
}

/// The query, read by hand: `department` may repeat.
#[derive(Debug)]
struct PosterQuery {
    departments: Vec<String>,
    visit: VisitType,
    format: Format,
}

impl PosterQuery {
    fn parse(query: Option<&str>) -> Result<PosterQuery, ApiError> {
        let mut departments: Vec<String> = Vec::new();
        let mut visit = None;
        let mut format = None;
        for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            match &*key {
                "department" => {
                    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        if !departments.iter().any(|d| d == code) {
                            departments.push(code.to_owned());
                        }
                    }
                }
                "visit" => visit = Some(value.into_owned()),
                "format" => format = Some(value.into_owned()),
                _ => {}
            }
        }
        let format = match format.as_deref() {
            None | Some("" | "svg") => Format::Svg,
            Some("html") => Format::Html,
            Some(other) => {
                return Err(ApiError::BadRequest(format!(
                    "format: {other:?} is not svg or html"
                )))
            }
        };
        let visit = match visit.as_deref() {
            None | Some("") => {
                return Err(ApiError::BadRequest(
                    "visit is required: outpatient, emergency or inpatient".into(),
                ))
            }
            Some(text) => VisitType::parse(text).ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "visit: {text:?} is not outpatient, emergency or inpatient"
                ))
            })?,
        };
        match (departments.len(), format) {
            (0, _) => Err(ApiError::BadRequest(
                "department is required (a department code of the hospital)".into(),
            )),
            (2.., Format::Svg) => Err(ApiError::BadRequest(format!(
                "department: format=svg draws one department, not {}; format=html prints several",
                departments.len()
            ))),
            (n, _) if n > BATCH_MAX => Err(ApiError::BadRequest(format!(
                "department: at most {BATCH_MAX} departments at once, not {n}"
            ))),
            _ => Ok(PosterQuery {
                departments,
                visit,
                format,
            }),
        }
    }
}

pub(super) async fn posters(
    State(state): State<AppState>,
    who: Authenticated,
    Path(hospital): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    who.scope()
        .restrict(Some(&hospital))
        .map_err(ApiError::Forbidden)?;
    let query = PosterQuery::parse(query.as_deref())?;
    let Some(registered) = state.store.find_hospital(&hospital).await? else {
        return Ok(not_found(format!(
            "hospital: {hospital:?} is not registered"
        )));
    };
    let base = url::Url::parse(state.public_url.as_str())
        .map_err(|e| ApiError::internal(anyhow::anyhow!("public URL: {e}")))?;
    let mut sheets = Vec::with_capacity(query.departments.len());
    for code in &query.departments {
        let department = department_of(&registered, code)?;
        let url = survey_url(&base, &registered.code, &department.code, query.visit)
            .map_err(ApiError::internal)?;
        sheets.push(Poster {
            url,
            hospital_code: registered.code.clone(),
            hospital: registered.names.clone(),
            department_code: department.code.clone(),
            department: department.names.clone(),
            visit: query.visit,
        });
    }
    let drawn = match query.format {
        Format::Svg => sheet_svg(&sheets[0]).map(|svg| ("image/svg+xml; charset=utf-8", svg)),
        Format::Html => print_page(&sheets).map(|html| ("text/html; charset=utf-8", html)),
    };
    let (content_type, body) = drawn.map_err(|e| match e {
        PosterError::Qr(_) => ApiError::BadRequest(format!("department: {e}")),
        other => ApiError::internal(other),
    })?;
    tracing::info!(
        username = %who.0.username,
        hospital = %registered.code,
        sheets = sheets.len(),
        "posters"
    );
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

/// The department `code` of `hospital`, or 400 naming the parameter.
fn department_of<'h>(hospital: &'h Hospital, code: &str) -> Result<&'h wire::Department, ApiError> {
    match hospital.department(code) {
        Some(department) if department.active => Ok(department),
        Some(_) => Err(ApiError::BadRequest(format!(
            "department: {code:?} of {} is inactive; activate it to print its poster",
            hospital.code
        ))),
        None => Err(ApiError::BadRequest(format!(
            "department: {code:?} is not a department of {}",
            hospital.code
        ))),
    }
}

/// 404 with a body that names what was not found.
fn not_found(message: String) -> Response {
    (StatusCode::NOT_FOUND, Json(ErrorBody { error: message })).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> Result<PosterQuery, String> {
        PosterQuery::parse(Some(query)).map_err(|e| e.to_string())
    }

    #[test]
    fn departments_repeat_or_come_comma_separated_in_html() {
        let q =
            parse("department=er&department=icu,%20ward-3,er&visit=emergency&format=html").unwrap();
        assert_eq!(q.departments, ["er", "icu", "ward-3"]);
        assert_eq!((q.visit, q.format), (VisitType::Emergency, Format::Html));
        let q = parse("department=%E5%BF%83%E5%86%85%E7%A7%91&visit=inpatient").unwrap();
        assert_eq!(
            (q.departments[0].as_str(), q.format),
            ("心内科", Format::Svg)
        );
    }

    #[test]
    fn the_openapi_description_has_the_route_and_its_parameters() {
        let api: serde_json::Value =
            serde_json::from_str(super::super::service_info::OPENAPI_JSON).unwrap();
        let get = &api["paths"]["/hospitals/{hospital}/posters"]["get"];
        let names: Vec<&str> = get["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["hospital", "department", "visit", "format"]);
    }

    #[test]
    fn each_bad_parameter_is_named() {
        for (query, field) in [
            ("visit=outpatient", "department is required"),
            ("department=er", "visit is required"),
            ("department=er&visit=dental", "visit: \"dental\""),
            (
                "department=er&visit=emergency&format=pdf",
                "format: \"pdf\"",
            ),
            (
                "department=er,icu&visit=emergency",
                "department: format=svg draws one",
            ),
            (
                "department=,&visit=emergency&format=html",
                "department is required",
            ),
        ] {
            let error = parse(query).unwrap_err();
            assert!(error.starts_with(field), "{query}: {error}");
        }
    }
}
