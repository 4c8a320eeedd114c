//! The serialised tally: JSON, versioned, self-describing enough to refuse
//! being read against another instrument (docs/methodology.md, "Tally
//! format").

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::cell::{AlphaSums, Cell, DriverSums, ProfileSums};
use super::layout::{Fingerprint, Layout};
use super::{month_key, year_month, Dimension, Filters, Tally, TallyError};
use crate::instrument::{Instrument, VisitType};
use crate::response::Channel;
use crate::stats::correlation::Paired;
use crate::stats::moments::Moments;
use crate::timestamp::Date;

pub(crate) const FORMAT: &str = "tiyan-tally";
/// Version 2: item scores count in steps of `100/score_steps`, the lcm of
/// the ranges of the instrument's scales (version 1 always counted in
/// steps of 5 and knew no frequency4 or likert7 scale).
pub(crate) const FORMAT_VERSION: u32 = 2;

/// What is read first, so that a tally of another version is refused by
/// its version, whatever else it holds.
#[derive(Deserialize)]
struct Header {
    format: String,
    format_version: u32,
}

#[derive(Serialize, Deserialize)]
struct TallyFile {
    format: String,
    format_version: u32,
    instrument: InstrumentRef,
    /// `S`: an item's integer score `e` runs over 0..=S (see `layout`).
    score_steps: u64,
    layout: Fingerprint,
    #[serde(default)]
    filters: Filters,
    cells: Vec<CellFile>,
}

