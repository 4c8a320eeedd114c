//! Where records end in an export file, found without parsing them, so
//! that a caller can cut a file into pieces that each start at a record
//! boundary and read the pieces independently — on several threads — with
//! [`super::read_piece`].
//!
//! For CSV this follows the quoting rules of the csv reader (RFC 4180 as
//! csv-core reads it): a `"` opens a quoted cell only at the start of a
//! cell; inside one, `""` is a quote and a line break is text; after the
//! closing quote the cell goes on unquoted. A record ends at a `\r` or
//! `\n` outside quotes. Cutting there — even between the `\r` and `\n` of
//! a CRLF — gives the same records, since a reader skips line breaks at
//! the start of a record, and physical lines are counted from `\n` bytes
//! alone (`line_breaks`). For JSONL a record ends at each `\n`.

use super::csv_split::{line_or_quote, next_quote, quote_free_record};
use super::InputFormat;

/// Where the CSV scanner is, as far as quoting goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a cell (or of a record).
    CellStart,
    /// In an unquoted cell: a quote is text.
    Unquoted,
    /// In a quoted cell.
    Quoted,
    /// Just after a quote in a quoted cell: the end of the quoting, or the
    /// first half of `""`.
    QuoteInQuoted,
}

/// A place where a piece of the file may start: its offset in the file and
/// the physical line (from 1) of its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    pub offset: u64,
    pub line: u64,
}

/// Scans a stream of export bytes for record ends; see the module doc.
#[derive(Debug, Clone)]
pub struct RecordBoundaries {
    format: InputFormat,
    quoting: Quoting,
    /// Bytes scanned so far.
    scanned: u64,
    /// `\n` bytes scanned so far.
    newlines: u64,
    /// Whether the record being scanned has any content (blank lines are
    /// not records).
    content: bool,
    first_record_end: Option<Cut>,
    last_cut: Option<Cut>,
    /// Bytes of a UTF-8 byte-order mark seen at the start of the file, which
    /// the reader skips; [`BOM_DECIDED`] once past it.
    bom: usize,
}

const BOM: &[u8; 3] = b"\xEF\xBB\xBF";
const BOM_DECIDED: usize = usize::MAX;

impl RecordBoundaries {
    pub fn new(format: InputFormat) -> RecordBoundaries {
        RecordBoundaries {
            format,
            quoting: Quoting::CellStart,
            scanned: 0,
            newlines: 0,
            content: false,
            first_record_end: None,
            last_cut: None,
            bom: 0,
        }
    }

    /// Scans `bytes`, which follow the bytes scanned before.
    pub fn scan(&mut self, bytes: &[u8]) {
        match self.format {
            InputFormat::Csv => self.scan_csv(bytes),
            InputFormat::Jsonl => {
                if let Some(at) = bytes.iter().rposition(|&b| b == b'\n') {
                    self.last_cut = Some(Cut {
                        offset: self.scanned + at as u64 + 1,
                        line: 1 + self.newlines + lines_in(&bytes[..=at]),
                    });
                }
                self.newlines += lines_in(bytes);
            }
        }
        self.scanned += bytes.len() as u64;
    }

