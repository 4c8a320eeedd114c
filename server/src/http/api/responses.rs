//! `POST /api/v1/responses`: one response or a batch.
//!
//! One object: 201 stored, 200 duplicate, 409 conflict, 422 rejected.
//! An array: 200 with one result per element, in order; each response is
//! atomic, the valid ones are stored whatever happens to the others.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use scoring::validate::FieldError;
use serde::Serialize;
use serde_json::json;

use crate::http::{ApiError, AppState};
use crate::ingest::{check_response, parse_submission, Checked, Submission};
use crate::store::InsertOutcome;

const CONFLICT_MESSAGE: &str =
    "a different response was already stored with this id; ids must be unique per response";

/// The result for one response (docs/formats.md API).
#[derive(Debug, Serialize)]
struct Outcome {
    id: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<FieldError>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'static str>,
}

impl Outcome {
    fn rejected(id: Option<String>, errors: Vec<FieldError>) -> Outcome {
        Outcome {
            id,
            status: "rejected",
            errors: Some(errors),
            message: None,
        }
    }

    fn of(id: String, outcome: InsertOutcome) -> Outcome {
        let (status, message) = match outcome {
            InsertOutcome::Stored => ("stored", None),
            InsertOutcome::Duplicate => ("duplicate", None),
            InsertOutcome::Conflict => ("conflict", Some(CONFLICT_MESSAGE)),
        };
        Outcome {
            id: Some(id),
            status,
            errors: None,
            message,
        }
    }

    /// The status code of a single (non-batch) submission.
    fn status_code(&self) -> StatusCode {
        match self.status {
            "stored" => StatusCode::CREATED,
            "duplicate" => StatusCode::OK,
            "conflict" => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

pub(super) async fn submit(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| ApiError::from_body(e, state.max_body_bytes))?;
    let submission = parse_submission(&body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let (checked, batch) = {
        let validator = &state.validator;
        match submission {
            Submission::One(value) => (vec![check_response(value, validator)], false),
            Submission::Batch(values) => (
                values
                    .into_iter()
                    .map(|value| check_response(value, validator))
                    .collect(),
                true,
            ),
        }
    };
    let outcomes = store_valid(&state, checked).await?;
    if batch {
        Ok(Json(json!({ "results": outcomes })).into_response())
    } else {
        let outcome = outcomes.into_iter().next().ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("no outcome for a single response"))
        })?;
        Ok((outcome.status_code(), Json(outcome)).into_response())
    }
}

/// Stores the valid responses (one request to the writer) and returns one
/// outcome per checked response, in order.
async fn store_valid(state: &AppState, checked: Vec<Checked>) -> Result<Vec<Outcome>, ApiError> {
    /// A response's place in the answer while the valid ones are stored.
    enum Slot {
        Rejected(Outcome),
        Storing(String),
    }
    let mut rows = Vec::new();
    let mut slots = Vec::with_capacity(checked.len());
    for item in checked {
        match item {
            Checked::Valid(row) => {
                slots.push(Slot::Storing(row.id.clone()));
                rows.push(row);
            }
            Checked::Rejected { id, errors } => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                // Field names only: messages may quote submitted text.
                tracing::info!(fields = ?fields, "response rejected");
                slots.push(Slot::Rejected(Outcome::rejected(id, errors)));
            }
        }
    }
    let mut stored = state.ingest.store(rows).await?.into_iter();
    slots
        .into_iter()
        .map(|slot| match slot {
            Slot::Rejected(outcome) => Ok(outcome),
            Slot::Storing(id) => stored
                .next()
                .map(|outcome| Outcome::of(id, outcome))
                .ok_or_else(|| {
                    ApiError::internal(anyhow::anyhow!("the writer returned too few outcomes"))
                }),
        })
        .collect()
}