#[derive(Serialize, Deserialize)]
struct InstrumentRef {
    id: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct CellFile {
    month: String,
    dimension: Dimension,
    value: String,
    n: u64,
    /// Per item (export order): counts per raw scale value, then `na`.
    counts: Vec<Vec<u64>>,
    stages: Vec<Moments>,
    index: Moments,
    alpha: Vec<AlphaSums>,
    drivers: Vec<Paired>,
    /// Per case-mix level, per outcome (empty in `all` cells).
    levels: Vec<Vec<u32>>,
    /// `all` cells only: non-zero `[profile, outcome, n, sum]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    profiles: Option<Vec<(usize, usize, u64, u64)>>,
}

impl Tally {
    /// The tally as JSON (`"format": "tiyan-tally"`, `"format_version": 2`).
    /// Cells are written in canonical order, so equal tallies give equal
    /// text.
    pub fn to_json(&self) -> String {
        let layout = &self.layout;
        let outcomes = layout.outcomes();
        let cells = self
            .named_cells()
            .into_iter()
            .map(|((month, dimension, value), cell)| CellFile {
                month: year_month(month).to_string(),
                dimension,
                value: value.to_string(),
                n: cell.n,
                counts: (0..layout.items.len())
                    .map(|i| cell.item_counts(layout, i).to_vec())
                    .collect(),
                stages: cell.stages.clone(),
                index: cell.index,
                alpha: cell.alpha.clone(),
                drivers: cell.drivers.iter().map(DriverSums::paired).collect(),
                levels: cell.levels.chunks(outcomes).map(<[u32]>::to_vec).collect(),
                profiles: cell.profiles.as_ref().map(|p| {
                    p.n.iter()
                        .zip(&p.sum)
                        .enumerate()
                        .filter(|(_, (&n, _))| n > 0)
                        .map(|(at, (&n, &sum))| (at / outcomes, at % outcomes, n, sum))
                        .collect()
                }),
            })
            .collect();
        let file = TallyFile {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            instrument: InstrumentRef {
                id: layout.id.clone(),
                version: layout.version,
            },
            score_steps: layout.score_steps,
            layout: layout.fingerprint(),
            filters: self.filters.clone(),
            cells,
        };
        // Plain data of strings and integers: serialising cannot fail.
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Reads a tally written by [`Tally::to_json`] for `instrument`.
    /// Refuses another format or version, another instrument (id, version
    /// or definition) and any structural inconsistency.
    pub fn from_json(instrument: &Instrument, json: &str) -> Result<Tally, TallyError> {
        let header: Header =
            serde_json::from_str(json).map_err(|e| TallyError::Corrupt(e.to_string()))?;
        if header.format != FORMAT || header.format_version != FORMAT_VERSION {
            return Err(TallyError::UnsupportedFormat {
                found: format!("{} {}", header.format, header.format_version),
                supported: format!("{FORMAT} {FORMAT_VERSION}"),
            });
        }
        let file: TallyFile =
            serde_json::from_str(json).map_err(|e| TallyError::Corrupt(e.to_string()))?;
        let mut tally = Tally::with_filters(instrument, file.filters)?;
        if file.instrument.id != tally.layout.id || file.instrument.version != tally.layout.version
        {
            return Err(TallyError::WrongInstrument {
                expected: format!("{} v{}", tally.layout.id, tally.layout.version),
                found: format!("{} v{}", file.instrument.id, file.instrument.version),
            });
        }
        if file.layout != tally.layout.fingerprint() || file.score_steps != tally.layout.score_steps
        {
            return Err(TallyError::WrongInstrument {
                expected: format!("{} v{}", tally.layout.id, tally.layout.version),
                found: "a tally of a different definition with the same id and version".to_string(),
            });
        }
        let mut seen = BTreeSet::new();
        for c in file.cells {
            let corrupt = |what: &str| {
                TallyError::Corrupt(format!(
                    "cell {} {:?} {:?}: {what}",
                    c.month, c.dimension, c.value
                ))
            };
            let month = Date::parse(&format!("{}-01", c.month))
                .map_err(|_| corrupt("bad month"))?
                .year_month();
            let month = month_key(month);
            let known = match c.dimension {
                Dimension::All => c.value == "all",
                Dimension::VisitType => VisitType::parse(&c.value).is_some(),
                Dimension::Channel => Channel::parse(&c.value).is_some(),
                Dimension::Hospital | Dimension::Department => true,
            };
            if !known {
                return Err(corrupt("unknown value"));
            }
            if !seen.insert((month, c.dimension, c.value.clone())) {
                return Err(corrupt("appears twice"));
            }
            let cell = cell_from_file(&tally.layout, &c).ok_or_else(|| corrupt("wrong shape"))?;
            let p = tally.cell_position_named(month, c.dimension, &c.value);
            tally.cells[p] = cell;
        }
        Ok(tally)
    }
}

fn cell_from_file(layout: &Layout, c: &CellFile) -> Option<Cell> {
    let outcomes = layout.outcomes();
    let mut cell = Cell::new(layout, c.dimension == Dimension::All);
    if c.n > super::cell::MAX_CELL_RESPONSES {
        return None;
    }
    cell.n = c.n;
    if c.counts.len() != layout.items.len() {
        return None;
    }
    for (i, counts) in c.counts.iter().enumerate() {
        let item = &layout.items[i];
        if counts.len() != item.values() + 1 {
            return None;
        }
        cell.counts[item.counts_at..item.counts_at + counts.len()].copy_from_slice(counts);
    }
    let levels = if c.dimension == Dimension::All {
        0
    } else {
        layout.levels
    };
    if c.stages.len() != layout.stages.len()
        || c.alpha.len() != layout.stages.len()
        || c.drivers.len() != layout.drivers.len()
        || c.levels.len() != levels
    {
        return None;
    }
    for (alpha, stage) in c.alpha.iter().zip(&layout.stages) {
        if alpha.item_sum.len() != stage.items.len() || alpha.item_sum_sq.len() != stage.items.len()
        {
            return None;
        }
    }
    cell.stages.clone_from(&c.stages);
    cell.index = c.index;
    cell.alpha.clone_from(&c.alpha);
    cell.drivers = c
        .drivers
        .iter()
        .map(DriverSums::from_paired)
        .collect::<Option<Vec<_>>>()?;
    for (level, row) in c.levels.iter().enumerate() {
        if row.len() != outcomes {
            return None;
        }
        cell.levels[level * outcomes..(level + 1) * outcomes].copy_from_slice(row);
    }
    match (&mut cell.profiles, &c.profiles) {
        (Some(ProfileSums { n, sum }), Some(entries)) => {
            for &(profile, outcome, count, total) in entries {
                if profile >= layout.profiles || outcome >= outcomes {
                    return None;
                }
                n[profile * outcomes + outcome] = count;
                sum[profile * outcomes + outcome] = total;
            }
        }
        (None, None) => {}
        _ => return None,
    }
    Some(cell)
}
