//! The `responses` table: idempotent inserts and ordered reads.

use std::collections::{HashMap, HashSet};

use futures_util::stream::{BoxStream, StreamExt};
use scoring::timestamp::Date;
use sqlx::Row;

use super::cases::{parse_settings, INSERT_CASE, INSERT_CONTACT, SELECT_SETTINGS};
use super::outbox::INSERT_OUTBOX;
use super::{on_pool, short_reads, Store, StoreError};
use crate::alerting::{reasons, AlertInput};
use crate::cases::CONTACT_DAYS;
use crate::clock::rfc3339;
use crate::notify::payload::CaseFacts;
use crate::notify::{case_event, CaseLinks, Event};

/// A validated response ready to store (see `ingest::submission`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResponse {
    pub id: String,
    pub hospital: String,
    /// May be empty.
    pub department: String,
    /// `submitted_at` with a fixed nine-digit fraction: text order is time order.
    pub submitted_key: String,
    /// SHA-256 of `body`.
    pub content_hash: [u8; 32],
    /// The canonical JSON of the response.
    pub body: String,
    /// What the hospital's alert rules look at, and the call-back number
    /// left beside the response; `None` (generated demo data): the rules
    /// are not applied.
    pub alert: Option<AlertInput>,
}

/// How cases opened while storing responses are linked and notified.
#[derive(Debug, Clone, Default)]
pub struct CaseOptions {
    pub links: CaseLinks,
}

/// What happened to one response of an insert group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// A new id: stored now.
    Stored,
    /// The id was stored before with the same content.
    Duplicate,
    /// The id was stored before with different content; nothing changed.
    Conflict,
}

/// Which responses to read. Dates are half-open: `from ≤ day < to`
/// (docs/formats.md: `to` exclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub hospital: Option<String>,
    /// Only with `hospital`: the responses of one department.
    pub department: Option<String>,
}

/// Rows per statement, largest first. A group is cut greedily into
/// chunks of these sizes, so only four statement shapes exist and each is
/// prepared once per connection; one statement per chunk rather than per
/// row keeps the writer's transaction (and so every waiting request) short.
const CHUNK_SIZES: [usize; 4] = [64, 16, 4, 1];
// PostgreSQL's reads (SQLite's are in `short_reads`): two fixed statements
// rather than optional clauses (`$3 IS NULL OR …`), which would stop the
// planner from walking an index in export order.
const SELECT_RANGE: &str = "SELECT body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 ORDER BY submitted_key, id";
const SELECT_RANGE_OF_HOSPITAL: &str = "SELECT body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND hospital = $3 ORDER BY submitted_key, id";
const SELECT_RANGE_OF_DEPARTMENT: &str = "SELECT body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND hospital = $3 AND department = $4 \
     ORDER BY submitted_key, id";
/// Sorts after every key (keys start with a four-digit year).
const AFTER_EVERY_KEY: &str = "~";

impl ResponseFilter {
    /// The half-open key range. A key starts `YYYY-MM-DDT`, so the bare
    /// date `YYYY-MM-DD` sorts just before every key of that day.
    pub(super) fn key_range(&self) -> (String, String) {
        let from = self.from.map(|d| d.to_string()).unwrap_or_default();
        let to = self
            .to
            .map(|d| d.to_string())
            .unwrap_or_else(|| AFTER_EVERY_KEY.to_owned());
        (from, to)
    }
}

/// `rows` cut into chunks of [`CHUNK_SIZES`], in order.
fn chunks<T>(mut rows: &[T]) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    while !rows.is_empty() {
        let size = CHUNK_SIZES
            .into_iter()
            .find(|&size| size <= rows.len())
            .unwrap_or(1);
        let (chunk, rest) = rows.split_at(size);
        chunks.push(chunk);
        rows = rest;
    }
    chunks
}

