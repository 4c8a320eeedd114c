//! The text the lexicons are matched on (docs/scoring.md §14): NFKC (so
//! full-width letters, digits and punctuation read as ASCII), lower case,
//! curly apostrophes as `'`, and zh-Hant characters folded onto the zh-CN
//! ones of the lexicons (`data/campaign-v1/hant.json`), so one lexicon
//! serves zh-CN, zh-Hant and English comments.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// zh-Hant → zh-CN, one character for one.
#[derive(Debug, Clone, Default)]
pub(crate) struct HantFold(HashMap<char, char>);

impl HantFold {
    /// Reads `fold`: pairs of characters, the zh-Hant one first.
    pub(crate) fn from_pairs(fold: &str) -> Option<HantFold> {
        let chars: Vec<char> = fold.chars().collect();
        if !chars.len().is_multiple_of(2) {
            return None;
        }
        Some(HantFold(chars.chunks(2).map(|p| (p[0], p[1])).collect()))
    }

    fn fold(&self, c: char) -> char {
        self.0.get(&c).copied().unwrap_or(c)
    }
}

/// `text` as the matchers read it.
pub(crate) fn for_matching(text: &str, hant: &HantFold) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(hant.fold(c)),
        }
    }
    out
}

/// The character that masking reads in place of `c`: its NFKC form when
/// that is one character (`１` → `1`, `＠` → `@`, `－` → `-`), else `c`.
/// One character for one, so a masked span maps back onto the comment.
pub(crate) fn for_masking(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let mut folded = std::iter::once(c).nfkc();
    match (folded.next(), folded.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_case_read_as_ascii() {
        let fold = HantFold::default();
        assert_eq!(for_matching("ＣＴ１２０，Ｗａｉｔ", &fold), "ct120,wait");
        assert_eq!(for_matching("Didn’t", &fold), "didn't");
    }

    #[test]
    fn hant_folds_onto_the_lexicon_characters() {
        let fold = HantFold::from_pairs("號号醫医").unwrap_or_default();
        assert_eq!(for_matching("醫生掛號", &fold), "医生掛号");
    }

    #[test]
    fn masking_reads_full_width_digits_one_for_one() {
        let s: String = "１３８－＋＠ｘ号".chars().map(for_masking).collect();
        assert_eq!(s, "138-+@x号");
    }
}
