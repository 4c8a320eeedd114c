//! Request bodies arrive in time and within the size limit, or not at all:
//! the API's bodies (at most `--max-body-bytes`) are read here, before any
//! handler, with a deadline (`HttpLimits::body_read_timeout`). A client
//! that stalls mid-body gets 408 and its connection is closed; it cannot
//! hold a connection and a buffer open indefinitely.

use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use super::{ApiError, AppState};

pub(crate) async fn read_body_in_time(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    if body.is_end_stream() {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let limit = state.max_body_bytes;
    let deadline = state.body_read_timeout;
    let read = tokio::time::timeout(deadline, Limited::new(body, limit).collect()).await;
    match read {
        Ok(Ok(collected)) => {
            let body = Body::from(collected.to_bytes());
            next.run(Request::from_parts(parts, body)).await
        }
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            close(ApiError::TooLarge { limit }.into_response())
        }
        Ok(Err(e)) => {
            ApiError::BadRequest(format!("the body could not be read: {e}")).into_response()
        }
        Err(_) => close(
            ApiError::BodyTimeout {
                seconds: whole_seconds(deadline),
            }
            .into_response(),
        ),
    }
}

/// The rest of an unread body is still on the connection: close it.
fn close(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

fn whole_seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}
