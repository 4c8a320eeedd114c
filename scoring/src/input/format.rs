use std::fmt;

/// The two export forms of docs/formats.md §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

impl InputFormat {
    /// Guesses the format from the first bytes of a file: JSONL starts with
    /// `{` (after an optional byte-order mark and white space), a CSV export
    /// with its header. `None` when there is nothing but white space.
    pub fn detect(head: &[u8]) -> Option<InputFormat> {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let first = head.iter().find(|b| !b.is_ascii_whitespace())?;
        Some(if *first == b'{' {
            InputFormat::Jsonl
        } else {
            InputFormat::Csv
        })
    }

    /// The format a file name's extension names (`.csv`, `.jsonl`, `.ndjson`),
    /// case-insensitively.
    pub fn from_file_name(name: &str) -> Option<InputFormat> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(InputFormat::Csv),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Csv => "csv",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
