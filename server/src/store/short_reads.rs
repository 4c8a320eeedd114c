//! Long reads from SQLite as many short statements.
//!
//! A statement keeps its read snapshot until it ends, and while any reader
//! holds a snapshot SQLite can neither copy the later commits into the
//! database nor start the write-ahead log over. An export or dashboard
//! report streamed through one statement holds it for as long as the client
//! takes to download: the log grows by every commit of that time, its file
//! stays that large, and when the read ends the whole backlog is copied at
//! once. Under the load benchmark a 30 s download let the log reach 1.3 GB
//! (BENCHMARKS.md, "Exports while kiosks submit"); a stalled client would
//! hold it until the disk filled.
//!
//! So the rows are read a page of [`PAGE_ROWS`] at a time, each page one
//! statement, continuing after the last (`submitted_key`, `id`) read. No
//! snapshot outlives a page, whatever the client does, and the log keeps
//! its usual size (70 MB in the same benchmark).
//!
//! The pages still add up to one snapshot, the one a single statement
//! would have read. Responses are only ever inserted (never updated or
//! deleted), and the one writer gives each new row a rowid above every
//! committed one, so the rows with `rowid ≤` the largest rowid when the read
//! began are exactly the rows committed before it. (A `VACUUM` may renumber
//! rowids; the server never runs one.)
//!
//! Cost: a page that starts inside a run of equal `submitted_key`s sorts the
//! rest of that run again (the time index holds no `id`, see migration
//! 0002). With the load benchmark's 6,000 responses per second-precision
//! instant an export takes about 35% longer than one statement; with the
//! demo data, where instants rarely repeat, it is 15% faster, as the next
//! page is read while the last one is sent.

use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use sqlx::{Row, SqlitePool};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::StoreError;

/// Rows per statement: about 2.6 MB of canonical JSON.
pub(super) const PAGE_ROWS: i64 = 4_000;

const LAST_ROWID: &str = "SELECT max(rowid) FROM responses";
// `submitted_key >= $1` walks the index (the row value alone would be a
// filter); the row value skips the rows of the last key already read.
const PAGE: &str = "SELECT submitted_key, id, body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND rowid <= $3 \
     AND (submitted_key, id) > ($1, $4) \
     ORDER BY submitted_key, id LIMIT $5";
const PAGE_OF_HOSPITAL: &str = "SELECT submitted_key, id, body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND rowid <= $3 \
     AND (submitted_key, id) > ($1, $4) AND hospital = $6 \
     ORDER BY submitted_key, id LIMIT $5";
const PAGE_OF_DEPARTMENT: &str = "SELECT submitted_key, id, body FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND rowid <= $3 \
     AND (submitted_key, id) > ($1, $4) AND hospital = $6 AND department = $7 \
     ORDER BY submitted_key, id LIMIT $5";

/// Which rows to read.
#[derive(Debug, Clone)]
pub(super) struct Selection {
    pub from: String,
    pub to: String,
    pub hospital: Option<String>,
    /// Only with `hospital`.
    pub department: Option<String>,
}

/// Where the next page starts.
#[derive(Debug, Clone)]
struct Cursor {
    /// The largest rowid when the read began.
    last_rowid: i64,
    /// Every row up to (`after_key`, `after_id`) has been read. At first
    /// (`from`, ""): every key of the range comes after it.
    after_key: String,
    after_id: String,
}

