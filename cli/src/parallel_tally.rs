//! Tallying a response file on every core (or counting its comments).
//!
//! The calling thread reads the file in blocks and cuts it into pieces at
//! record boundaries (`scoring::input::RecordBoundaries`, which follows
//! the CSV quoting rules, so a comment with a line break never straddles a
//! cut). Worker threads read the pieces with `scoring::input::read_piece`
//! — the same fast path, validation and messages as a whole-file read,
//! with the same line numbers — each into its own tally. Tallies are
//! integer sums, so merging them gives exactly the tally of the whole
//! file, whatever piece went to which thread. Invalid records are reported
//! in file order: the results of the pieces are put back in order before
//! anything is printed.
//!
//! Memory stays bounded: a few pieces of [`PIECE_BYTES`] are in flight at
//! a time, whatever the size of the file.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, Context, Result};
use scoring::input::{
    read_piece, CsvColumns, Cut, FileShape, InputFormat, Record, RecordBoundaries, RecordError,
    ValidRecord,
};
use scoring::instrument::Instrument;
use scoring::tally::{Filters, Tally, TallyBuilder};

/// A piece is cut once this many bytes of whole records are waiting
/// (about 4,700 generated responses: ~10 ms of work, so threads stay busy
/// and the queue short).
const PIECE_BYTES: usize = 1 << 20;

/// Pieces waiting for a worker, per worker.
const QUEUED_PER_WORKER: usize = 2;

/// A piece of the file, starting at a record boundary.
struct Piece {
    index: u64,
    first_line: u64,
    bytes: Vec<u8>,
}

/// What a worker found in a piece, besides what it tallied.
struct PieceOutcome {
    index: u64,
    /// Each invalid record's problems.
    invalid: Vec<Vec<RecordError>>,
    /// Reading stopped (never for a piece in memory, kept for safety).
    unreadable: Option<Vec<RecordError>>,
    /// A valid response the tally refused (a cell would overflow).
    failure: Option<String>,
}

/// What reading a file gave.
pub(crate) struct Tallied {
    pub(crate) tally: Tally,
    /// Invalid records (listed through `report`).
    pub(crate) invalid: u64,
}

