//! One response reduced to integers, once, before it is added to its five
//! cells (scoring.md §1–§4 and §6 per respondent).

use super::layout::{Layout, E_MAX};
use super::{RespondentRef, TallyError};
use crate::response::{Answer, Response};

/// An item's answer in a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Missing,
    Na,
    /// `slot` = raw value − lo; `e` = integer score after reverse coding.
    Value {
        slot: u8,
        e: u8,
    },
}

/// The per-respondent numbers, reused between responses to avoid
/// allocating on the hot path. Besides the values, it lists exactly what
/// each of the response's five cells must increment, so that adding to a
/// cell is a few tight loops.
#[derive(Debug, Clone, Default)]
pub(crate) struct Digest {
    pub(crate) answers: Vec<Slot>,
    /// Positions in `Cell::counts` to increment (a value or `na`).
    pub(crate) count_slots: Vec<usize>,
    /// `(driver, [1, x, y, x², y², xy])` with `x = e` of each likert5 stage
    /// item answered and `y = overall.rating`, when it is answered
    /// (scoring.md §4): what each cell adds to its key-driver sums.
    pub(crate) driver_pairs: Vec<(usize, [u64; 6])>,
    /// `(outcome, value)` of every outcome with a value (case-mix profile
    /// sums).
    pub(crate) outcome_values: Vec<(usize, u64)>,
    /// `(stage, position in stage, e)` of the items of stages answered in
    /// full (Cronbach's alpha).
    pub(crate) alpha_terms: Vec<(usize, usize, u64)>,
    /// `a` of each stage composite (scoring.md §2), `None` if undefined.
    pub(crate) composites: Vec<Option<u64>>,
    /// Sum of `e` over the stage's items when all are valid (alpha), else
    /// `None`.
    pub(crate) complete_totals: Vec<Option<u64>>,
    /// The experience index numerator (over `Layout::index_denominator`).
    pub(crate) index: Option<u64>,
    /// `overall.rating` raw value (key-driver `y`).
    pub(crate) rating: Option<u64>,
    /// Per outcome: 1 if the respondent has a value, else 0 (summed into the
    /// case-mix level counts).
    pub(crate) valid: Vec<u32>,
    /// Per outcome: the integer value (0 when not valid).
    pub(crate) values: Vec<u64>,
    /// The respondent's level in each case-mix factor (absolute level
    /// positions) and their profile (the 4-tuple as one index).
    pub(crate) levels: [usize; 4],
    pub(crate) profile: usize,
}

impl Digest {
    pub(crate) fn new(layout: &Layout) -> Digest {
        Digest {
            answers: vec![Slot::Missing; layout.items.len()],
            count_slots: Vec::with_capacity(layout.items.len()),
            driver_pairs: Vec::with_capacity(layout.drivers.len()),
            outcome_values: Vec::with_capacity(layout.outcomes()),
            alpha_terms: Vec::with_capacity(layout.items.len()),
            composites: vec![None; layout.stages.len()],
            complete_totals: vec![None; layout.stages.len()],
            index: None,
            rating: None,
            valid: vec![0; layout.outcomes()],
            values: vec![0; layout.outcomes()],
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
        self.answers.fill(Slot::Missing);
        self.valid.fill(0);
        self.values.fill(0);
        self.count_slots.clear();
        self.driver_pairs.clear();
        self.outcome_values.clear();
        self.alpha_terms.clear();
    }

    fn set_answer(
        &mut self,
        layout: &Layout,
        position: usize,
        answer: Answer,
    ) -> Result<(), TallyError> {
        let item = &layout.items[position];
        self.answers[position] = match answer {
            Answer::Na => {
                self.count_slots.push(item.counts_at + item.values());
                Slot::Na
            }
            Answer::Value(v) => {
                let (lo, hi) = (item.scale.lo(), item.scale.hi());
                if !(lo..=hi).contains(&v) {
                    return Err(TallyError::OutOfScale {
                        id: item.id.clone(),
                        value: v,
                    });
                }
                let slot = (v - lo) as usize;
                let e = item.e_of_slot(slot);
                self.count_slots.push(item.counts_at + slot);
                self.valid[position] = 1;
                self.values[position] = e;
                Slot::Value {
                    slot: slot as u8,
                    e: e as u8,
                }
            }
        };
        Ok(())
    }

    /// Everything that follows from the answers: composites, index,
    /// alpha and driver terms, outcome values.
    fn derive(&mut self, layout: &Layout) {
        // Stage composites and the index (scoring.md §2).
        let mut index_numerator = 0u64;
        let mut weight_sum = 0u64;
        for (s, stage) in layout.stages.iter().enumerate() {
            let (mut answered, mut a, mut d, mut total) = (0, 0u64, 0u64, 0u64);
            for &i in &stage.items {
                if let Slot::Value { e, .. } = self.answers[i] {
                    answered += 1;
                    a += layout.items[i].weight * u64::from(e);
                    d += layout.items[i].weight;
                    total += u64::from(e);
                }
            }
            self.complete_totals[s] = (answered == stage.items.len()).then_some(total);
            if answered == stage.items.len() {
                for (k, &i) in stage.items.iter().enumerate() {
                    if let Slot::Value { e, .. } = self.answers[i] {
                        self.alpha_terms.push((s, k, u64::from(e)));
                    }
                }
            }
            self.composites[s] = if answered >= stage.min_answered && d > 0 {
                // D divides M by construction of the layout.
                let composite = a * (stage.denominator / d);
                index_numerator += stage.index_factor * composite;
                weight_sum += stage.weight;
                let outcome = layout.stage_outcome(s);
                self.valid[outcome] = 1;
                self.values[outcome] = composite;
                Some(composite)
            } else {
                None
            };
        }
        self.index = (weight_sum > 0).then(|| {
            // Σw divides P by construction of the layout.
            let index = index_numerator * (layout.weight_sum_lcm / weight_sum);
            let outcome = layout.index_outcome();
            self.valid[outcome] = 1;
            self.values[outcome] = index;
            index
        });
        debug_assert!(self
            .index
            .is_none_or(|x| x <= E_MAX * layout.index_denominator));

        self.rating = layout.rating.and_then(|i| match self.answers[i] {
            Slot::Value { slot, .. } => Some(u64::from(slot)),
            _ => None,
        });
        if let Some(y) = self.rating {
            for (j, &i) in layout.drivers.iter().enumerate() {
                if let Slot::Value { e, .. } = self.answers[i] {
                    let x = u64::from(e);
                    self.driver_pairs.push((j, [1, x, y, x * x, y * y, x * y]));
                }
            }
        }
        for (outcome, (&valid, &value)) in self.valid.iter().zip(&self.values).enumerate() {
            if valid == 1 {
                self.outcome_values.push((outcome, value));
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
        for (f, (factor, answer)) in layout.factors.iter().zip(answers).enumerate() {
            let level = match answer {
                None => factor.values.len(),
                Some(choice) => {
                    factor
                        .values
                        .iter()
                        .position(|v| choice.is(v))
                        .ok_or_else(|| TallyError::UnknownRespondentValue {
                            field: factor.field,
                            value: choice.to_string(),
                        })?
                }
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
    fn is(&self, allowed: &serde_json::Value) -> bool {
        match self {
            Choice::Text(s) => allowed.as_str() == Some(s),
            Choice::Number(n) => allowed.as_i64() == Some(*n),
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