/// The bodies of the selected responses in export order. A task reads the
/// pages, one page ahead of the consumer, so that reading the database and
/// sending what was read overlap as they do with one statement; it stops
/// when the stream is dropped.
pub(super) fn response_bodies(
    pool: SqlitePool,
    selection: Selection,
) -> BoxStream<'static, Result<String, StoreError>> {
    let (pages, pages_out) = mpsc::channel(1);
    tokio::spawn(read_pages(pool, selection, pages));
    ReceiverStream::new(pages_out)
        .map_ok(|page: Vec<String>| stream::iter(page.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
}

type Page = Result<Vec<String>, StoreError>;

async fn read_pages(pool: SqlitePool, selection: Selection, pages: mpsc::Sender<Page>) {
    let last_rowid: Option<i64> = match sqlx::query_scalar(LAST_ROWID).fetch_one(&pool).await {
        Ok(last) => last,
        Err(e) => {
            let _ = pages.send(Err(e.into())).await;
            return;
        }
    };
    let mut cursor = last_rowid.map(|last_rowid| Cursor {
        last_rowid,
        after_key: selection.from.clone(),
        after_id: String::new(),
    });
    while let Some(at) = cursor {
        let page = match next_page(&pool, &selection, at).await {
            Ok((bodies, next)) => {
                cursor = next;
                Ok(bodies)
            }
            Err(e) => {
                cursor = None;
                Err(e)
            }
        };
        if pages.send(page).await.is_err() {
            return; // the consumer is gone
        }
    }
}

/// Reads the page at `cursor`: its bodies and the cursor after it (`None`
/// once a page comes back short: nothing is left).
async fn next_page(
    pool: &SqlitePool,
    selection: &Selection,
    cursor: Cursor,
) -> Result<(Vec<String>, Option<Cursor>), StoreError> {
    let query = sqlx::query(match (&selection.hospital, &selection.department) {
        (Some(_), Some(_)) => PAGE_OF_DEPARTMENT,
        (Some(_), None) => PAGE_OF_HOSPITAL,
        (None, _) => PAGE,
    })
    .bind(&cursor.after_key)
    .bind(&selection.to)
    .bind(cursor.last_rowid)
    .bind(&cursor.after_id)
    .bind(PAGE_ROWS);
    let query = match (&selection.hospital, &selection.department) {
        (Some(hospital), Some(department)) => query.bind(hospital).bind(department),
        (Some(hospital), None) => query.bind(hospital),
        (None, _) => query,
    };
    let rows = query.fetch_all(pool).await?;
    let bodies = rows
        .iter()
        .map(|row| row.try_get::<String, _>(2))
        .collect::<Result<Vec<_>, _>>()?;
    let next = match rows.last() {
        Some(last) if rows.len() as i64 == PAGE_ROWS => Some(Cursor {
            after_key: last.try_get(0)?,
            after_id: last.try_get(1)?,
            ..cursor
        }),
        _ => None,
    };
    Ok((bodies, next))
}

#[cfg(test)]
mod tests {
    use futures_util::TryStreamExt;

    use super::PAGE_ROWS;
    use crate::store::{NewResponse, ResponseFilter, Store};

    /// Two and a bit pages of responses.
    const ROWS: u32 = 2 * PAGE_ROWS as u32 + 500;

    /// Responses over four hospitals and three days, seven rows to each
    /// instant, so that pages end in the middle of an instant.
    fn sample(ids: std::ops::Range<u32>) -> Vec<NewResponse> {
        ids.map(|i| {
            let id = format!(
                "{:08x}-0000-4000-8000-000000000000",
                i.wrapping_mul(2_654_435_761)
            );
            let instant = i / 7;
            let submitted_key = format!(
                "2024-05-{:02}T{:02}:{:02}:00.000000000Z",
                3 + instant % 3,
                instant / 60 % 24,
                instant % 60
            );
            NewResponse {
                body: format!("{submitted_key} {id}"),
                hospital: format!("H00{}", i % 4),
                department: format!("d{}", i % 3),
                content_hash: [0; 32],
                id,
                submitted_key,
                alert: None,
            }
        })
        .collect()
    }

    async fn store_with(rows: &[NewResponse]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("reads.db").display());
        let store = Store::connect(&url).await.unwrap();
        insert(&store, rows).await;
        (dir, store)
    }

    async fn insert(store: &Store, rows: &[NewResponse]) {
        let rows: Vec<&NewResponse> = rows.iter().collect();
        store
            .insert_responses(&rows, 0, &Default::default())
            .await
            .unwrap();
    }

    /// What one statement over the whole table returns, for comparison.
    async fn one_statement(store: &Store, filter: &ResponseFilter) -> Vec<String> {
        let Store::Sqlite(pool) = store else {
            unreachable!()
        };
        let (from, to) = filter.key_range();
        sqlx::query_scalar(
            "SELECT body FROM responses WHERE submitted_key >= $1 AND submitted_key < $2 \
             AND ($3 IS NULL OR hospital = $3) AND ($4 IS NULL OR department = $4) \
             ORDER BY submitted_key, id",
        )
        .bind(from)
        .bind(to)
        .bind(filter.hospital.as_deref())
        .bind(filter.department.as_deref())
        .fetch_all(pool)
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn pages_add_up_to_what_one_statement_reads() {
        let (_dir, store) = store_with(&sample(0..ROWS)).await;
        let day = |d: &str| Some(d.parse().unwrap());
        let filters = [
            ResponseFilter::default(),
            ResponseFilter {
                hospital: Some("H002".into()),
                ..ResponseFilter::default()
            },
            ResponseFilter {
                hospital: Some("H001".into()),
                department: Some("d2".into()),
                ..ResponseFilter::default()
            },
            ResponseFilter {
                from: day("2024-05-04"),
                to: day("2024-05-05"),
                hospital: None,
                department: None,
            },
            ResponseFilter {
                from: day("2024-05-06"),
                ..ResponseFilter::default()
            },
        ];
        for filter in &filters {
            let paged: Vec<String> = store.response_bodies(filter).try_collect().await.unwrap();
            let expected = one_statement(&store, filter).await;
            assert_eq!(paged.len(), expected.len(), "{filter:?}");
            assert!(
                paged == expected,
                "{filter:?}: not the same rows in the same order"
            );
        }
        assert_eq!(
            store
                .response_bodies(&filters[0])
                .try_collect::<Vec<_>>()
                .await
                .unwrap()
                .len(),
            ROWS as usize
        );
    }

    #[tokio::test]
    async fn an_empty_table_reads_as_nothing() {
        let (_dir, store) = store_with(&[]).await;
        let read: Vec<String> = store
            .response_bodies(&ResponseFilter::default())
            .try_collect()
            .await
            .unwrap();
        assert!(read.is_empty());
    }

    /// The point of reading in pages: a reader that pauses (a slow
    /// download) holds no snapshot, so every committed frame can be copied
    /// and the log can start over; and it still reads the table as it was
    /// when it began.
    #[tokio::test]
    async fn a_paused_read_neither_holds_the_log_nor_sees_later_rows() {
        let (_dir, store) = store_with(&sample(0..ROWS)).await;
        let mut copier = store.wal_connection().await.unwrap().unwrap();
        let filter = ResponseFilter::default();
        let mut read = store.response_bodies(&filter);
        let mut bodies = Vec::new();
        for _ in 0..10 {
            bodies.push(read.try_next().await.unwrap().unwrap());
        }

        insert(&store, &sample(ROWS..ROWS + 300)).await;
        // The reader may still be reading its page ahead; once it has, it
        // holds nothing while it waits.
        let mut progress = copier.checkpoint().await.unwrap();
        for _ in 0..500 {
            if progress.copied_frames == progress.log_frames {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            progress = copier.checkpoint().await.unwrap();
        }
        assert_eq!(progress.copied_frames, progress.log_frames, "{progress:?}");

        while let Some(body) = read.try_next().await.unwrap() {
            bodies.push(body);
        }
        let before: Vec<String> = {
            let mut rows = sample(0..ROWS);
            rows.sort_by(|a, b| (&a.submitted_key, &a.id).cmp(&(&b.submitted_key, &b.id)));
            rows.into_iter().map(|r| r.body).collect()
        };
        assert!(
            bodies == before,
            "the read is not the table as it was when it began"
        );
        drop(read);
        copier.close().await;
        store.close().await;
    }
}
