//! Finding a lexicon's terms in a comment: one Aho–Corasick automaton per
//! lexicon, leftmost-longest (so `不耐烦` wins over `不`, `好像` over `好`,
//! `120元` over `120`), and never inside an English word or a number
//! (`ct` is not in `doctor`, `120` not in `1200`). A term written with a
//! trailing `*` also matches longer words (`wait*`: waited, waiting).

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::LexiconError;

/// A term found: byte offsets in the normalised text, and what it means.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<T> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: T,
}

#[derive(Debug, Clone)]
struct Entry<T> {
    value: T,
    /// Starts with an ASCII letter or digit: the character before must not be one.
    check_left: bool,
    /// Ends with one (and is not a prefix term): the character after must not be one.
    check_right: bool,
}

/// The terms of one lexicon, each with its meaning.
#[derive(Debug, Clone)]
pub(crate) struct Matcher<T> {
    automaton: AhoCorasick,
    entries: Vec<Entry<T>>,
}

/// A term as written in a lexicon: `wait*` is the prefix `wait`.
pub(crate) fn split_prefix(term: &str) -> (&str, bool) {
    match term.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (term, false),
    }
}

impl<T: Copy> Matcher<T> {
    /// `terms`: each normalised pattern with whether it is a prefix, and
    /// its meaning.
    pub(crate) fn new(terms: BTreeMap<String, (bool, T)>) -> Result<Matcher<T>, LexiconError> {
        let mut patterns = Vec::with_capacity(terms.len());
        let mut entries = Vec::with_capacity(terms.len());
        for (pattern, (prefix, value)) in terms {
            let first = pattern.chars().next();
            let last = pattern.chars().last();
            let (Some(first), Some(last)) = (first, last) else {
                return Err(LexiconError::EmptyTerm);
            };
            entries.push(Entry {
                value,
                check_left: first.is_ascii_alphanumeric(),
                check_right: last.is_ascii_alphanumeric() && !prefix,
            });
            patterns.push(pattern);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| LexiconError::Automaton(e.to_string()))?;
        Ok(Matcher { automaton, entries })
    }

    /// Every term in `text`, left to right, not overlapping.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<Found<T>>) {
        let bytes = text.as_bytes();
        for m in self.automaton.find_iter(text) {
            let entry = &self.entries[m.pattern().as_usize()];
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            if entry.check_left && before.is_some_and(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            if entry.check_right && after.is_some_and(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            out.push(Found {
                start: m.start(),
                end: m.end(),
                value: entry.value,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(terms: &[&str]) -> Matcher<usize> {
        let map = terms
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (stem, prefix) = split_prefix(t);
                (stem.to_owned(), (prefix, i))
            })
            .collect();
        Matcher::new(map).expect("terms build")
    }

    fn found(m: &Matcher<usize>, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        m.find(text, &mut out);
        out.into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn longest_term_wins_and_words_are_whole() {
        let m = matcher(&["好", "好像", "ct", "wait*", "120", "120元"]);
        assert_eq!(found(&m, "好像很好"), vec![1, 0]);
        assert_eq!(found(&m, "the doctor, a ct scan"), vec![2]);
        assert_eq!(found(&m, "waited, awaiting"), vec![3]);
        assert_eq!(found(&m, "1200 120元 打120"), vec![5, 4]);
    }
}
