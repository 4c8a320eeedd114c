//! A source's text as it arrived: a list of pieces, read back as one
//! stream without ever being joined into one (possibly huge) string.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// Reads `pieces` one after the other, counting the bytes handed out in
/// `consumed` so the caller can report progress while a parser pulls.
pub struct PiecesReader<'a> {
    pieces: &'a [String],
    piece: usize,
    offset: usize,
    consumed: Rc<Cell<u64>>,
}

impl<'a> PiecesReader<'a> {
    pub fn new(pieces: &'a [String], consumed: Rc<Cell<u64>>) -> PiecesReader<'a> {
        PiecesReader {
            pieces,
            piece: 0,
            offset: 0,
            consumed,
        }
    }
}

impl Read for PiecesReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some(piece) = self.pieces.get(self.piece) {
            let rest = &piece.as_bytes()[self.offset..];
            if rest.is_empty() {
                self.piece += 1;
                self.offset = 0;
                continue;
            }
            let n = rest.len().min(buf.len());
            buf[..n].copy_from_slice(&rest[..n]);
            self.offset += n;
            self.consumed.set(self.consumed.get() + n as u64);
            return Ok(n);
        }
        Ok(0)
    }
}

/// The first bytes of the text (up to `n`), for format detection.
pub fn head(pieces: &[String], n: usize) -> Vec<u8> {
    let mut head = Vec::with_capacity(n);
    for piece in pieces {
        let take = (n - head.len()).min(piece.len());
        head.extend_from_slice(&piece.as_bytes()[..take]);
        if head.len() == n {
            break;
        }
    }
    head
}

/// Total bytes of the pieces.
pub fn total_len(pieces: &[String]) -> u64 {
    pieces.iter().map(|p| p.len() as u64).sum()
}
