use std::fmt;

/// One problem with one record of an input file:
/// `line 41, column 7: field outpatient.wait_time: value 6 is outside 1..5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The physical line (from 1) where the record starts.
    pub line: u64,
    /// The 1-based CSV field index; for JSONL, the character position of a
    /// syntax error in the line. `None` when no single cell is at fault.
    pub column: Option<u64>,
    /// The field at fault, named as its CSV column (`hospital`,
    /// `outpatient.wait_time`, `respondent.age_band`).
    pub field: Option<String>,
    pub message: String,
    /// Reading stopped here: the rest of the input cannot be read reliably
    /// (a bad CSV header, an I/O error). Such errors cannot be skipped.
    pub fatal: bool,
}

impl RecordError {
    pub(crate) fn new(line: u64, message: impl Into<String>) -> RecordError {
        RecordError {
            line,
            column: None,
            field: None,
            message: message.into(),
            fatal: false,
        }
    }

    pub(crate) fn at_column(mut self, column: Option<u64>) -> RecordError {
        self.column = column;
        self
    }

    pub(crate) fn in_field(mut self, field: impl Into<String>) -> RecordError {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn into_fatal(mut self) -> RecordError {
        self.fatal = true;
        self
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "field {field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for RecordError {}
