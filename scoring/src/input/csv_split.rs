//! Splitting CSV bytes into records and cells, exactly as the csv crate
//! (csv-core, default settings) splits them, while counting lines.
//!
//! The rules, from csv-core's state machine: line breaks (`\r`, `\n`) at
//! the start of a record are skipped, so blank lines are no records; a
//! record ends at a `\r` or `\n` outside quotes, or at the end of the
//! input; cells are separated by `,`. A `"` at the start of a cell opens
//! quoting: inside, `""` is one quote and commas and line breaks are text;
//! after the closing quote the cell goes on unquoted (`"ab"c` is `abc`),
//! and in an unquoted cell a `"` is text. At the end of the input an open
//! quote simply ends the cell. A UTF-8 byte-order mark at the very start
//! of a file is skipped.
//!
//! Unquoted cells and quoted cells without `""` — nearly all — are slices
//! of the read buffer, not copies. A record's line is the physical line of
//! its first byte: one plus the `\n` bytes before it (a lone `\r` ends a
//! record but not a line, as a text editor counts lines).
//! `tests::splits_like_the_csv_crate` checks all this against the csv
//! crate on arbitrary input.

use std::io::{self, Read};

/// Bytes read at a time (the buffer grows for a longer record).
const BLOCK: usize = 64 * 1024;

/// Where a cell's bytes are: in the read buffer or, unescaped, in scratch
/// (marked by the top bit of `start`: no buffer comes near half the
/// address space).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: usize,
    end: usize,
}

const IN_SCRATCH: usize = 1 << (usize::BITS - 1);

impl Span {
    fn data(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    fn scratch(start: usize, end: usize) -> Span {
        Span {
            start: start | IN_SCRATCH,
            end,
        }
    }

    fn in_scratch(self) -> bool {
        self.start & IN_SCRATCH != 0
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start & !IN_SCRATCH..self.end
    }
}

/// The spans of the record being split, kept from record to record so
/// that splitting writes them in place.
#[derive(Debug, Default)]
struct Spans {
    all: Vec<Span>,
    len: usize,
}

impl Spans {
    fn clear(&mut self) {
        self.len = 0;
    }

    #[inline]
    fn push(&mut self, span: Span) {
        match self.all.get_mut(self.len) {
            Some(slot) => *slot = span,
            None => self.all.push(span),
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[Span] {
        &self.all[..self.len]
    }
}

/// The cells of the record last split.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cells<'b> {
    data: &'b [u8],
    scratch: &'b [u8],
    spans: &'b [Span],
    /// The record as it stands in `data`, quotes and commas included.
    raw: (usize, usize),
}

impl<'b> Cells<'b> {
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &'b [u8]> + 'b {
        let (data, scratch) = (self.data, self.scratch);
        self.spans.iter().map(move |span| {
            let bytes = if span.in_scratch() { scratch } else { data };
            &bytes[span.range()]
        })
    }

    /// The bytes of cell `i` (empty past the last cell).
    pub(crate) fn bytes(&self, i: usize) -> &'b [u8] {
        match self.spans.get(i) {
            Some(span) if span.in_scratch() => &self.scratch[span.range()],
            Some(span) => &self.data[span.range()],
            None => &[],
        }
    }

    /// The cells as text, when every one is UTF-8 — checked once for the
    /// whole record: its cells are its bytes between ASCII commas and
    /// quotes, so they are all UTF-8 exactly when the record is.
    pub(crate) fn text(&self) -> Option<TextCells<'b>> {
        let (start, end) = self.raw;
        Some(TextCells {
            data: std::str::from_utf8(&self.data[start..end]).ok()?,
            data_start: start,
            scratch: std::str::from_utf8(self.scratch).ok()?,
            spans: self.spans,
        })
    }
}

/// [`Cells`] known to be UTF-8.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextCells<'b> {
    /// The record's bytes, from `data_start` in the buffer.
    data: &'b str,
    data_start: usize,
    scratch: &'b str,
    spans: &'b [Span],
}

