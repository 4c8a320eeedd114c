//! `GET /api/v1/export?format=csv|jsonl&from&to&hospital`: the stored
//! responses in docs/formats.md §3, written by `scoring::export`, in export
//! order (the database reads them in that order), streamed: rows go from
//! the database cursor to the socket in chunks, so memory stays constant
//! whether the export has a hundred rows or ten million.

use std::io;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use scoring::export::{write_jsonl_line, CsvWriter};
use scoring::instrument::Instrument;
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::query;
use crate::http::authenticated::Authenticated;
use crate::http::{ApiError, AppState};
use crate::store::{ResponseFilter, Store};

/// Send the body on in pieces of about this size.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks prepared ahead of a slow client.
const CHUNKS_AHEAD: usize = 4;

#[derive(Debug, Deserialize)]
pub(super) struct ExportQuery {
    format: Option<String>,
    from: Option<String>,
    to: Option<String>,
    hospital: Option<String>,
    excel_safe: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    /// The CSV for opening in a spreadsheet (`excel_safe=1`): formula-like
    /// text cells start with `'` (docs/formats.md §3, "Excel-safe variant").
    ExcelSafeCsv,
    Jsonl,
}

impl Format {
    fn parse(value: Option<&str>, excel_safe: Option<&str>) -> Result<Format, ApiError> {
        let excel_safe = match excel_safe.unwrap_or("") {
            "" | "0" | "false" => false,
            "1" | "true" => true,
            other => {
                return Err(ApiError::BadRequest(format!(
                    "excel_safe: {other:?} is not 1 or 0"
                )))
            }
        };
        match (value.unwrap_or("csv"), excel_safe) {
            ("csv", false) => Ok(Format::Csv),
            ("csv", true) => Ok(Format::ExcelSafeCsv),
            ("jsonl", false) => Ok(Format::Jsonl),
            ("jsonl", true) => Err(ApiError::BadRequest(
                "excel_safe: only for format=csv".into(),
            )),
            (other, _) => Err(ApiError::BadRequest(format!(
                "format: {other:?} is not csv or jsonl"
            ))),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv | Format::ExcelSafeCsv => "text/csv; charset=utf-8",
            Format::Jsonl => "application/x-ndjson; charset=utf-8",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Format::Csv => "tiyan-responses.csv",
            Format::ExcelSafeCsv => "tiyan-responses-excel.csv",
            Format::Jsonl => "tiyan-responses.jsonl",
        }
    }
}

pub(super) async fn export(
    State(state): State<AppState>,
    who: Authenticated,
    params: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = query::query(params)?;
    let format = Format::parse(params.format.as_deref(), params.excel_safe.as_deref())?;
    let from = query::date("from", params.from.as_deref())?;
    let to = query::date("to", params.to.as_deref())?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(ApiError::BadRequest(format!(
                "from {from} is after to {to}"
            )));
        }
    }
    let hospital = query::hospital(params.hospital.as_deref())?;
    // A department head exports its department alone.
    let scope = who
        .scope()
        .restrict_to(hospital, None)
        .map_err(ApiError::Forbidden)?;
    let filter = ResponseFilter {
        from,
        to,
        hospital: scope.hospital,
        department: scope.department,
    };
    tracing::info!(
        username = %who.0.username,
        format = format.file_name(),
        hospital = filter.hospital.as_deref().unwrap_or("*"),
        "export"
    );

    let (chunks, body) = mpsc::channel(CHUNKS_AHEAD);
    tokio::spawn(write_export(
        state.store.clone(),
        state.instrument,
        filter,
        format,
        chunks,
    ));
    let disposition = format!("attachment; filename=\"{}\"", format.file_name());
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(ReceiverStream::new(body)),
    )
        .into_response())
}

/// Writes one format into growing chunks.
enum Encoder {
    Csv(Box<CsvWriter<Vec<u8>>>),
    Jsonl(Vec<u8>),
}

impl Encoder {
    fn new(format: Format, instrument: &Instrument) -> io::Result<Encoder> {
        Ok(match format {
            Format::Csv => Encoder::Csv(Box::new(CsvWriter::new(Vec::new(), instrument)?)),
            Format::ExcelSafeCsv => {
                Encoder::Csv(Box::new(CsvWriter::excel_safe(Vec::new(), instrument)?))
            }
            Format::Jsonl => Encoder::Jsonl(Vec::new()),
        })
    }

    fn write(&mut self, response: &scoring::response::Response) -> io::Result<()> {
        match self {
            Encoder::Csv(csv) => csv.write(response),
            Encoder::Jsonl(buffer) => write_jsonl_line(buffer, response),
        }
    }

    /// The bytes written since the last call.
    fn take(&mut self) -> io::Result<Vec<u8>> {
        match self {
            Encoder::Csv(csv) => csv.take_bytes(),
            Encoder::Jsonl(buffer) => Ok(std::mem::take(buffer)),
        }
    }
}

/// Reads the rows and sends the encoded chunks until done, or until the
/// client goes away (the send fails and the database cursor is dropped).
/// An error mid-way ends the body with an error, so the client sees a cut
/// transfer rather than a short file that looks complete.
async fn write_export(
    store: Store,
    instrument: &'static Instrument,
    filter: ResponseFilter,
    format: Format,
    chunks: mpsc::Sender<io::Result<Bytes>>,
) {
    let mut rows = store.response_bodies(&filter);
    let mut pending: Vec<u8> = Vec::with_capacity(CHUNK_BYTES);
    let result: io::Result<u64> = async {
        let mut encoder = Encoder::new(format, instrument)?;
        let mut count = 0u64;
        while let Some(row) = rows.next().await {
            // The database cursor is not a Tokio resource: yield now and
            // then so a long export shares its thread with other requests.
            tokio::task::consume_budget().await;
            let body = row.map_err(io::Error::other)?;
            let response: scoring::response::Response =
                serde_json::from_str(&body).map_err(io::Error::other)?;
            encoder.write(&response)?;
            count += 1;
            if count.is_multiple_of(32) {
                pending.extend(encoder.take()?);
                if pending.len() >= CHUNK_BYTES {
                    let chunk = Bytes::from(std::mem::replace(
                        &mut pending,
                        Vec::with_capacity(CHUNK_BYTES),
                    ));
                    if chunks.send(Ok(chunk)).await.is_err() {
                        return Err(io::Error::new(
                            io::ErrorKind::BrokenPipe,
                            "client went away",
                        ));
                    }
                }
            }
        }
        pending.extend(encoder.take()?);
        Ok(count)
    }
    .await;
    match result {
        Ok(count) => {
            let _ = chunks.send(Ok(Bytes::from(pending))).await;
            tracing::info!(rows = count, "export finished");
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            tracing::info!("export cancelled: the client went away");
        }
        Err(e) => {
            tracing::error!(error = %e, "export failed mid-way");
            let _ = chunks.send(Err(io::Error::other("export failed"))).await;
        }
    }
}
