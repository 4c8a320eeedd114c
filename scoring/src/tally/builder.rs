//! Counting a stream of responses into a tally with less work per
//! response than [`Tally::add`].
//!
//! `Tally::add` adds each response to its five cells (all, hospital,
//! department, visit type, channel). The builder adds it to its `all`,
//! hospital and department cells, and to one pending cell per month and
//! (visit type, channel) pair, which it adds to those two dimension cells
//! later — when too many pairs are pending, and at the end. Exports are
//! sorted by time (docs/formats.md §3), so a month has a dozen such pairs, each
//! with thousands of responses: four additions per response instead of
//! five, and fewer cells in use at a time than with any other grouping
//! tried (a pending (hospital, department) cell as well saves one more
//! addition but, with a hundred such pairs a month, misses the processor's
//! caches and is 20 % slower on 1,000,000 generated responses; BENCHMARKS.md).
//!
//! Cells are integer sums, so the result is exactly the tally `Tally::add`
//! makes (`tests::the_builder_counts_like_add`), in any input order:
//! unsorted input only makes the pending cells less useful, and when too
//! many pairs are pending at once a response goes straight to its cells.

use super::cell::{Cell, MAX_CELL_RESPONSES};
use super::fx_hash::FxHashMap;
use super::layout::Layout;
use super::{CellKey, Tally, TallyError};
use crate::response::Response;
use crate::tally::ResponseRow;

/// Pending (visit type, channel) cells at most: a dozen per month (each
/// ≈ 10 KB with the default instrument).
const VISIT_CHANNEL_PAIRS: usize = 256;

/// Counts responses into a tally; [`TallyBuilder::finish`] gives it.
#[derive(Debug, Clone)]
pub struct TallyBuilder {
    tally: Tally,
    /// Responses of each cell of the tally, counting those still pending
    /// (so that a cell's limit is checked as `Tally::add` checks it).
    totals: Vec<u64>,
    pairs: Pairs,
}

impl TallyBuilder {
    /// Goes on counting into `tally`.
    pub fn new(tally: Tally) -> TallyBuilder {
        TallyBuilder::with_limit(tally, VISIT_CHANNEL_PAIRS)
    }

    fn with_limit(tally: Tally, pending: usize) -> TallyBuilder {
        let totals = tally.cells.iter().map(|cell| cell.n).collect();
        TallyBuilder {
            tally,
            totals,
            pairs: Pairs::new([VISIT_TYPE, CHANNEL], pending),
        }
    }

    /// Counts one response; see [`Tally::add`] (same checks, same errors,
    /// and a refused response changes nothing).
    pub fn add(&mut self, response: &Response) -> Result<bool, TallyError> {
        match self.tally.digest_response(response)? {
            Some(key) => self.add_digest(key).map(|()| true),
            None => Ok(false),
        }
    }

    /// Counts one response given by position; see [`Tally::add_row`].
    pub fn add_row(&mut self, row: &ResponseRow<'_>) -> Result<bool, TallyError> {
        match self.tally.digest_row(row)? {
            Some(key) => self.add_digest(key).map(|()| true),
            None => Ok(false),
        }
    }

    /// The tally of every response counted.
    pub fn finish(mut self) -> Result<Tally, TallyError> {
        self.pairs.flush(None, &mut self.tally.cells)?;
        Ok(self.tally)
    }

    fn add_digest(&mut self, key: CellKey) -> Result<(), TallyError> {
        let positions = self.tally.positions(key);
        self.totals.resize(self.tally.cells.len(), 0);
        if positions
            .iter()
            .any(|&p| self.totals[p] >= MAX_CELL_RESPONSES)
        {
            return Err(TallyError::Overflow);
        }
        for &p in &positions {
            self.totals[p] += 1;
        }
        let Tally {
            cells,
            digest,
            layout,
            ..
        } = &mut self.tally;
        for &p in &positions[..VISIT_TYPE] {
            cells[p].add(digest);
        }
        match self.pairs.slot(key, positions, cells, layout)? {
            Some(pending) => pending.add(digest),
            None => {
                for d in self.pairs.dimensions {
                    cells[positions[d]].add(digest);
                }
            }
        }
        Ok(())
    }
}

/// Positions of the visit type and channel in `CellKey::DIMENSIONS`; the
/// ones before them (all, hospital, department) are added to directly.
const VISIT_TYPE: usize = 3;
const CHANNEL: usize = 4;

/// `(month, value in one dimension, value in the other)`.
type PairKey = (i32, u32, u32);

/// Pending cells of responses sharing a month and their values in two
/// dimensions.
#[derive(Debug, Clone)]
struct Pairs {
    /// The two dimensions, as positions in `CellKey::DIMENSIONS`.
    dimensions: [usize; 2],
    limit: usize,
    index: FxHashMap<PairKey, usize>,
    keys: Vec<PairKey>,
    /// Where each pending cell goes: its two cells in the tally.
    targets: Vec<[usize; 2]>,
    cells: Vec<Cell>,
    /// Cleared cells to reuse.
    spare: Vec<Cell>,
}

