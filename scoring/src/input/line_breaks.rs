//! Physical line numbers for CSV records.
//!
//! The csv crate counts `\n` bytes, but reports a record's start before it
//! has consumed the `\n` of the previous CRLF (and before any blank lines),
//! so with Excel's CRLF files its record lines are one short. This reader
//! wrapper remembers where line-break bytes pass by, so a record's line is
//! that of its first byte of content: one plus the `\n`s before it.

use std::collections::VecDeque;
use std::io::{self, Read};

/// Passes bytes through, noting the offsets of `\r` and `\n`.
pub(crate) struct LineBreaks<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Offsets of `\r`/`\n` bytes not yet behind the last record start.
    breaks: VecDeque<(u64, u8)>,
    /// `\n` bytes already dropped from `breaks`.
    newlines_dropped: u64,
}

impl<R: Read> LineBreaks<R> {
    pub(crate) fn new(inner: R) -> LineBreaks<R> {
        LineBreaks {
            inner,
            offset: 0,
            breaks: VecDeque::new(),
            newlines_dropped: 0,
        }
    }

    /// The physical line (from 1) of the record that the csv reader says
    /// starts at byte `start`, skipping leftover line breaks there. Forgets
    /// breaks before that record: records must be asked for in order.
    pub(crate) fn line_of_record_at(&mut self, start: u64) -> u64 {
        let mut content = start;
        while let Some(&(at, byte)) = self.breaks.front() {
            if at > content {
                break;
            }
            if at == content {
                content += 1;
            }
            if byte == b'\n' {
                self.newlines_dropped += 1;
            }
            self.breaks.pop_front();
        }
        1 + self.newlines_dropped
    }
}

impl<R: Read> Read for LineBreaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &byte) in buf[..n].iter().enumerate() {
            if byte == b'\n' || byte == b'\r' {
                self.breaks.push_back((self.offset + i as u64, byte));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` through the csv crate and returns each record's line.
    fn lines(text: &str) -> Vec<u64> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(LineBreaks::new(text.as_bytes()));
        let mut record = csv::ByteRecord::new();
        let mut lines = Vec::new();
        while csv.read_byte_record(&mut record).unwrap() {
            let start = record.position().map_or(0, csv::Position::byte);
            lines.push(csv.get_mut().line_of_record_at(start));
        }
        lines
    }

    #[test]
    fn counts_physical_lines_whatever_the_line_ends() {
        assert_eq!(lines("a\nb\nc\n"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc\r\n"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc"), [1, 2, 3]);
        assert_eq!(lines("\u{feff}a\r\n\"b\r\nb\nb\"\r\nc\r\n"), [1, 2, 5]);
        assert_eq!(lines("a\n\n\r\n\nb\r\n"), [1, 5]);
        assert_eq!(lines("a\rb\rc"), [1, 1, 1]);
    }
}
