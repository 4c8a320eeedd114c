//! `GET /api/v1/report?period=2024&baseline=2023&group_by=hospital&case_mix=true&suppress_below=10`
//! (also `min_compare`, `hospital`): the report of docs/formats.md §4, the same
//! bytes `tiyan score` prints for the same responses and options.
//!
//! The stored responses of the two periods are streamed into a
//! `scoring::tally::Tally` (integer sums, constant memory in the number of
//! responses), then scored. A `hospital_admin`'s tally is filtered to its
//! hospital, which the report states in its options.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use scoring::report::{
    score, to_canonical_json, Filters, GroupBy, Period, ScoreError, ScoreOptions,
};
use scoring::tally::Tally;
use scoring::timestamp::Date;
use serde::Deserialize;
use tokio::sync::mpsc;

use super::query;
use crate::auth::Restriction;
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::store::ResponseFilter;

/// Rows handed to the tallying thread at once.
const BATCH_ROWS: usize = 512;
/// Batches read ahead of the tallying thread.
const BATCHES_AHEAD: usize = 4;

#[derive(Debug, Deserialize)]
pub(super) struct ReportQuery {
    period: Option<String>,
    baseline: Option<String>,
    group_by: Option<String>,
    case_mix: Option<String>,
    suppress_below: Option<String>,
    min_compare: Option<String>,
    hospital: Option<String>,
}

impl ReportQuery {
    /// The scoring options, each problem a 400 that names the parameter.
    fn options(&self) -> Result<ScoreOptions, ApiError> {
        let bad = |e: &dyn std::fmt::Display| ApiError::BadRequest(e.to_string());
        let current = self
            .period
            .as_deref()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| {
                ApiError::BadRequest(
                    "period is required (2024, 2024-03 or 2024-01..2024-07)".into(),
                )
            })?;
        let named =
            |name: &str, e: &dyn std::fmt::Display| ApiError::BadRequest(format!("{name}: {e}"));
        let mut options =
            ScoreOptions::new(Period::parse(current).map_err(|e| named("period", &e))?);
        if let Some(baseline) = self.baseline.as_deref().filter(|b| !b.is_empty()) {
            options.baseline = Some(Period::parse(baseline).map_err(|e| named("baseline", &e))?);
        }
        if let Some(by) = self.group_by.as_deref().filter(|g| !g.is_empty()) {
            options.group_by = Some(by.parse::<GroupBy>().map_err(|e| bad(&e))?);
        }
        if let Some(case_mix) = self.case_mix.as_deref() {
            options.case_mix = match case_mix {
                "true" | "1" => true,
                "false" | "0" | "" => false,
                other => {
                    return Err(ApiError::BadRequest(format!(
                        "case_mix: {other:?} is not true or false"
                    )))
                }
            };
        }
        if let Some(n) = count("suppress_below", self.suppress_below.as_deref())? {
            options.suppress_below = n;
        }
        if let Some(n) = count("min_compare", self.min_compare.as_deref())? {
            options.min_compare = n;
        }
        Ok(options)
    }
}

fn count(name: &str, value: Option<&str>) -> Result<Option<u64>, ApiError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<u64>()
                .map_err(|_| ApiError::BadRequest(format!("{name}: {v:?} is not a whole number")))
        })
        .transpose()
}

/// The stored rows a period needs: its whole months.
fn rows_of(period: &Period, scope: &Restriction) -> Result<ResponseFilter, ApiError> {
    // `Period::parse` only makes periods whose boundaries are dates; a
    // failure here is still the client's period, never a 500.
    let date = |text: String| {
        Date::parse(&text).map_err(|e| ApiError::BadRequest(format!("period {period}: {e}")))
    };
    Ok(ResponseFilter {
        from: Some(date(period.from_date())?),
        to: Some(date(period.to_date())?),
        hospital: scope.hospital.clone(),
        department: scope.department.clone(),
    })
}

pub(super) async fn report(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = query::query(params)?;
    let options = params.options()?;
    if let Some(baseline) = options.baseline.filter(|b| b.overlaps(&options.current)) {
        return Err(ApiError::BadRequest(format!(
            "baseline {baseline} overlaps the period {}",
            options.current
        )));
    }
    let hospital = query::hospital(params.hospital.as_deref())?;
    // A department head's report is of its department alone.
    let scope = who
        .scope()
        .restrict_to(hospital, None)
        .map_err(ApiError::Forbidden)?;

    let filters = Filters {
        hospital: scope.hospital.clone(),
        department: scope.department.clone(),
        ..Filters::default()
    };
    let instrument = state.instrument;
    let tally = Tally::with_filters(instrument, filters).map_err(|e| {
        ApiError::internal(anyhow::anyhow!("the instrument cannot be tallied: {e}"))
    })?;

    // Parsing and tallying is CPU work: it runs on a blocking thread, fed
    // in batches, so a report over millions of rows never holds up the
    // threads that answer submissions.
    let periods = [Some(options.current), options.baseline];
    let (batches, mut incoming) = mpsc::channel::<Vec<String>>(BATCHES_AHEAD);
    let tallying = tokio::task::spawn_blocking(move || {
        let mut tally = tally;
        let mut counted = 0u64;
        while let Some(batch) = incoming.blocking_recv() {
            for body in batch {
                let response: scoring::response::Response = serde_json::from_str(&body)?;
                tally
                    .add(&response)
                    .map_err(|e| anyhow::anyhow!("a stored response: {e}"))?;
                counted += 1;
            }
        }
        let report = score(instrument, &tally, &options);
        anyhow::Ok((report, counted, options))
    });
    'feed: for period in periods.into_iter().flatten() {
        let filter = rows_of(&period, &scope)?;
        let mut rows = state.store.response_bodies(&filter);
        let mut batch = Vec::with_capacity(BATCH_ROWS);
        while let Some(row) = rows.next().await {
            batch.push(row?);
            if batch.len() == BATCH_ROWS {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_ROWS));
                if batches.send(full).await.is_err() {
                    break 'feed; // the tally stopped on an error, reported below
                }
            }
        }
        if batches.send(batch).await.is_err() {
            break;
        }
    }
    drop(batches);
    let (report, counted, options) = tallying
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    let report = report.map_err(|e| match e {
        ScoreError::OverlappingPeriods { .. } => ApiError::BadRequest(e.to_string()),
        other => ApiError::internal(other),
    })?;
    tracing::info!(
        username = %who.0.username,
        period = %options.current,
        responses = counted,
        "report"
    );
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        to_canonical_json(&report),
    )
        .into_response())
}