impl Pairs {
    fn new(dimensions: [usize; 2], limit: usize) -> Pairs {
        Pairs {
            dimensions,
            limit,
            index: FxHashMap::default(),
            keys: Vec::new(),
            targets: Vec::new(),
            cells: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// The pending cell of `key`'s pair, made if need be; `None` when too
    /// many pairs of its month are pending.
    fn slot(
        &mut self,
        key: CellKey,
        positions: [usize; 5],
        cells: &mut [Cell],
        layout: &Layout,
    ) -> Result<Option<&mut Cell>, TallyError> {
        let [a, b] = self.dimensions;
        let pair = (key.month, key.values[a], key.values[b]);
        if let Some(&i) = self.index.get(&pair) {
            return Ok(Some(&mut self.cells[i]));
        }
        if self.cells.len() >= self.limit {
            self.flush(Some(key.month), cells)?;
            if self.cells.len() >= self.limit {
                return Ok(None);
            }
        }
        let i = self.cells.len();
        let cell = self.spare.pop().unwrap_or_else(|| Cell::new(layout, false));
        self.cells.push(cell);
        self.keys.push(pair);
        self.targets.push([positions[a], positions[b]]);
        self.index.insert(pair, i);
        Ok(Some(&mut self.cells[i]))
    }

    /// Adds the pending cells to their cells in the tally, except those of
    /// month `keep`.
    fn flush(&mut self, keep: Option<i32>, cells: &mut [Cell]) -> Result<(), TallyError> {
        let pending = std::mem::take(&mut self.cells);
        let keys = std::mem::take(&mut self.keys);
        let targets = std::mem::take(&mut self.targets);
        self.index.clear();
        for ((mut cell, key), target) in pending.into_iter().zip(keys).zip(targets) {
            if Some(key.0) == keep {
                self.index.insert(key, self.cells.len());
                self.cells.push(cell);
                self.keys.push(key);
                self.targets.push(target);
                continue;
            }
            for p in target {
                cells[p].merge(&cell)?;
            }
            cell.clear();
            self.spare.push(cell);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{generate, GenerateOptions};
    use crate::instrument::{default_instrument, VisitType};
    use crate::tally::Filters;

    /// Sorted by time as exports are, shuffled, with filters, with pending
    /// limits that force flushes and direct additions: always the tally
    /// `Tally::add` makes, to the byte.
    #[test]
    fn the_builder_counts_like_add() {
        let instrument = default_instrument();
        let options = GenerateOptions {
            responses: 600,
            hospitals: 4,
            ..GenerateOptions::default()
        };
        let sorted: Vec<Response> = generate(&instrument, &options).unwrap().collect();
        let mut shuffled = sorted.clone();
        // A fixed permutation: every 7th response first, then the rest.
        shuffled.sort_by_key(|r| r.id.bytes().map(u32::from).sum::<u32>() % 7);
        let filters = [
            Filters::default(),
            Filters {
                visit_type: Some(VisitType::Inpatient),
                ..Filters::default()
            },
        ];
        for responses in [&sorted, &shuffled] {
            for filters in &filters {
                let mut direct = Tally::with_filters(&instrument, filters.clone()).unwrap();
                for r in responses.iter() {
                    direct.add(r).unwrap();
                }
                for limit in [1, VISIT_CHANNEL_PAIRS] {
                    let empty = Tally::with_filters(&instrument, filters.clone()).unwrap();
                    let mut builder = TallyBuilder::with_limit(empty, limit);
                    for r in responses.iter() {
                        assert_eq!(builder.add(r), Ok(filters.matches(r)));
                    }
                    let built = builder.finish().unwrap();
                    assert!(built == direct, "limit {limit}");
                    if limit == VISIT_CHANNEL_PAIRS && filters.is_empty() && responses == &sorted {
                        // Serialised too (slow in a debug build: once).
                        assert_eq!(built.to_json(), direct.to_json());
                    }
                }
            }
        }
    }

    /// A builder goes on from a tally that already counts responses.
    #[test]
    fn the_builder_extends_a_tally() {
        let instrument = default_instrument();
        let responses: Vec<Response> = generate(&instrument, &GenerateOptions::default())
            .unwrap()
            .take(1_200)
            .collect();
        let (first, second) = responses.split_at(500);
        let mut whole = Tally::new(&instrument).unwrap();
        let mut part = Tally::new(&instrument).unwrap();
        for r in &responses {
            whole.add(r).unwrap();
        }
        for r in first {
            part.add(r).unwrap();
        }
        let mut builder = TallyBuilder::with_limit(part, 3);
        for r in second {
            builder.add(r).unwrap();
        }
        assert!(builder.finish().unwrap() == whole);
    }
}
