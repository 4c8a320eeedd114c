//! One comment's themes and their sentiments (docs/scoring.md §14–§15).
//!
//! The masked comment is normalised, its theme terms, contexts and
//! sentiment cues found, and cut into clauses. A clause names the themes of
//! its terms (a weak term only when the clause evaluates and names no
//! other theme); a theme moves where the comment's context says so (a
//! nurse on the ward is `ward_care`). An evaluating clause that names no
//! theme lends its polarity to the nearest clause before it in the
//! sentence that does, else the nearest after it (`挂号、缴费都能在手机上办，
//! 方便多了`), or, when its whole sentence names none, to the last
//! theme before it. A theme is then positive, negative, mixed (both) or
//! neutral over all the clauses that name it.

use super::clauses::{clause_of, clauses, Clause};
use super::lexicon::{Cue, Taxonomy, ThemeTerm};
use super::mask::mask;
use super::matcher::Found;
use super::normalise::for_matching;
use super::sentiment::{polarity, Polarity};
use super::Sentiment;

/// Stands for a masked span in the text that is analysed: it matches no term.
const MASKED: char = '\u{FFFC}';

/// What a comment says, masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentAnalysis {
    /// The comment with personal data masked (docs/scoring.md §16).
    pub masked: String,
    /// Each theme found (its index in the taxonomy) with its sentiment, in
    /// taxonomy order.
    pub themes: Vec<(usize, Sentiment)>,
}

impl Taxonomy {
    /// Masks `comment` and finds its themes and their sentiments.
    pub fn analyse(&self, comment: &str) -> CommentAnalysis {
        let (masked, spans) = mask(comment);
        let text = if spans.is_empty() {
            for_matching(comment, &self.hant)
        } else {
            let mut blanked: Vec<char> = comment.chars().collect();
            for span in &spans {
                for c in &mut blanked[span.start..span.end] {
                    *c = MASKED;
                }
            }
            for_matching(&blanked.into_iter().collect::<String>(), &self.hant)
        };
        CommentAnalysis {
            masked,
            themes: self.themes_of(&text),
        }
    }

    fn themes_of(&self, text: &str) -> Vec<(usize, Sentiment)> {
        let mut terms: Vec<Found<ThemeTerm>> = Vec::new();
        self.theme_terms.find(text, &mut terms);
        terms.retain(|t| t.value.strong | t.value.weak != 0);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut found_contexts = Vec::new();
        self.contexts.find(text, &mut found_contexts);
        let context = found_contexts.iter().fold(0, |acc, f| acc | f.value);
        let mut cues: Vec<Found<Cue>> = Vec::new();
        self.cues.find(text, &mut cues);
        let clauses = clauses(text, &cues);

        // Each clause's cues and polarity.
        let mut polarities: Vec<Polarity> = Vec::with_capacity(clauses.len());
        let mut first = 0;
        for clause in &clauses {
            while first < cues.len() && cues[first].start < clause.start {
                first += 1;
            }
            let mut last = first;
            while last < cues.len() && cues[last].start < clause.end {
                last += 1;
            }
            polarities.push(polarity(text, &cues[first..last]));
            first = last;
        }

        // Each clause's themes.
        let mut strong = vec![0u32; clauses.len()];
        let mut weak = vec![0u32; clauses.len()];
        for term in &terms {
            if term.value.needs & !context != 0 {
                continue;
            }
            if let Some(c) = clause_of(&clauses, term.start) {
                strong[c] |= term.value.strong;
                weak[c] |= term.value.weak;
            }
        }
        let named: Vec<u32> = (0..clauses.len())
            .map(|c| {
                let themes = if strong[c] != 0 {
                    strong[c]
                } else if polarities[c].evaluates() {
                    weak[c]
                } else {
                    0
                };
                self.yielded(self.moved(themes, context))
            })
            .collect();

        let lent = lend(&clauses, &polarities, &named);
        let mut positive = 0u32;
        let mut negative = 0u32;
        let mut any = 0u32;
        for (c, &themes) in named.iter().enumerate() {
            let (pos, neg) = lent[c];
            let p = polarities[c];
            any |= themes;
            if p.positive || p.thanks || pos {
                positive |= themes;
            }
            if p.negative || neg {
                negative |= themes;
            }
        }
        (0..self.themes.len())
            .filter(|&i| any & (1 << i) != 0)
            .map(|i| {
                let bit = 1 << i;
                let sentiment = match (positive & bit != 0, negative & bit != 0) {
                    (true, true) => Sentiment::Mixed,
                    (true, false) => Sentiment::Positive,
                    (false, true) => Sentiment::Negative,
                    (false, false) => Sentiment::Neutral,
                };
                (i, sentiment)
            })
            .collect()
    }

    /// `themes` without those that yield to another of them.
    fn yielded(&self, themes: u32) -> u32 {
        let mut kept = themes;
        for y in &self.yields {
            if themes & (1 << y.to) != 0 {
                kept &= !(1 << y.theme);
            }
        }
        kept
    }

    /// `themes` after the moves whose context the comment has.
    fn moved(&self, mut themes: u32, context: u32) -> u32 {
        for m in &self.moves {
            let from = 1 << m.from;
            if themes & from != 0 && context & m.context != 0 {
                themes = (themes & !from) | (1 << m.to);
            }
        }
        themes
    }
}

/// The praise and complaint each theme-naming clause receives from the
/// evaluating clauses that name no theme.
fn lend(clauses: &[Clause], polarities: &[Polarity], named: &[u32]) -> Vec<(bool, bool)> {
    let mut lent = vec![(false, false); clauses.len()];
    for (c, p) in polarities.iter().enumerate() {
        if named[c] != 0 || !p.evaluates() {
            continue;
        }
        let sentence = clauses[c].sentence;
        let same = |i: &usize| clauses[*i].sentence == sentence && named[*i] != 0;
        let before = (0..c).rev().find(same);
        let target = before
            .or_else(|| (c + 1..clauses.len()).find(same))
            .or_else(|| {
                let sentence_names_none = !clauses
                    .iter()
                    .zip(named)
                    .any(|(k, &n)| k.sentence == sentence && n != 0);
                if sentence_names_none {
                    (0..c).rev().find(|&i| named[i] != 0)
                } else {
                    None
                }
            });
        if let Some(t) = target {
            lent[t].0 |= p.positive;
            lent[t].1 |= p.negative;
        }
    }
    lent
}