impl<'b> TextCells<'b> {
    /// The text of cell `i`; `None` past the last cell.
    pub(crate) fn get(&self, i: usize) -> Option<&'b str> {
        let span = self.spans.get(i)?;
        if span.in_scratch() {
            self.scratch.get(span.range())
        } else {
            let range = span.range();
            self.data
                .get(range.start - self.data_start..range.end - self.data_start)
        }
    }
}

/// What splitting the buffered bytes gave.
enum Split {
    /// A record, ending `consumed` bytes in; its content starts `skipped`
    /// bytes in and ends `content_end` bytes in.
    Record {
        consumed: usize,
        skipped: usize,
        content_end: usize,
        newlines_before: u64,
        newlines: u64,
    },
    /// Only line breaks up to the end of the input.
    End,
    /// The buffered bytes end inside a record: read more.
    NeedMore,
}

/// Splits the records of a CSV stream one at a time.
#[derive(Debug)]
pub(crate) struct CsvSplitter<R> {
    reader: R,
    buffer: Vec<u8>,
    /// Unsplit bytes are `buffer[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    /// The line of `buffer[start]`.
    line: u64,
    /// The line of the record last split.
    record_line: u64,
    /// A byte-order mark may still come first.
    at_file_start: bool,
    /// Where the record last split stands in `buffer`.
    raw: (usize, usize),
    spans: Spans,
    scratch: Vec<u8>,
}

impl<R: Read> CsvSplitter<R> {
    /// Splits a whole file.
    pub(crate) fn file(reader: R) -> CsvSplitter<R> {
        CsvSplitter {
            at_file_start: true,
            ..CsvSplitter::piece(reader, 1)
        }
    }

    /// Splits a piece of a file that starts at a record boundary on line
    /// `first_line`.
    pub(crate) fn piece(reader: R, first_line: u64) -> CsvSplitter<R> {
        CsvSplitter {
            at_file_start: false,
            reader,
            buffer: Vec::new(),
            start: 0,
            end: 0,
            eof: false,
            line: first_line,
            record_line: first_line,
            raw: (0, 0),
            spans: Spans::default(),
            scratch: Vec::new(),
        }
    }

    /// Splits the next record; `Ok(false)` at the end of the input.
    pub(crate) fn next_record(&mut self) -> io::Result<bool> {
        if self.at_file_start {
            while self.end - self.start < 3 && !self.eof {
                self.fill()?;
            }
            if self.buffer[self.start..self.end].starts_with(b"\xEF\xBB\xBF") {
                self.start += 3;
            }
            self.at_file_start = false;
        }
        loop {
            match self.split() {
                Split::Record {
                    consumed,
                    skipped,
                    content_end,
                    newlines_before,
                    newlines,
                } => {
                    self.raw = (self.start + skipped, self.start + content_end);
                    self.record_line = self.line + newlines_before;
                    self.line += newlines;
                    self.start += consumed;
                    return Ok(true);
                }
                Split::End => {
                    self.start = self.end;
                    return Ok(false);
                }
                Split::NeedMore => self.fill()?,
            }
        }
    }

