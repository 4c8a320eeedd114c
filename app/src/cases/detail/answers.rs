//! The response's answers as rows, in the instrument's order (answers
//! to items the instrument does not know come last, by id).

use std::collections::BTreeMap;

use scoring::response::Answer;

use crate::cases::directory::Directory;
use crate::cases::i18n::{Lang, T};

/// `(question, answer)` for each answered item.
pub fn answer_rows(
    answers: &BTreeMap<String, Answer>,
    dir: &Directory,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut ids: Vec<&str> = Vec::new();
    if let Some(instrument) = &dir.instrument {
        ids.extend(
            instrument
                .items()
                .map(|i| i.id.as_str())
                .filter(|id| answers.contains_key(*id)),
        );
    }
    let known = ids.clone();
    ids.extend(
        answers
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(id)),
    );
    ids.into_iter()
        .filter_map(|id| {
            let answer = match answers.get(id)? {
                Answer::Value(v) => dir.answer(id, *v, lang),
                Answer::Na => T::NotApplicable.in_(lang).to_owned(),
            };
            Some((dir.item(id, lang), answer))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoring::instrument::default_instrument;

    #[test]
    fn instrument_order_and_words() {
        let answers = BTreeMap::from([
            ("overall.rating".to_owned(), Answer::Value(2)),
            ("outpatient.wait_time".to_owned(), Answer::Value(1)),
            ("zz.unknown".to_owned(), Answer::Na),
        ]);
        let dir = Directory {
            instrument: Some(default_instrument()),
            registry: Vec::new(),
        };
        let rows = answer_rows(&answers, &dir, Lang::En);
        assert_eq!(rows.len(), 3);
        // A stage's item comes before the overall items.
        assert_eq!(rows[0].0, dir.item("outpatient.wait_time", Lang::En));
        assert_eq!(rows[1].0, dir.item("overall.rating", Lang::En));
        assert!(!rows[1].1.is_empty());
        assert_eq!(
            rows[2],
            ("zz.unknown".to_owned(), "Not applicable".to_owned())
        );
        let bare = answer_rows(&answers, &Directory::default(), Lang::En);
        assert_eq!(bare[0].0, "outpatient.wait_time");
    }
}
