//! CSV: UTF-8 with a byte-order mark so Excel opens Chinese correctly,
//! RFC 4180 quoting and CRLF line ends, one row per response.

use std::io::{self, Write};

use crate::instrument::Instrument;
use crate::response::{Answer, Response};

/// The UTF-8 byte-order mark that starts every CSV export.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns of docs/formats.md §3, in order: the response fields, one column
/// per item id in instrument order (stages, then overall), the respondent
/// fields, then `comment`.
pub fn csv_header(instrument: &Instrument) -> Vec<String> {
    let fixed = [
        "id",
        "instrument",
        "instrument_version",
        "hospital",
        "department",
        "visit_type",
        "channel",
        "submitted_at",
    ];
    let respondent = instrument
        .respondent
        .fields()
        .map(|(name, _)| format!("respondent.{name}"));
    fixed
        .iter()
        .map(|s| (*s).to_owned())
        .chain(instrument.items().map(|item| item.id.clone()))
        .chain(respondent)
        .chain(std::iter::once("comment".to_owned()))
        .collect()
}

/// Writes responses as CSV rows under the header of one instrument.
///
/// An item cell is empty (not answered), an integer, or `NA` (not
/// applicable). Rows are written in the order given: see
/// [`super::sort_for_export`].
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
    /// Item ids sorted, with their position among the item columns: the
    /// answers (sorted by id too) are matched to columns in one merge.
    sorted_items: Vec<(String, usize)>,
    /// Scratch row of item cells, in column order.
    cells: Vec<Option<Answer>>,
    /// Text cells that a spreadsheet would read as a formula get a leading
    /// `'` ([`excel_safe_cell`]); off for the export of docs/formats.md §3.
    excel_safe: bool,
}

/// The first characters that make Excel (and LibreOffice, Google Sheets)
/// read a cell as a formula, or strip the cell to one (OWASP, "CSV
/// injection"): `= + - @`, tab and carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet shows it rather than evaluates it: with a
/// leading `'` when it starts like a formula, unchanged otherwise.
pub fn excel_safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

impl<W: Write> CsvWriter<W> {
    /// Writes the byte-order mark and the header row.
    pub fn new(mut writer: W, instrument: &Instrument) -> io::Result<CsvWriter<W>> {
        writer.write_all(UTF8_BOM)?;
        let mut csv = rfc4180_writer(writer);
        csv.write_record(csv_header(instrument))?;
        let mut sorted_items: Vec<(String, usize)> = instrument
            .items()
            .enumerate()
            .map(|(column, item)| (item.id.clone(), column))
            .collect();
        sorted_items.sort_unstable();
        let cells = vec![None; sorted_items.len()];
        Ok(CsvWriter {
            csv,
            sorted_items,
            cells,
            excel_safe: false,
        })
    }

    /// The same columns, for opening in a spreadsheet: every text cell that
    /// starts like a formula is written with a leading `'`
    /// ([`excel_safe_cell`]; docs/formats.md §3, "Excel-safe variant").
    /// Not the contract's bytes: score the plain export, not this one.
    pub fn excel_safe(writer: W, instrument: &Instrument) -> io::Result<CsvWriter<W>> {
        let mut csv = CsvWriter::new(writer, instrument)?;
        csv.excel_safe = true;
        Ok(csv)
    }

    /// A free-text cell, made safe when asked.
    fn text(csv: &mut csv::Writer<W>, excel_safe: bool, text: &str) -> io::Result<()> {
        if excel_safe {
            csv.write_field(excel_safe_cell(text).as_ref())?;
        } else {
            csv.write_field(text)?;
        }
        Ok(())
    }

    /// Writes one response as one row. Answers to items that are not in
    /// the instrument have no column and are not written; validate first.
    pub fn write(&mut self, r: &Response) -> io::Result<()> {
        let mut number = itoa_buffer();
        let csv = &mut self.csv;
        let safe = self.excel_safe;
        Self::text(csv, safe, &r.id)?;
        Self::text(csv, safe, &r.instrument)?;
        csv.write_field(number.format(i64::from(r.instrument_version)))?;
        Self::text(csv, safe, &r.hospital)?;
        Self::text(csv, safe, &r.department)?;
        csv.write_field(r.visit_type.as_str())?;
        csv.write_field(r.channel.as_str())?;
        csv.write_field(&r.submitted_at)?;
        self.cells.fill(None);
        let mut answers = r.answers.iter().peekable();
        for (id, column) in &self.sorted_items {
            while answers
                .next_if(|(answered, _)| answered.as_str() < id.as_str())
                .is_some()
            {}
            if let Some((_, answer)) = answers.next_if(|(answered, _)| *answered == id) {
                self.cells[*column] = Some(*answer);
            }
        }
        for cell in &self.cells {
            match cell {
                None => csv.write_field("")?,
                Some(Answer::Na) => csv.write_field("NA")?,
                Some(Answer::Value(v)) => csv.write_field(number.format(*v))?,
            }
        }
        let who = &r.respondent;
        Self::text(csv, safe, who.age_band.as_deref().unwrap_or(""))?;
        Self::text(csv, safe, who.education.as_deref().unwrap_or(""))?;
        match who.self_rated_health {
            Some(v) => csv.write_field(number.format(v))?,
            None => csv.write_field("")?,
        }
        Self::text(csv, safe, who.answered_by.as_deref().unwrap_or(""))?;
        Self::text(csv, safe, &r.comment)?;
        csv.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes buffered rows to the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

impl CsvWriter<Vec<u8>> {
    /// Flushes and takes the bytes written so far, leaving the buffer empty:
    /// lets a server stream a large export in chunks.
    pub fn take_bytes(&mut self) -> io::Result<Vec<u8>> {
        // Rows are whole between calls, so a fresh writer continues the file.
        let full = std::mem::replace(&mut self.csv, rfc4180_writer(Vec::new()));
        full.into_inner().map_err(|e| e.into_error())
    }
}

/// RFC 4180: quotes only where needed, CRLF line ends (also what Excel writes).
fn rfc4180_writer<W: Write>(writer: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(writer)
}

/// Formats integers without allocating (a row has ~45 of them).
struct IntBuffer([u8; 20]);

fn itoa_buffer() -> IntBuffer {
    IntBuffer([0; 20])
}

impl IntBuffer {
    fn format(&mut self, v: i64) -> &[u8] {
        let mut n = v.unsigned_abs();
        let mut i = self.0.len();
        loop {
            i -= 1;
            // n % 10 < 10, so the cast cannot truncate.
            self.0[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if v < 0 {
            i -= 1;
            self.0[i] = b'-';
        }
        &self.0[i..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_format_like_display() {
        let mut b = itoa_buffer();
        for v in [0, 7, 10, -1, -10, 1234567890, i64::MIN, i64::MAX] {
            assert_eq!(b.format(v), v.to_string().as_bytes());
        }
    }
}
