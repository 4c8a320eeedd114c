//! Every counted response, packed into what a tally needs and nothing more,
//! so that a tally with other subset filters (a hospital, a visit type…)
//! is made again without parsing the export text a second time.
//!
//! A response takes about 70 bytes here (one byte per item, a few ids),
//! against about 215 bytes of CSV text, and is tallied through
//! `TallyBuilder::add_row`, the positional form of `Tally::add`, which the
//! scoring crate guarantees counts a response the same way.

use std::collections::HashMap;

use scoring::instrument::{Instrument, VisitType};

use crate::dashboard::protocol::ResponseKey;
use scoring::response::{Answer, Channel};
use scoring::tally::{
    Filters as TallyFilters, RespondentRef, ResponseRow, Tally, TallyBuilder, TallyError,
};

/// Strings numbered in order of first appearance.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// `0` for none, else the id plus one.
    fn optional(&mut self, name: Option<&str>) -> u32 {
        name.map_or(0, |n| self.id(n) + 1)
    }

    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    fn optional_name(&self, id: u32) -> Option<&str> {
        id.checked_sub(1).map(|i| self.name(i))
    }
}

/// One response's place in the store.
#[derive(Debug, Clone, Copy)]
struct Meta {
    /// `year·12 + month − 1` of `submitted_at` (the only part a tally uses).
    month: i32,
    hospital: u32,
    department: u32,
    visit_type: VisitType,
    channel: Channel,
    /// age band, education, answered by: interned, 0 for none.
    respondent: [u32; 3],
    /// Self-rated health; `None` when not given.
    health: Option<i64>,
}

/// An answer in one byte: 0 not answered, 1 not applicable, `v + 2` the
/// value `v` (scales are 0..=10 at most).
fn pack(answer: Option<Answer>) -> Option<u8> {
    match answer {
        None => Some(0),
        Some(Answer::Na) => Some(1),
        Some(Answer::Value(v)) => u8::try_from(v).ok().and_then(|v| v.checked_add(2)),
    }
}

fn unpack(byte: u8) -> Option<Answer> {
    match byte {
        0 => None,
        1 => Some(Answer::Na),
        b => Some(Answer::Value(i64::from(b - 2))),
    }
}

/// Why a response could not be stored; it was counted by the tally, so
/// this means a value the packing cannot hold (never for a valid response).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpackable(pub String);

#[derive(Debug)]
pub struct RowStore {
    items: usize,
    answers: Vec<u8>,
    meta: Vec<Meta>,
    hospitals: Interner,
    departments: Interner,
    /// Values of age band, education and answered by.
    choices: Interner,
}

impl RowStore {
    pub fn new(instrument: &Instrument) -> RowStore {
        RowStore {
            items: instrument.items().count(),
            answers: Vec::new(),
            meta: Vec::new(),
            hospitals: Interner::default(),
            departments: Interner::default(),
            choices: Interner::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.meta.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// Keeps a response that a tally counted (so it is valid), given by
    /// position as the reader has it.
    pub fn push(&mut self, row: &ResponseRow<'_>, month: i32) -> Result<(), Unpackable> {
        if row.answers.len() != self.items {
            return Err(Unpackable(format!("{} answers", row.answers.len())));
        }
        let start = self.answers.len();
        for (position, answer) in row.answers.iter().enumerate() {
            let Some(byte) = pack(*answer) else {
                self.answers.truncate(start);
                return Err(Unpackable(format!("answer {}", position + 1)));
            };
            self.answers.push(byte);
        }
        let r = &row.respondent;
        let respondent = [
            self.choices.optional(r.age_band),
            self.choices.optional(r.education),
            self.choices.optional(r.answered_by),
        ];
        self.meta.push(Meta {
            month,
            hospital: self.hospitals.id(row.hospital),
            department: self.departments.id(row.department),
            visit_type: row.visit_type,
            channel: row.channel,
            respondent,
            health: r.self_rated_health,
        });
        Ok(())
    }

    /// A tally of the stored responses that pass `filters`, calling
    /// `progress(done)` every `every` responses.
    pub fn tally(
        &self,
        instrument: &Instrument,
        filters: TallyFilters,
        every: usize,
        mut progress: impl FnMut(usize),
    ) -> Result<Tally, TallyError> {
        let mut tally = TallyBuilder::new(Tally::with_filters(instrument, filters)?);
        let mut done: usize = 0;
        self.each_row(instrument, |row| {
            tally.add_row(row)?;
            done += 1;
            if every > 0 && done.is_multiple_of(every) {
                progress(done);
            }
            Ok(())
        })?;
        tally.finish()
    }

    /// Each stored response by its month and interned hospital and
    /// department, with the names (what the comments worker counts).
    pub fn keys(&self) -> (Vec<String>, Vec<String>, Vec<ResponseKey>) {
        let keys = self
            .meta
            .iter()
            .map(|m| ResponseKey {
                month: m.month,
                hospital: m.hospital,
                department: m.department,
                visit_type: m.visit_type,
                channel: m.channel,
            })
            .collect();
        (
            self.hospitals.names.clone(),
            self.departments.names.clone(),
            keys,
        )
    }

    /// Hands each stored response to `each`, as the reader gave it but for
    /// `submitted_at`, which is the first of its month (all a tally and
    /// the comment counts use).
    pub fn each_row<E>(
        &self,
        instrument: &Instrument,
        mut each: impl FnMut(&ResponseRow<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut answers: Vec<Option<Answer>> = vec![None; self.items];
        let mut timestamp = String::with_capacity(20);
        for (i, meta) in self.meta.iter().enumerate() {
            let packed = &self.answers[i * self.items..(i + 1) * self.items];
            for (slot, byte) in answers.iter_mut().zip(packed) {
                *slot = unpack(*byte);
            }
            timestamp.clear();
            let (year, month) = (meta.month.div_euclid(12), meta.month.rem_euclid(12) + 1);
            use std::fmt::Write;
            let _ = write!(timestamp, "{year:04}-{month:02}-01T00:00:00Z");
            let row = ResponseRow {
                instrument: &instrument.id,
                instrument_version: instrument.version,
                hospital: self.hospitals.name(meta.hospital),
                department: self.departments.name(meta.department),
                visit_type: meta.visit_type,
                channel: meta.channel,
                submitted_at: &timestamp,
                answers: &answers,
                respondent: RespondentRef {
                    age_band: self.choices.optional_name(meta.respondent[0]),
                    education: self.choices.optional_name(meta.respondent[1]),
                    self_rated_health: meta.health,
                    answered_by: self.choices.optional_name(meta.respondent[2]),
                },
            };
            each(&row)?;
        }
        Ok(())
    }
}

/// The month key of a `submitted_at` already accepted by a tally:
/// `YYYY-MM` read from its first characters.
pub fn month_key(submitted_at: &str) -> Option<i32> {
    let year: i32 = submitted_at.get(0..4)?.parse().ok()?;
    let month: i32 = submitted_at.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then_some(year * 12 + month - 1)
}