    fn scan_csv(&mut self, bytes: &[u8]) {
        let mut quoting = self.quoting;
        let mut content = self.content;
        let mut newlines = self.newlines;
        let mut last_cut = None;
        let mut i = 0;
        while self.bom < BOM.len() && i < bytes.len() {
            if bytes[i] == BOM[self.bom] {
                self.bom += 1;
                i += 1;
            } else {
                // Not a byte-order mark: what matched of one is content.
                if self.bom > 0 {
                    (quoting, content) = (Quoting::Unquoted, true);
                }
                self.bom = BOM_DECIDED;
            }
        }
        if self.bom == BOM.len() {
            self.bom = BOM_DECIDED;
        }
        while i < bytes.len() {
            if quoting == Quoting::CellStart && !content {
                // At the start of a record: most have no quote, so they end
                // at their line break, found eight bytes at a time. Past the
                // header, lone `\r` line ends need not be cuts.
                let end = match self.first_record_end {
                    None => quote_free_record(bytes, i),
                    Some(_) => match line_or_quote(bytes, i) {
                        Some((at, b'"')) => {
                            // No line break before this quote: it opens a
                            // quoted cell if it starts one.
                            let starts_cell = at == i || matches!(bytes[at - 1], b',' | b'\r');
                            quoting = if starts_cell {
                                Quoting::Quoted
                            } else {
                                Quoting::Unquoted
                            };
                            content = true;
                            i = at + 1;
                            continue;
                        }
                        found => found.map(|(at, _)| at),
                    },
                };
                if let Some(end) = end {
                    newlines += u64::from(bytes[end] == b'\n');
                    let cut = Cut {
                        offset: self.scanned + end as u64 + 1,
                        line: 1 + newlines,
                    };
                    last_cut = Some(cut);
                    if end > i && self.first_record_end.is_none() {
                        self.first_record_end = Some(cut);
                    }
                    i = end + 1;
                    continue;
                }
            }
            if quoting == Quoting::Quoted {
                // Inside quotes only a quote matters: jump to the next one.
                let (next, lines) = next_quote(bytes, i);
                newlines += lines;
                i = next;
                if i == bytes.len() {
                    break;
                }
            }
            let byte = bytes[i];
            newlines += u64::from(byte == b'\n');
            quoting = match (quoting, byte) {
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::CellStart, b'"') | (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b',') => Quoting::CellStart,
                (_, b'\r' | b'\n') => {
                    let cut = Cut {
                        offset: self.scanned + i as u64 + 1,
                        line: 1 + newlines,
                    };
                    last_cut = Some(cut);
                    if content && self.first_record_end.is_none() {
                        self.first_record_end = Some(cut);
                    }
                    content = false;
                    i += 1;
                    quoting = Quoting::CellStart;
                    continue;
                }
                _ => Quoting::Unquoted,
            };
            content = true;
            i += 1;
        }
        self.quoting = quoting;
        self.content = content;
        self.newlines = newlines;
        if last_cut.is_some() {
            self.last_cut = last_cut;
        }
    }

    /// Just past the end of the first CSV record (the header), once
    /// scanned; always `None` for JSONL, which has no header.
    pub fn first_record_end(&self) -> Option<Cut> {
        self.first_record_end
    }

    /// Just past the last record end scanned: the bytes before it are
    /// whole records, and a piece may start there.
    pub fn last_cut(&self) -> Option<Cut> {
        self.last_cut
    }
}

/// The lines a piece of a file spans: a piece that follows one starting on
/// line `l` starts on line `l + lines_in(that piece)`.
pub fn lines_in(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    use super::super::csv_split::CsvSplitter;
    use super::*;

    /// (line, cells) of every record of `splitter`.
    fn records<R: std::io::Read>(mut splitter: CsvSplitter<R>) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut out = Vec::new();
        while splitter.next_record().unwrap() {
            let cells = splitter.cells().iter().map(<[u8]>::to_vec).collect();
            out.push((splitter.record_line(), cells));
        }
        out
    }

    proptest! {
        #![proptest_config(Config {
            cases: 250,
            rng_seed: RngSeed::Fixed(1_000_000),
            failure_persistence: None,
            ..Config::default()
        })]

        /// Any bytes, scanned in any blocks: the file cut at any boundary
        /// found reads as the whole does, and the first record end is the
        /// header's.
        #[test]
        fn every_cut_splits_the_file_between_records(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just(&b","[..]), Just(&b"\""[..]), Just(&b"\"\""[..]),
                    Just(&b"\r"[..]), Just(&b"\n"[..]), Just(&b"\r\n"[..]),
                    Just(&b"a"[..]), Just(&b"12345678"[..]), Just(&b",\"x\",y"[..]),
                    Just("中".as_bytes()), Just(&b"\xEF\xBB\xBF"[..]),
                ],
                0..60,
            ),
            block in 1usize..50,
        ) {
            let bytes: Vec<u8> = pieces.concat();
            let whole = records(CsvSplitter::file(bytes.as_slice()));
            let mut boundaries = RecordBoundaries::new(InputFormat::Csv);
            let mut cuts = Vec::new();
            for chunk in bytes.chunks(block) {
                boundaries.scan(chunk);
                cuts.extend(boundaries.last_cut());
            }
            for cut in cuts {
                let at = cut.offset as usize;
                prop_assert_eq!(cut.line, 1 + lines_in(&bytes[..at]));
                let mut parts = records(CsvSplitter::file(&bytes[..at]));
                parts.extend(records(CsvSplitter::piece(&bytes[at..], cut.line)));
                prop_assert_eq!(&parts, &whole, "cut at {}", at);
            }
            if let Some(end) = boundaries.first_record_end() {
                let header = records(CsvSplitter::file(&bytes[..end.offset as usize]));
                prop_assert_eq!(&header[..], &whole[..1]);
            } else {
                prop_assert!(whole.len() <= 1);
            }
        }
    }
}
