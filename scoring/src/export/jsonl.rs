//! JSONL: one response object per line, exactly the shape of docs/formats.md §2.

use std::io::{self, Write};

use crate::response::Response;

/// Writes `response` as one JSON line ending in `\n`.
pub fn write_jsonl_line<W: Write>(writer: &mut W, response: &Response) -> io::Result<()> {
    serde_json::to_writer(&mut *writer, response)?;
    writer.write_all(b"\n")
}

/// The JSON line of `response`, ending in `\n`.
pub fn to_jsonl_line(response: &Response) -> String {
    let mut line = serde_json::to_string(response)
        // Response holds only strings, integers and string-keyed maps,
        // which always serialise.
        .unwrap_or_default();
    line.push('\n');
    line
}
