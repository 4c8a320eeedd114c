//! The screens of one survey, in order, for a visit type.

use scoring::instrument::{Instrument, Item, VisitType};

/// One screen with a progress number ("第 2 步，共 7 步").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A care stage: index into `Instrument::stages`.
    Stage(usize),
    /// Overall rating and recommendation (`Instrument::overall`).
    Overall,
    /// Optional comment and respondent fields.
    More,
    /// Every answer once more, with links back; then submit.
    Review,
}

/// The steps for `visit`: its stages in the instrument's order for that
/// visit type (docs/domain.md's table), then overall, more, review. Stage ids
/// the instrument does not define are skipped (`Instrument::check` would
/// have refused them).
pub fn steps(instrument: &Instrument, visit: VisitType) -> Vec<Step> {
    instrument
        .stages_shown(visit)
        .iter()
        .filter_map(|id| instrument.stages.iter().position(|s| &s.id == id))
        .map(Step::Stage)
        .chain([Step::Overall, Step::More, Step::Review])
        .collect()
}

/// The items a visit type answers (stages shown, then overall): the only
/// ids a response of that visit type may carry.
pub fn items_for(instrument: &Instrument, visit: VisitType) -> Vec<&Item> {
    steps(instrument, visit)
        .into_iter()
        .flat_map(|step| match step {
            Step::Stage(i) => instrument.stages[i].items.iter().collect::<Vec<_>>(),
            Step::Overall => instrument.overall.iter().collect(),
            Step::More | Step::Review => Vec::new(),
        })
        .collect()
}
