//! One response reduced to integers, once, before it is added to its cells
//! (docs/scoring.md §1–§4 and §6 per respondent).
//!
//! Besides the values, the digest lists exactly what each cell must
//! increment — flat positions and small values — so that adding it to a
//! cell ([`super::Cell::add`]) is a few tight loops, whatever the cell.

use super::layout::{Layout, E_MAX};
use super::{RespondentRef, TallyError};
use crate::response::{Answer, Response};

/// `e` of an item with no valid answer (not answered, or `na`).
const NO_SCORE: u8 = u8::MAX;

// Every `e` fits in a `u8` beside NO_SCORE.
const _: () = assert!(E_MAX < NO_SCORE as u64);

/// What an item's answers become, computed once from the layout.
#[derive(Debug, Clone)]
struct ItemCode {
    lo: i64,
    hi: i64,
    /// Position of the raw value `lo` in `Cell::counts`; `na` follows the
    /// values.
    counts_at: u32,
    na_slot: u32,
    /// `e` (after reverse coding) per raw value − lo.
    e: Vec<u8>,
}

/// A respondent field's allowed values, as text and as numbers.
type Allowed = Vec<(Option<String>, Option<i64>)>;

/// The per-respondent numbers, reused between responses to avoid
/// allocating on the hot path.
#[derive(Debug, Clone)]
pub(crate) struct Digest {
    items: Vec<ItemCode>,
    factors: Vec<Allowed>,
    /// Per item: `e` of its valid answer, or [`NO_SCORE`].
    pub(crate) e: Vec<u8>,
    /// The raw `overall.rating` (key-driver `y`), when answered.
    pub(crate) rating: Option<u64>,
    /// Positions in `Cell::counts` to increment (a value or `na`).
    pub(crate) count_slots: Vec<u32>,
    /// `(driver, x = e)` of each driver item answered (an ordinal
    /// satisfaction scale), when
    /// `overall.rating` (`y`) is (docs/scoring.md §4).
    pub(crate) driver_pairs: Vec<(u32, u64)>,
    /// `(outcome, value)` of every outcome with a value (case-mix profile
    /// sums).
    pub(crate) outcome_values: Vec<(u32, u64)>,
    /// `(stage, Σ e)` of the stages answered in full (Cronbach's alpha)…
    pub(crate) complete: Vec<(u32, u64)>,
    /// …and their items' `e`, stage after stage.
    pub(crate) complete_e: Vec<u64>,
    /// `(stage, a)` of each defined stage composite (docs/scoring.md §2).
    pub(crate) composites: Vec<(u32, u64)>,
    /// The experience index numerator (over `Layout::index_denominator`).
    pub(crate) index: Option<u64>,
    /// Per outcome: 1 if the respondent has a value, else 0 (summed into
    /// the case-mix level counts).
    pub(crate) valid: Vec<u32>,
    /// The respondent's level in each case-mix factor (absolute level
    /// positions) and their profile (the 4-tuple as one index).
    pub(crate) levels: [usize; 4],
    pub(crate) profile: usize,
}

impl Digest {
    pub(crate) fn new(layout: &Layout) -> Digest {
        let items = layout
            .items
            .iter()
            .map(|item| ItemCode {
                lo: item.scale.lo(),
                hi: item.scale.hi(),
                counts_at: item.counts_at as u32,
                na_slot: (item.counts_at + item.values()) as u32,
                e: (0..item.values())
                    .map(|slot| item.e_of_slot(slot) as u8)
                    .collect(),
            })
            .collect();
        let factors = layout
            .factors
            .iter()
            .map(|factor| {
                factor
                    .values
                    .iter()
                    .map(|v| (v.as_str().map(str::to_owned), v.as_i64()))
                    .collect()
            })
            .collect();
        Digest {
            items,
            factors,
            e: vec![NO_SCORE; layout.items.len()],
            rating: None,
            count_slots: Vec::with_capacity(layout.items.len()),
            driver_pairs: Vec::with_capacity(layout.drivers.len()),
            outcome_values: Vec::with_capacity(layout.outcomes()),
            complete: Vec::with_capacity(layout.stages.len()),
            complete_e: Vec::with_capacity(layout.items.len()),
            composites: Vec::with_capacity(layout.stages.len()),
            index: None,
            valid: vec![0; layout.outcomes()],
            levels: [0; 4],
            profile: 0,
        }
    }

    /// Fills the digest from `response`, which must be valid for the
    /// instrument of `layout` (an unknown item or an out-of-scale value is
    /// still refused rather than miscounted).
    pub(crate) fn fill(&mut self, layout: &Layout, response: &Response) -> Result<(), TallyError> {
        self.clear();
        for (id, answer) in &response.answers {
            let Some(&position) = layout.lookup.get(id.as_str()) else {
                return Err(TallyError::UnknownItem(id.clone()));
            };
            self.set_answer(layout, position, *answer)?;
        }
        self.derive(layout);
        self.fill_profile(layout, &RespondentRef::of(&response.respondent))
    }