    /// The cells of the record last split.
    pub(crate) fn cells(&self) -> Cells<'_> {
        Cells {
            data: &self.buffer,
            scratch: &self.scratch,
            spans: self.spans.as_slice(),
            raw: self.raw,
        }
    }

    /// The physical line where the record last split starts.
    pub(crate) fn record_line(&self) -> u64 {
        self.record_line
    }

    /// The line of the next unsplit byte (where an error stops reading).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Reads more input after the unsplit bytes.
    fn fill(&mut self) -> io::Result<()> {
        if self.start > 0 {
            self.buffer.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.buffer.len() - self.end < BLOCK / 2 {
            self.buffer.resize((2 * self.buffer.len()).max(BLOCK), 0);
        }
        loop {
            match self.reader.read(&mut self.buffer[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Splits one record off the unsplit bytes, into `spans`/`scratch`.
    fn split(&mut self) -> Split {
        let data = &self.buffer[self.start..self.end];
        let base = self.start;
        let eof = self.eof;
        self.spans.clear();
        self.scratch.clear();
        let mut newlines = 0u64;
        let mut i = 0;
        while i < data.len() && matches!(data[i], b'\r' | b'\n') {
            newlines += u64::from(data[i] == b'\n');
            i += 1;
        }
        if i == data.len() {
            return if eof { Split::End } else { Split::NeedMore };
        }
        let newlines_before = newlines;
        let skipped = i;
        if let Some(end) = split_plain(data, i, base, &mut self.spans) {
            // Nearly every record: no quote before its line break, so its
            // cells are what lies between commas.
            newlines += u64::from(data[end] == b'\n');
            return Split::Record {
                consumed: end + 1,
                skipped,
                content_end: end,
                newlines_before,
                newlines,
            };
        }
        self.spans.clear();
        // One cell per turn; `i` is at the start of a cell.
        loop {
            if i == data.len() {
                // After a comma at the very end: one more, empty, cell.
                if !eof {
                    return Split::NeedMore;
                }
                self.spans.push(Span::data(base + i, base + i));
                return Split::Record {
                    consumed: i,
                    skipped,
                    content_end: i,
                    newlines_before,
                    newlines,
                };
            }
            let after = if data[i] == b'"' {
                match quoted_cell(data, i, eof, &mut self.scratch, &mut newlines) {
                    Some((span, after)) => {
                        self.spans.push(if span.in_scratch() {
                            span
                        } else {
                            Span::data(base + span.start, base + span.end)
                        });
                        after
                    }
                    None => return Split::NeedMore,
                }
            } else {
                let start = i;
                i = cell_end(data, i);
                self.spans.push(Span::data(base + start, base + i));
                i
            };
            // `after` is at the cell's end: a comma, a line break or the end.
            match data.get(after) {
                Some(b',') => i = after + 1,
                Some(&byte) => {
                    newlines += u64::from(byte == b'\n');
                    return Split::Record {
                        consumed: after + 1,
                        skipped,
                        content_end: after,
                        newlines_before,
                        newlines,
                    };
                }
                None if eof => {
                    return Split::Record {
                        consumed: after,
                        skipped,
                        content_end: after,
                        newlines_before,
                        newlines,
                    }
                }
                None => return Split::NeedMore,
            }
        }
    }
}

/// A quoted cell starting at `data[at] == '"'`: its span (relative to
/// `data`, or in `scratch` when it had to be unescaped) and the position
/// just past it. `None` when the data ends before the cell does and more
/// may come.
fn quoted_cell(
    data: &[u8],
    at: usize,
    eof: bool,
    scratch: &mut Vec<u8>,
    newlines: &mut u64,
) -> Option<(Span, usize)> {
    let start = at + 1;
    let mut j = start;
    let mut escaped = false;
    let closing = loop {
        while j < data.len() && data[j] != b'"' {
            *newlines += u64::from(data[j] == b'\n');
            j += 1;
        }
        match (data.get(j), data.get(j + 1)) {
            // The end of the input inside the quotes ends the cell.
            (None, _) if eof => break j,
            (Some(_), None) if eof => break j,
            (None, _) | (Some(_), None) => return None,
            (Some(_), Some(b'"')) => {
                escaped = true;
                j += 2;
            }
            (Some(_), Some(_)) => break j,
        }
    };
    // Text after the closing quote belongs to the cell, unquoted.
    let rest_start = (closing + 1).min(data.len());
    let after = cell_end(data, rest_start);
    if after == data.len() && !eof {
        return None;
    }
    if !escaped && rest_start == after {
        let span = Span::data(start, closing);
        return Some((span, after));
    }
    let from = scratch.len();
    let mut k = start;
    while k < closing {
        scratch.push(data[k]);
        // Inside the quotes every quote is the first of a `""` pair.
        k += if data[k] == b'"' { 2 } else { 1 };
    }
    scratch.extend_from_slice(&data[rest_start..after]);
    let span = Span::scratch(from, scratch.len());
    Some((span, after))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `data` from `at`, if there are eight.
fn word_at(data: &[u8], at: usize) -> Option<u64> {
    let mut word = [0; 8];
    word.copy_from_slice(data.get(at..at + 8)?);
    Some(u64::from_le_bytes(word))
}

/// The high bit set in exactly the bytes of `word` equal to `byte`.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOWS) + LOWS) | x) & HIGHS
}

/// Splits the record starting at `at` at its commas, when no quote comes
/// before its line break, into `spans` (offset by `base`); the position of
/// the line break, or `None` when a quote comes first or the data ends
/// first. Only bytes below `-` can matter (`"`, `,`, `\r`, `\n`): they are
/// found eight at a time and looked at one by one.
fn split_plain(data: &[u8], start: usize, base: usize, spans: &mut Spans) -> Option<usize> {
    let mut cell = start;
    let mut at = start;
    let mut cell_ends = |end: usize, cell: &mut usize| {
        spans.push(Span::data(base + *cell, base + end));
        *cell = end + 1;
    };
    while let Some(word) = word_at(data, at) {
        let mut low = bytes_below(word, b'-');
        while low != 0 {
            let p = at + (low.trailing_zeros() / 8) as usize;
            match data[p] {
                b',' => cell_ends(p, &mut cell),
                b'\r' | b'\n' => {
                    cell_ends(p, &mut cell);
                    return Some(p);
                }
                b'"' => return None,
                _ => {}
            }
            low &= low - 1;
        }
        at += 8;
    }
    for (p, &byte) in data.iter().enumerate().skip(at) {
        match byte {
            b',' => cell_ends(p, &mut cell),
            b'\r' | b'\n' => {
                cell_ends(p, &mut cell);
                return Some(p);
            }
            b'"' => return None,
            _ => {}
        }
    }
    None
}

/// The high bit set in exactly the bytes of `word` below `limit` (≤ 0x80).
fn bytes_below(word: u64, limit: u8) -> u64 {
    let (limit, word) = (u64::from(limit), word);
    !(((word & LOWS) + ONES * (0x80 - limit)) | word) & HIGHS
}

/// The position of the line break ending the record that starts at `at`
/// when no quote comes before it; `None` when a quote does, or when the
/// data ends first.
pub(crate) fn quote_free_record(data: &[u8], mut at: usize) -> Option<usize> {
    let special = |b: u8| matches!(b, b'"' | b'\r' | b'\n');
    let found = loop {
        match word_at(data, at) {
            Some(word) => {
                let hits =
                    bytes_equal(word, b'"') | bytes_equal(word, b'\r') | bytes_equal(word, b'\n');
                if hits != 0 {
                    break at + (hits.trailing_zeros() / 8) as usize;
                }
                at += 8;
            }
            None => break at + data.get(at..)?.iter().position(|&b| special(b))?,
        }
    };
    (data[found] != b'"').then_some(found)
}

/// The first `\n` or `"` from `at`, with its position; `None` when the
/// data ends first.
pub(crate) fn line_or_quote(data: &[u8], mut at: usize) -> Option<(usize, u8)> {
    while let Some(word) = word_at(data, at) {
        let hits = bytes_equal(word, b'"') | bytes_equal(word, b'\n');
        if hits != 0 {
            let found = at + (hits.trailing_zeros() / 8) as usize;
            return Some((found, data[found]));
        }
        at += 8;
    }
    let found = at
        + data
            .get(at..)?
            .iter()
            .position(|&b| matches!(b, b'"' | b'\n'))?;
    Some((found, data[found]))
}

/// The position of the first `"` from `at` (or the end of `data`), and
/// the `\n` bytes before it.
pub(crate) fn next_quote(data: &[u8], mut at: usize) -> (usize, u64) {
    let mut lines = 0;
    while let Some(word) = word_at(data, at) {
        let quotes = bytes_equal(word, b'"');
        let breaks = bytes_equal(word, b'\n');
        if quotes != 0 {
            let before = (quotes & quotes.wrapping_neg()) - 1;
            lines += u64::from((breaks & before).count_ones());
            return (at + (quotes.trailing_zeros() / 8) as usize, lines);
        }
        lines += u64::from(breaks.count_ones());
        at += 8;
    }
    while at < data.len() && data[at] != b'"' {
        lines += u64::from(data[at] == b'\n');
        at += 1;
    }
    (at, lines)
}

/// The end of an unquoted cell starting at `at`: the first `,`, `\r` or
/// `\n` from there, or the end of `data`. Most cells are answers of one
/// or two bytes, looked at one by one; longer ones (ids, times, comments)
/// eight bytes at a time (SWAR).
fn cell_end(data: &[u8], at: usize) -> usize {
    let ends = |b: u8| matches!(b, b',' | b'\r' | b'\n');
    let short = data.len().min(at + 3);
    let mut at = at;
    while at < short {
        if ends(data[at]) {
            return at;
        }
        at += 1;
    }
    while let Some(word) = word_at(data, at) {
        let found = bytes_equal(word, b',') | bytes_equal(word, b'\r') | bytes_equal(word, b'\n');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < data.len() && !ends(data[at]) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    use super::*;

    /// Records as (line, cells), read by the splitter from `bytes` handed
    /// over `block` bytes at a time (to cross buffer boundaries anywhere).
    fn split(bytes: &[u8], block: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut splitter = CsvSplitter::file(Trickle { bytes, block });
        let mut records = Vec::new();
        while splitter.next_record().unwrap() {
            let cells = splitter.cells().iter().map(<[u8]>::to_vec).collect();
            records.push((splitter.record_line(), cells));
        }
        records
    }

    /// The same by the csv crate, each record's line being one plus the
    /// `\n` bytes before its first byte of content (after the byte-order
    /// mark that csv-core skips).
    fn csv_crate(bytes: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        let mut records = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let mut start = record.position().map_or(0, csv::Position::byte) as usize;
            if start == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
                start = 3;
            }
            while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
                start += 1;
            }
            let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count() as u64;
            records.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        records
    }

    /// A reader that gives at most `block` bytes per read.
    struct Trickle<'a> {
        bytes: &'a [u8],
        block: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.bytes.len().min(self.block).min(buf.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn counts_physical_lines_whatever_the_line_ends() {
        let lines = |text: &str| -> Vec<u64> {
            split(text.as_bytes(), 3).into_iter().map(|r| r.0).collect()
        };
        assert_eq!(lines("a\nb\nc\n"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc\r\n"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc"), [1, 2, 3]);
        assert_eq!(lines("\u{feff}a\r\n\"b\r\nb\nb\"\r\nc\r\n"), [1, 2, 5]);
        assert_eq!(lines("a\n\n\r\n\nb\r\n"), [1, 5]);
        assert_eq!(lines("a\rb\rc"), [1, 1, 1]);
    }

    #[test]
    fn reads_quotes_as_rfc_4180_and_the_csv_crate_do() {
        let cells = |text: &str| -> Vec<Vec<String>> {
            split(text.as_bytes(), 2)
                .into_iter()
                .map(|(_, cells)| {
                    cells
                        .into_iter()
                        .map(|c| String::from_utf8(c).unwrap())
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            cells("a,\"b,\"\"c\"\"\nd\",e\n"),
            [["a", "b,\"c\"\nd", "e"]]
        );
        assert_eq!(cells("\"ab\"c,x\"y\n"), [["abc", "x\"y"]]);
        assert_eq!(
            cells("a,\n,\n\"open"),
            [vec!["a", ""], vec!["", ""], vec!["open"]]
        );
        assert_eq!(cells("\"\"\n"), [[""]]);
    }

    proptest! {
        #![proptest_config(Config {
            cases: 600,
            rng_seed: RngSeed::Fixed(4180),
            failure_persistence: None,
            ..Config::default()
        })]

        /// Any bytes at all, in any blocks: the same records, cells and
        /// lines as the csv crate.
        #[test]
        fn splits_like_the_csv_crate(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just(&b","[..]), Just(&b"\""[..]), Just(&b"\"\""[..]),
                    Just(&b"\r"[..]), Just(&b"\n"[..]), Just(&b"\r\n"[..]),
                    Just(&b"a"[..]), Just(&b"12345678,"[..]), Just(&b"NA"[..]),
                    Just("中".as_bytes()), Just(&b"\xEF\xBB\xBF"[..]), Just(&b" "[..]),
                ],
                0..60,
            ),
            block in 1usize..40,
        ) {
            let bytes: Vec<u8> = pieces.concat();
            prop_assert_eq!(split(&bytes, block), csv_crate(&bytes));
        }
    }
}