/// Why reading stopped.
pub(crate) enum Stopped {
    /// The file cannot be read further: a bad header, an I/O error.
    Unreadable(Vec<RecordError>),
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for Stopped {
    fn from(e: anyhow::Error) -> Stopped {
        Stopped::Failed(e)
    }
}

/// What the workers count valid records into: a tally (`tiyan score`,
/// `tiyan tally`) or comment aggregates (`tiyan comments`).
pub(crate) trait Counter: Send {
    /// Counts one valid record; an error stops the reading.
    fn count(&mut self, record: &ValidRecord<'_>) -> Result<(), String>;
}

impl Counter for TallyBuilder {
    fn count(&mut self, record: &ValidRecord<'_>) -> Result<(), String> {
        self.add_row(&record.row)
            .map(|_| ())
            .map_err(|e| format!("could not count response {}: {e}", record.id))
    }
}

/// Reads `reader` (in `format`) on `workers` threads into a tally of the
/// responses passing `filters`, handing each invalid record's problems to
/// `report` in file order.
pub(crate) fn tally_in_parallel(
    reader: &mut dyn Read,
    format: InputFormat,
    instrument: &Instrument,
    filters: &Filters,
    workers: usize,
    report: &mut dyn FnMut(&[RecordError]),
) -> Result<Tallied, Stopped> {
    let mut parts = Vec::with_capacity(workers);
    for _ in 0..workers {
        parts.push(TallyBuilder::new(
            Tally::with_filters(instrument, filters.clone())
                .context("cannot score this instrument")?,
        ));
    }
    let (parts, invalid) = count_in_parallel(reader, format, instrument, parts, report)?;
    let mut tally =
        Tally::with_filters(instrument, filters.clone()).context("cannot score this instrument")?;
    for part in parts {
        let part = part.finish().context("could not count the responses")?;
        tally.merge(&part).context("could not merge the tallies")?;
    }
    Ok(Tallied { tally, invalid })
}

/// Reads `reader` (in `format`) on one thread per part, each counting the
/// pieces it is handed into its part; gives the parts back with the
/// number of invalid records, whose problems went to `report` in file order.
pub(crate) fn count_in_parallel<C: Counter>(
    reader: &mut dyn Read,
    format: InputFormat,
    instrument: &Instrument,
    parts: Vec<C>,
    report: &mut dyn FnMut(&[RecordError]),
) -> Result<(Vec<C>, u64), Stopped> {
    let workers = parts.len().max(1);
    let mut input = Blocks::new(reader, format);
    let shape = match format {
        InputFormat::Csv => FileShape::Csv(input.header(instrument)?),
        InputFormat::Jsonl => FileShape::Jsonl,
    };
    let (queue, waiting) = mpsc::sync_channel::<Piece>(workers * QUEUED_PER_WORKER);
    // Shared by the workers only: if they all stop, the queue closes and
    // the reading thread is told instead of waiting for ever.
    let waiting = Arc::new(Mutex::new(waiting));
    let (done, outcomes) = mpsc::channel::<PieceOutcome>();
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                let (waiting, done, shape) = (Arc::clone(&waiting), done.clone(), &shape);
                scope.spawn(move || work(part, &waiting, &done, instrument, shape))
            })
            .collect();
        drop((done, waiting));
        let mut order = InOrder::default();
        let read = input.cut_pieces(&queue, &outcomes, &mut order, report);
        drop(queue);
        let mut parts = Vec::with_capacity(workers);
        for handle in handles {
            parts.push(
                handle
                    .join()
                    .map_err(|_| anyhow!("a worker thread failed"))?,
            );
        }
        read?;
        for outcome in outcomes {
            order.arrive(outcome, report)?;
        }
        Ok((parts, order.invalid))
    })
}

/// One worker: reads pieces into `part` until the queue closes.
fn work<C: Counter>(
    mut part: C,
    waiting: &Mutex<Receiver<Piece>>,
    done: &mpsc::Sender<PieceOutcome>,
    instrument: &Instrument,
    shape: &FileShape,
) -> C {
    loop {
        let piece = match waiting.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return part,
        };
        let Ok(piece) = piece else {
            return part;
        };
        let mut outcome = PieceOutcome {
            index: piece.index,
            invalid: Vec::new(),
            unreadable: None,
            failure: None,
        };
        let mut rows = read_piece(piece.bytes.as_slice(), instrument, shape, piece.first_line);
        while let Some(record) = rows.next_record() {
            match record {
                Record::Valid(valid) => {
                    if let Err(e) = part.count(&valid) {
                        outcome.failure = Some(e);
                        break;
                    }
                }
                Record::Invalid(errors) => outcome.invalid.push(errors),
                Record::Unreadable(errors) => {
                    outcome.unreadable = Some(errors);
                    break;
                }
            }
        }
        if done.send(outcome).is_err() {
            return part;
        }
    }
}

/// Puts piece outcomes back in file order and reports them.
#[derive(Default)]
struct InOrder {
    next: u64,
    early: BTreeMap<u64, PieceOutcome>,
    invalid: u64,
}

impl InOrder {
    fn arrive(
        &mut self,
        outcome: PieceOutcome,
        report: &mut dyn FnMut(&[RecordError]),
    ) -> Result<(), Stopped> {
        self.early.insert(outcome.index, outcome);
        while let Some(outcome) = self.early.remove(&self.next) {
            self.next += 1;
            for errors in &outcome.invalid {
                self.invalid += 1;
                report(errors);
            }
            if let Some(errors) = outcome.unreadable {
                return Err(Stopped::Unreadable(errors));
            }
            if let Some(failure) = outcome.failure {
                return Err(Stopped::Failed(anyhow!(failure)));
            }
        }
        Ok(())
    }
}

