//! Cutting a normalised comment into sentences and clauses: a theme's
//! sentiment is read from its own clause (docs/scoring.md §15), so
//! `医生很好，就是排队太久` praises one thing and complains of another.

use super::lexicon::Cue;
use super::matcher::Found;

/// A clause: byte offsets in the normalised text, and its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clause {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sentence: usize,
}

/// Sentences end at `。！？；…`, a line break, or a full stop before a
/// space; clauses also at commas, colons, a space between two Chinese
/// characters, and where a contrast word (`但是`, `but`) begins.
pub(crate) fn clauses(text: &str, cues: &[Found<Cue>]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start = 0;
    let mut contrasts = cues
        .iter()
        .filter(|c| c.value == Cue::Contrast)
        .map(|c| c.start)
        .peekable();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let push = |out: &mut Vec<Clause>, start: usize, end: usize, sentence: usize| {
        if text[start..end].chars().any(|c| c.is_alphanumeric()) {
            out.push(Clause {
                start,
                end,
                sentence,
            });
        }
    };
    for (k, &(at, c)) in chars.iter().enumerate() {
        while contrasts.next_if(|&s| s <= at).is_some_and(|s| s == at) {
            if at > start {
                push(&mut out, start, at, sentence);
                start = at;
            }
        }
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let ends_sentence = matches!(c, '。' | '!' | '?' | ';' | '\n' | '\r' | '…' | '｡')
            || (c == '.' && next.is_none_or(char::is_whitespace));
        let ends_clause = matches!(c, ',' | ':' | '~' | '(' | ')' | '—')
            || (c == ' '
                && prev.is_some_and(|p| !p.is_ascii())
                && next.is_some_and(|n| !n.is_ascii()));
        if ends_sentence || ends_clause {
            push(&mut out, start, at, sentence);
            start = at + c.len_utf8();
            if ends_sentence {
                sentence += 1;
            }
        }
    }
    push(&mut out, start, text.len(), sentence);
    out
}

/// The clause holding byte `at`.
pub(crate) fn clause_of(clauses: &[Clause], at: usize) -> Option<usize> {
    let i = clauses.partition_point(|c| c.end <= at);
    clauses.get(i).filter(|c| c.start <= at).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(text: &'a str, contrast_at: &[usize]) -> Vec<(&'a str, usize)> {
        let cues: Vec<Found<Cue>> = contrast_at
            .iter()
            .map(|&s| Found {
                start: s,
                end: s + 1,
                value: Cue::Contrast,
            })
            .collect();
        clauses(text, &cues)
            .iter()
            .map(|c| (&text[c.start..c.end], c.sentence))
            .collect()
    }

    #[test]
    fn cuts_at_punctuation_spaces_and_contrast() {
        assert_eq!(
            parts("医生很好,就是排队太久。下次再来", &[]),
            vec![("医生很好", 0), ("就是排队太久", 0), ("下次再来", 1)]
        );
        let text = "医生很好但是太慢";
        let at = text.find("但是").unwrap_or(0);
        assert_eq!(parts(text, &[at]), vec![("医生很好", 0), ("但是太慢", 0)]);
        assert_eq!(
            parts("环境好 服务好", &[]),
            vec![("环境好", 0), ("服务好", 0)]
        );
        assert_eq!(
            parts("it took 2.5 hours. bad.", &[]),
            vec![("it took 2.5 hours", 0), (" bad", 1)]
        );
    }
}
