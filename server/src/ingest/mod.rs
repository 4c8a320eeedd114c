//! From a request body to stored rows: parse and validate every response
//! (`submission`, pure), then store them through the one writer task that
//! commits many at a time (`group_commit`), with the write-ahead log
//! copied in the background (`checkpointer`).

mod checkpointer;
mod group_commit;
mod submission;

pub use group_commit::{Ingest, IngestError, Writer, MAX_GROUP_ROWS};
pub use submission::{
    check_response, parse_submission, prepare_response, Checked, MalformedBody, Receipt,
    Submission, SubmittedWindow, MAX_BATCH,
};