    /// Fills the digest from answers given by position (`Instrument::items()`
    /// order, the export's column order), `None` for not answered.
    pub(crate) fn fill_row(
        &mut self,
        layout: &Layout,
        answers: &[Option<Answer>],
        respondent: &RespondentRef<'_>,
    ) -> Result<(), TallyError> {
        if answers.len() != layout.items.len() {
            return Err(TallyError::RowLength {
                expected: layout.items.len(),
                found: answers.len(),
            });
        }
        self.clear();
        for (position, answer) in answers.iter().enumerate() {
            if let Some(answer) = answer {
                self.set_answer(layout, position, *answer)?;
            }
        }
        self.derive(layout);
        self.fill_profile(layout, respondent)
    }

    fn clear(&mut self) {
        self.e.fill(NO_SCORE);
        self.rating = None;
        self.valid.fill(0);
        self.count_slots.clear();
        self.driver_pairs.clear();
        self.outcome_values.clear();
        self.complete.clear();
        self.complete_e.clear();
        self.composites.clear();
    }

    fn set_answer(
        &mut self,
        layout: &Layout,
        position: usize,
        answer: Answer,
    ) -> Result<(), TallyError> {
        let code = &self.items[position];
        match answer {
            Answer::Na => self.count_slots.push(code.na_slot),
            Answer::Value(v) => {
                if v < code.lo || v > code.hi {
                    return Err(TallyError::OutOfScale {
                        id: layout.items[position].id.clone(),
                        value: v,
                    });
                }
                // Within the scale: 0 ≤ v − lo ≤ hi − lo.
                let slot = (v - code.lo) as usize;
                let e = code.e[slot];
                self.count_slots.push(code.counts_at + slot as u32);
                self.e[position] = e;
                self.valid[position] = 1;
                self.outcome_values.push((position as u32, u64::from(e)));
                if layout.rating == Some(position) {
                    self.rating = Some(slot as u64);
                }
            }
        }
        Ok(())
    }

    /// Everything that follows from the answers: composites, index,
    /// alpha and driver terms.
    fn derive(&mut self, layout: &Layout) {
        // Stage composites and the index (docs/scoring.md §2).
        let mut index_numerator = 0u64;
        let mut weight_sum = 0u64;
        for (s, stage) in layout.stages.iter().enumerate() {
            let (mut answered, mut a, mut d, mut total) = (0, 0u64, 0u64, 0u64);
            for &i in &stage.items {
                let e = self.e[i];
                if e != NO_SCORE {
                    let weight = layout.items[i].weight;
                    answered += 1;
                    a += weight * u64::from(e);
                    d += weight;
                    total += u64::from(e);
                }
            }
            if answered == stage.items.len() {
                self.complete.push((s as u32, total));
                self.complete_e
                    .extend(stage.items.iter().map(|&i| u64::from(self.e[i])));
            }
            if answered >= stage.min_answered && d > 0 {
                // D divides M by construction of the layout.
                let composite = a * (stage.denominator / d);
                index_numerator += stage.index_factor * composite;
                weight_sum += stage.weight;
                let outcome = layout.stage_outcome(s);
                self.valid[outcome] = 1;
                self.outcome_values.push((outcome as u32, composite));
                self.composites.push((s as u32, composite));
            }
        }
        self.index = (weight_sum > 0).then(|| {
            // Σw divides P by construction of the layout.
            let index = index_numerator * (layout.weight_sum_lcm / weight_sum);
            let outcome = layout.index_outcome();
            self.valid[outcome] = 1;
            self.outcome_values.push((outcome as u32, index));
            index
        });
        debug_assert!(self
            .index
            .is_none_or(|x| x <= layout.score_steps * layout.index_denominator));

        if self.rating.is_some() {
            for (j, &i) in layout.drivers.iter().enumerate() {
                let e = self.e[i];
                if e != NO_SCORE {
                    self.driver_pairs.push((j as u32, u64::from(e)));
                }
            }
        }
    }

    fn fill_profile(
        &mut self,
        layout: &Layout,
        respondent: &RespondentRef<'_>,
    ) -> Result<(), TallyError> {
        let answers: [Option<Choice<'_>>; 4] = [
            respondent.age_band.map(Choice::Text),
            respondent.education.map(Choice::Text),
            respondent.self_rated_health.map(Choice::Number),
            respondent.answered_by.map(Choice::Text),
        ];
        self.profile = 0;
        for (f, ((factor, allowed), answer)) in layout
            .factors
            .iter()
            .zip(&self.factors)
            .zip(answers)
            .enumerate()
        {
            let level = match answer {
                None => factor.values.len(),
                Some(choice) => choice.position_in(allowed).ok_or_else(|| {
                    TallyError::UnknownRespondentValue {
                        field: factor.field,
                        value: choice.to_string(),
                    }
                })?,
            };
            self.levels[f] = factor.level_at + level;
            self.profile += level * factor.stride;
        }
        Ok(())
    }
}

/// A respondent field's answer, compared with the instrument's allowed
/// values without allocating.
enum Choice<'a> {
    Text(&'a str),
    Number(i64),
}

impl Choice<'_> {
    fn position_in(&self, allowed: &Allowed) -> Option<usize> {
        match self {
            Choice::Text(s) => allowed.iter().position(|(v, _)| v.as_deref() == Some(*s)),
            Choice::Number(n) => allowed.iter().position(|(_, v)| *v == Some(*n)),
        }
    }
}

impl std::fmt::Display for Choice<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Choice::Text(s) => write!(f, "{s:?}"),
            Choice::Number(n) => write!(f, "{n}"),
        }
    }
}
