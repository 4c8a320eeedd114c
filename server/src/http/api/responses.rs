//! `POST /api/v1/responses`: one response or a batch.
//!
//! One object: 201 stored, 200 duplicate, 409 conflict, 422 rejected.
//! An array: 200 with one result per element, in order; each response is
//! atomic, the valid ones are stored whatever happens to the others. An
//! array holds at most [`MAX_BATCH`] responses (413 above), and each costs
//! its address one token of the submission limit.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use scoring::validate::FieldError;
use wire::{BatchReply, SubmissionResult, SubmissionStatus};

use crate::http::client_address::ClientAddress;
use crate::http::rate_limit::charge_batch;
use crate::http::{ApiError, AppState};
use crate::ingest::{
    check_response, parse_submission, Checked, MalformedBody, Receipt, Submission, MAX_BATCH,
};
use crate::store::InsertOutcome;

const CONFLICT_MESSAGE: &str =
    "a different response was already stored with this id; ids must be unique per response";

/// The result for a response that was not stored: its id if it had a
/// readable one (`null` otherwise) and every problem found.
fn rejected(id: Option<String>, errors: Vec<FieldError>) -> SubmissionResult {
    SubmissionResult {
        id,
        status: SubmissionStatus::Rejected,
        errors,
        message: None,
    }
}

/// The result for a valid response, from what the store did with it.
fn outcome(id: String, inserted: InsertOutcome) -> SubmissionResult {
    let (status, message) = match inserted {
        InsertOutcome::Stored => (SubmissionStatus::Stored, None),
        InsertOutcome::Duplicate => (SubmissionStatus::Duplicate, None),
        InsertOutcome::Conflict => (SubmissionStatus::Conflict, Some(CONFLICT_MESSAGE)),
    };
    SubmissionResult {
        id: Some(id),
        status,
        errors: Vec::new(),
        message: message.map(str::to_owned),
    }
}

/// The status code of a single (non-batch) submission.
fn status_code(status: SubmissionStatus) -> StatusCode {
    match status {
        SubmissionStatus::Stored => StatusCode::CREATED,
        SubmissionStatus::Duplicate => StatusCode::OK,
        SubmissionStatus::Conflict => StatusCode::CONFLICT,
        SubmissionStatus::Rejected => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub(super) async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| ApiError::from_body(e, state.max_body_bytes))?;
    let submission = parse_submission(&body).map_err(|e| match e {
        MalformedBody::TooManyResponses => ApiError::TooManyInBatch { limit: MAX_BATCH },
        MalformedBody::Syntax(message) => ApiError::BadRequest(message),
    })?;
    if let Submission::Batch(values) = &submission {
        charge_batch(&state, address, values.len())?;
    }
    let receipt = Receipt {
        now: state.clock.unix_seconds(),
        window: state.submitted_window,
    };
    let (checked, batch) = {
        let validator = &state.validator;
        match submission {
            Submission::One(value) => (vec![check_response(value, validator, &receipt)], false),
            Submission::Batch(values) => (
                values
                    .into_iter()
                    .map(|value| check_response(value, validator, &receipt))
                    .collect(),
                true,
            ),
        }
    };
    let results = store_valid(&state, checked).await?;
    if batch {
        Ok(Json(BatchReply { results }).into_response())
    } else {
        let result = results.into_iter().next().ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("no outcome for a single response"))
        })?;
        Ok((status_code(result.status), Json(result)).into_response())
    }
}

/// Stores the valid responses (one request to the writer) and returns one
/// outcome per checked response, in order.
async fn store_valid(
    state: &AppState,
    checked: Vec<Checked>,
) -> Result<Vec<SubmissionResult>, ApiError> {
    /// A response's place in the answer while the valid ones are stored.
    enum Slot {
        Rejected(SubmissionResult),
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
                slots.push(Slot::Rejected(rejected(id, errors)));
            }
        }
    }
    let mut stored = state.ingest.store(rows).await?.into_iter();
    slots
        .into_iter()
        .map(|slot| match slot {
            Slot::Rejected(result) => Ok(result),
            Slot::Storing(id) => stored
                .next()
                .map(|inserted| outcome(id, inserted))
                .ok_or_else(|| {
                    ApiError::internal(anyhow::anyhow!("the writer returned too few outcomes"))
                }),
        })
        .collect()
}