/// `($1, …, $6), ($7, …)`: `rows` groups of `columns` numbered placeholders.
fn placeholders(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=columns)
                .map(|c| format!("${}", r * columns + c))
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts the new ids of a chunk and names them (`RETURNING` lists only
/// rows actually inserted; a known id is left untouched).
fn insert_sql(rows: usize) -> String {
    format!(
        "INSERT INTO responses (id, hospital, submitted_key, content_hash, body, received_at, department) \
         VALUES {} ON CONFLICT (id) DO NOTHING RETURNING id",
        placeholders(rows, 7)
    )
}

fn stored_hashes_sql(ids: usize) -> String {
    let list: Vec<String> = (1..=ids).map(|i| format!("${i}")).collect();
    format!(
        "SELECT id, content_hash FROM responses WHERE id IN ({})",
        list.join(", ")
    )
}

/// The outcome of each row of a chunk, given the ids the insert returned
/// and the stored hash of every other id. The first row with a returned id
/// is the one stored; any later row with that id compares with it.
fn outcomes(
    chunk: &[&NewResponse],
    inserted: &HashSet<String>,
    stored: &HashMap<String, Vec<u8>>,
) -> Result<Vec<InsertOutcome>, StoreError> {
    let mut seen = HashSet::new();
    chunk
        .iter()
        .map(|row| {
            if inserted.contains(&row.id) && seen.insert(row.id.as_str()) {
                return Ok(InsertOutcome::Stored);
            }
            match stored.get(&row.id) {
                Some(hash) if *hash == row.content_hash => Ok(InsertOutcome::Duplicate),
                Some(_) => Ok(InsertOutcome::Conflict),
                None => Err(StoreError::Corrupt(format!(
                    "id {} was neither inserted nor found",
                    row.id
                ))),
            }
        })
        .collect()
}

/// The ids of a chunk whose outcome needs the stored hash.
fn ids_to_compare<'a>(chunk: &[&'a NewResponse], inserted: &HashSet<String>) -> Vec<&'a str> {
    let mut first = HashSet::new();
    let mut ids: Vec<&str> = chunk
        .iter()
        .filter(|row| !(inserted.contains(&row.id) && first.insert(row.id.as_str())))
        .map(|row| row.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Store {
    /// Inserts `rows` in one transaction, each atomically: a new id is
    /// stored, a known id is compared by content hash and left untouched.
    /// Rows later in the slice see earlier ones (a repeated id in one group
    /// is a duplicate or a conflict of the first).
    ///
    /// In the same transaction, each newly stored response that alerts
    /// under its hospital's rules, or came with a call-back number, gets
    /// its case, the number and, when the hospital has a webhook, the
    /// `case.opened` notification (docs/formats.md §6): an acknowledged
    /// alerting response always has its case, and a repeat of it (a
    /// duplicate) opens none.
    pub async fn insert_responses(
        &self,
        rows: &[&NewResponse],
        received_at: i64,
        options: &CaseOptions,
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        let mut all = Vec::with_capacity(rows.len());
        on_pool!(self, pool => {
            let mut tx = match self {
                // IMMEDIATE takes the write lock up front, so the busy
                // timeout applies instead of a deadlock error on upgrade.
                Store::Sqlite(_) => pool.begin_with("BEGIN IMMEDIATE").await?,
                Store::Postgres(_) => pool.begin().await?,
            };
            for chunk in chunks(rows) {
                let sql = insert_sql(chunk.len());
                let mut insert = sqlx::query_scalar::<_, String>(&sql);
                for row in chunk {
                    insert = insert
                        .bind(&row.id)
                        .bind(&row.hospital)
                        .bind(&row.submitted_key)
                        .bind(&row.content_hash[..])
                        .bind(&row.body)
                        .bind(received_at)
                        .bind(&row.department);
                }
                let inserted: HashSet<String> = insert.fetch_all(&mut *tx).await?.into_iter().collect();
                let mut stored = HashMap::new();
                for ids in chunks(&ids_to_compare(chunk, &inserted)) {
                    let sql = stored_hashes_sql(ids.len());
                    let mut select = sqlx::query_as::<_, (String, Vec<u8>)>(&sql);
                    for id in ids {
                        select = select.bind(*id);
                    }
                    stored.extend(select.fetch_all(&mut *tx).await?);
                }
                all.extend(outcomes(chunk, &inserted, &stored)?);
            }
            let mut settings = HashMap::new();
            for (row, outcome) in rows.iter().zip(&all) {
                let (InsertOutcome::Stored, Some(alert)) = (outcome, &row.alert) else {
                    continue;
                };
                if !settings.contains_key(&row.hospital) {
                    let text: Option<String> = sqlx::query_scalar(SELECT_SETTINGS)
                        .bind(&row.hospital)
                        .fetch_optional(&mut *tx)
                        .await?;
                    settings.insert(row.hospital.clone(), parse_settings(text.as_deref())?);
                }
                let Some(hospital) = settings.get(&row.hospital) else { continue };
                let why = reasons(&alert.signals, &hospital.rules, alert.contact.is_some());
                if why.is_empty() {
                    continue;
                }
                let reasons_json = serde_json::to_string(&why)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let due_at = received_at + i64::from(hospital.sla_hours) * 3600;
                let case_id: i64 = sqlx::query_scalar(INSERT_CASE)
                    .bind(&row.id)
                    .bind(&row.hospital)
                    .bind(&row.department)
                    .bind(received_at)
                    .bind(due_at)
                    .bind(&reasons_json)
                    .fetch_one(&mut *tx)
                    .await?;
                if let Some(phone) = &alert.contact {
                    sqlx::query(INSERT_CONTACT)
                        .bind(case_id)
                        .bind(phone.as_str())
                        .bind(received_at + CONTACT_DAYS * 86_400)
                        .execute(&mut *tx)
                        .await?;
                }
                if hospital.webhook.is_some() {
                    let due = rfc3339(due_at);
                    let facts = CaseFacts {
                        id: case_id,
                        hospital: &row.hospital,
                        department: &row.department,
                        reasons: &why,
                        due_at: &due,
                    };
                    let (key, body) = case_event(Event::Opened, facts, &options.links);
                    sqlx::query(INSERT_OUTBOX)
                        .bind(&row.hospital)
                        .bind(key)
                        .bind(body)
                        .bind(received_at * 1000)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
        });
        Ok(all)
    }

    /// The canonical JSON of every response matching `filter`, in export
    /// order (`submitted_at`, then `id`; docs/formats.md §3), as committed when
    /// the read began. Memory stays constant however many rows match:
    /// PostgreSQL streams one statement; SQLite reads short pages so that a
    /// slow download does not hold its write-ahead log (`short_reads`).
    pub fn response_bodies<'a>(
        &'a self,
        filter: &'a ResponseFilter,
    ) -> BoxStream<'a, Result<String, StoreError>> {
        let (from, to) = filter.key_range();
        match self {
            Store::Sqlite(pool) => {
                let hospital = filter.hospital.clone();
                let department = filter.department.clone();
                let selection = short_reads::Selection {
                    from,
                    to,
                    hospital,
                    department,
                };
                short_reads::response_bodies(pool.clone(), selection)
            }
            Store::Postgres(pool) => {
                let query = match (filter.hospital.as_deref(), filter.department.as_deref()) {
                    (None, _) => sqlx::query(SELECT_RANGE).bind(from).bind(to),
                    (Some(hospital), None) => sqlx::query(SELECT_RANGE_OF_HOSPITAL)
                        .bind(from)
                        .bind(to)
                        .bind(hospital),
                    (Some(hospital), Some(department)) => sqlx::query(SELECT_RANGE_OF_DEPARTMENT)
                        .bind(from)
                        .bind(to)
                        .bind(hospital)
                        .bind(department),
                };
                query
                    .fetch(pool)
                    .map(|row| Ok(row?.try_get::<String, _>(0)?))
                    .boxed()
            }
        }
    }

    /// How many responses are stored.
    pub async fn count_responses(&self) -> Result<i64, StoreError> {
        let sql = "SELECT COUNT(*) FROM responses";
        Ok(on_pool!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, hash: u8) -> NewResponse {
        NewResponse {
            id: id.into(),
            hospital: "H001".into(),
            department: String::new(),
            submitted_key: "2024-05-03T09:12:44.000000000Z".into(),
            content_hash: [hash; 32],
            body: "{}".into(),
            alert: None,
        }
    }

    #[test]
    fn groups_are_cut_into_few_statement_shapes() {
        let sizes = |n: usize| -> Vec<usize> {
            let rows = vec![0u8; n];
            chunks(&rows).iter().map(|c| c.len()).collect()
        };
        assert_eq!(sizes(0), Vec::<usize>::new());
        assert_eq!(sizes(1), [1]);
        assert_eq!(sizes(37), [16, 16, 4, 1]);
        assert_eq!(sizes(150), [64, 64, 16, 4, 1, 1]);
    }

    #[test]
    fn statements_number_their_placeholders_in_order() {
        assert_eq!(placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert!(insert_sql(1).ends_with(
            "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id"
        ));
        assert_eq!(
            stored_hashes_sql(2),
            "SELECT id, content_hash FROM responses WHERE id IN ($1, $2)"
        );
    }

    #[test]
    fn outcomes_compare_every_row_but_the_first_stored() {
        let (a, a_again, a_changed, b, c) = (
            row("a", 1),
            row("a", 1),
            row("a", 2),
            row("b", 3),
            row("c", 4),
        );
        let chunk = [&a, &b, &a_again, &a_changed, &c];
        let inserted: HashSet<String> = ["a".to_owned(), "c".to_owned()].into();
        assert_eq!(ids_to_compare(&chunk, &inserted), ["a", "b"]);
        let stored: HashMap<String, Vec<u8>> =
            [("a".to_owned(), vec![1; 32]), ("b".to_owned(), vec![9; 32])].into();
        assert_eq!(
            outcomes(&chunk, &inserted, &stored).unwrap(),
            [
                InsertOutcome::Stored,
                InsertOutcome::Conflict,
                InsertOutcome::Duplicate,
                InsertOutcome::Conflict,
                InsertOutcome::Stored,
            ]
        );
    }
}