/// The file read in blocks, cut at record boundaries.
struct Blocks<'r> {
    reader: &'r mut dyn Read,
    format: InputFormat,
    boundaries: RecordBoundaries,
    /// Bytes read and not yet handed out; `buffer[0]` is at `start` in
    /// the file.
    buffer: Vec<u8>,
    start: u64,
    /// The line of `buffer[0]`.
    line: u64,
    eof: bool,
}

impl<'r> Blocks<'r> {
    fn new(reader: &'r mut dyn Read, format: InputFormat) -> Blocks<'r> {
        Blocks {
            reader,
            format,
            boundaries: RecordBoundaries::new(format),
            buffer: Vec::with_capacity(2 * PIECE_BYTES),
            start: 0,
            line: 1,
            eof: false,
        }
    }

    /// Reads the next block (up to [`PIECE_BYTES`]) and scans it.
    fn fill(&mut self) -> Result<(), Stopped> {
        let before = self.buffer.len();
        let read = (&mut *self.reader)
            .take(PIECE_BYTES as u64)
            .read_to_end(&mut self.buffer);
        match read {
            Ok(0) => self.eof = true,
            Ok(_) => self.boundaries.scan(&self.buffer[before..]),
            Err(e) => {
                let what = match self.format {
                    InputFormat::Csv => "the CSV file",
                    InputFormat::Jsonl => "the file",
                };
                let line = self.line;
                return Err(Stopped::Unreadable(vec![RecordError {
                    line,
                    column: None,
                    field: None,
                    message: format!("cannot read {what}: {e}"),
                    fatal: true,
                }]));
            }
        }
        Ok(())
    }

    /// Hands out the bytes before `end`, with the line of their first byte.
    fn take(&mut self, end: Cut) -> (u64, Vec<u8>) {
        let at = usize::try_from(end.offset - self.start)
            .map_or(self.buffer.len(), |at| at.min(self.buffer.len()));
        let rest = self.buffer.split_off(at);
        let taken = std::mem::replace(&mut self.buffer, rest);
        let line = self.line;
        self.start += taken.len() as u64;
        self.line = end.line;
        (line, taken)
    }

    /// Everything read so far (at the end of the file).
    fn everything(&self) -> Cut {
        Cut {
            offset: self.start + self.buffer.len() as u64,
            line: self.line,
        }
    }

    /// Reads the CSV header row.
    fn header(&mut self, instrument: &Instrument) -> Result<CsvColumns, Stopped> {
        while self.boundaries.first_record_end().is_none() && !self.eof {
            self.fill()?;
        }
        let end = self
            .boundaries
            .first_record_end()
            .unwrap_or_else(|| self.everything());
        let (_, header) = self.take(end);
        CsvColumns::read(&header, instrument).map_err(Stopped::Unreadable)
    }

    /// Cuts the rest of the file into pieces for the workers, reporting
    /// the outcomes that come back meanwhile.
    fn cut_pieces(
        &mut self,
        queue: &SyncSender<Piece>,
        outcomes: &Receiver<PieceOutcome>,
        order: &mut InOrder,
        report: &mut dyn FnMut(&[RecordError]),
    ) -> Result<(), Stopped> {
        let mut index = 0;
        loop {
            self.fill()?;
            let ready = if self.eof {
                self.everything()
            } else {
                self.boundaries.last_cut().unwrap_or(Cut {
                    offset: self.start,
                    line: self.line,
                })
            };
            let size = ready.offset.saturating_sub(self.start);
            if size >= PIECE_BYTES as u64 || (self.eof && size > 0) {
                let (first_line, bytes) = self.take(ready);
                let piece = Piece {
                    index,
                    first_line,
                    bytes,
                };
                index += 1;
                if queue.send(piece).is_err() {
                    return Err(Stopped::Failed(anyhow!("the worker threads stopped")));
                }
            }
            while let Ok(outcome) = outcomes.try_recv() {
                order.arrive(outcome, report)?;
            }
            if self.eof {
                return Ok(());
            }
        }
    }
}
