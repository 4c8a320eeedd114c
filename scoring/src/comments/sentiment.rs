//! A clause's polarity from its cues (docs/scoring.md §15): negators flip
//! the next evaluation close after them (`没有等很久` praises, `不太方便`
//! complains), a shortfall that negates nothing is a complaint (`没有座位`),
//! a suggestion is neutral, a rhetorical question is a complaint, and
//! thanks are praise that gives no theme its sentiment by itself.

use super::lexicon::Cue;
use super::matcher::Found;

/// The most characters (Chinese) or words (English) between a negator
/// and the evaluation it negates.
const NEGATION_REACH: usize = 3;

/// What one clause says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Polarity {
    pub(crate) positive: bool,
    pub(crate) negative: bool,
    /// Thanks alone (`谢谢`): praise, but no evaluation of a topic.
    pub(crate) thanks: bool,
    pub(crate) suggestion: bool,
}

impl Polarity {
    /// Praises or complains of something (thanks aside).
    pub(crate) fn evaluates(self) -> bool {
        self.positive || self.negative
    }
}

/// The polarity of the clause `text[start..end]` with its `cues`.
pub(crate) fn polarity(text: &str, cues: &[Found<Cue>]) -> Polarity {
    let mut p = Polarity::default();
    let mut rhetorical = false;
    // The last negator not yet used: where it ends, and whether it is a shortfall.
    let mut negator: Option<(usize, bool)> = None;
    for cue in cues {
        match cue.value {
            Cue::Negator | Cue::Shortfall => {
                if let Some((_, true)) = negator {
                    p.negative = true;
                }
                negator = Some((cue.end, cue.value == Cue::Shortfall));
            }
            Cue::Positive | Cue::Negative => {
                let mut positive = cue.value == Cue::Positive;
                if let Some((end, shortfall)) = negator.take() {
                    if within_reach(&text[end..cue.start]) {
                        positive = !positive;
                    } else if shortfall {
                        p.negative = true;
                    }
                }
                if positive {
                    p.positive = true;
                } else {
                    p.negative = true;
                }
            }
            Cue::Thanks => p.thanks = true,
            Cue::Suggestion => p.suggestion = true,
            Cue::Rhetorical => rhetorical = true,
            Cue::Neutral | Cue::Contrast => {}
        }
    }
    if let Some((_, true)) = negator {
        p.negative = true;
    }
    if rhetorical {
        p.positive = false;
        p.negative = true;
        p.suggestion = false;
    } else if p.suggestion {
        p.positive = false;
        p.negative = false;
    }
    p
}

fn within_reach(gap: &str) -> bool {
    if gap.is_ascii() {
        gap.split_whitespace().count() <= NEGATION_REACH
    } else {
        gap.chars().filter(|c| !c.is_whitespace()).count() <= NEGATION_REACH
    }
}
