//! The comment analysis against the labelled comments of
//! `tests/comments/labelled.tsv` (docs/scoring.md §14–§15): theme micro-F1
//! and sentiment accuracy on the dev split (which the lexicons were tuned
//! on) and the held-out split (never tuned on). The figures are in
//! BENCHMARKS.md; `cargo test -p scoring --test it comments_labelled --
//! --nocapture` prints them with every error.

use std::collections::BTreeMap;

use scoring::comments::{Sentiment, Taxonomy};

const LABELLED: &str = include_str!("../comments/labelled.tsv");

struct Labelled {
    split: String,
    text: String,
    themes: BTreeMap<String, Sentiment>,
}

fn labelled() -> Vec<Labelled> {
    LABELLED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "four columns: {line}");
            let themes = if cols[2] == "-" {
                BTreeMap::new()
            } else {
                cols[2]
                    .split(',')
                    .map(|pair| {
                        let (id, s) = pair.split_once(':').unwrap_or((pair, ""));
                        let sentiment = match s {
                            "pos" => Sentiment::Positive,
                            "neg" => Sentiment::Negative,
                            "mix" => Sentiment::Mixed,
                            "neu" => Sentiment::Neutral,
                            other => panic!("sentiment {other:?} in {line}"),
                        };
                        (id.to_owned(), sentiment)
                    })
                    .collect()
            };
            Labelled {
                split: cols[0].to_owned(),
                text: cols[3].replace("\\n", "\n"),
                themes,
            }
        })
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    comments: usize,
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
    sentiment_right: usize,
    errors: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_positive).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_negative).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Of the themes found that the label has, the share with the label's sentiment.
    fn sentiment_accuracy(&self) -> f64 {
        self.sentiment_right as f64 / self.true_positive.max(1) as f64
    }
}

fn score(split: &str) -> Score {
    let taxonomy = Taxonomy::campaign_v1().expect("the lexicons compile");
    let mut s = Score::default();
    for item in labelled().iter().filter(|l| l.split == split) {
        s.comments += 1;
        let found: BTreeMap<String, Sentiment> = taxonomy
            .analyse(&item.text)
            .themes
            .iter()
            .map(|&(t, sentiment)| (taxonomy.themes()[t].id.clone(), sentiment))
            .collect();
        for (id, sentiment) in &found {
            match item.themes.get(id) {
                Some(expected) => {
                    s.true_positive += 1;
                    if expected == sentiment {
                        s.sentiment_right += 1;
                    } else {
                        s.errors.push(format!(
                            "sentiment {id}: {} for {}: {}",
                            sentiment.as_str(),
                            expected.as_str(),
                            item.text
                        ));
                    }
                }
                None => {
                    s.false_positive += 1;
                    s.errors.push(format!("extra {id}: {}", item.text));
                }
            }
        }
        for id in item.themes.keys().filter(|id| !found.contains_key(*id)) {
            s.false_negative += 1;
            s.errors.push(format!("missed {id}: {}", item.text));
        }
    }
    println!(
        "{split}: {} comments, theme precision {:.3}, recall {:.3}, micro-F1 {:.3}; sentiment accuracy {:.3} ({} of {})",
        s.comments,
        s.precision(),
        s.recall(),
        s.f1(),
        s.sentiment_accuracy(),
        s.sentiment_right,
        s.true_positive
    );
    for e in &s.errors {
        println!("  {e}");
    }
    s
}

#[test]
fn every_label_names_a_theme_of_the_taxonomy() {
    let taxonomy = Taxonomy::campaign_v1().expect("the lexicons compile");
    for item in labelled() {
        for id in item.themes.keys() {
            assert!(
                taxonomy.themes().iter().any(|t| &t.id == id),
                "{id} in {}",
                item.text
            );
        }
    }
}

#[test]
fn dev_split_meets_its_bar() {
    let s = score("dev");
    assert!(s.comments >= 100);
    assert!(s.f1() >= 0.9, "dev theme micro-F1 {:.3}", s.f1());
    assert!(
        s.sentiment_accuracy() >= 0.9,
        "dev sentiment accuracy {:.3}",
        s.sentiment_accuracy()
    );
}

#[test]
fn held_out_split_meets_its_bar() {
    let s = score("held_out");
    assert!(s.comments >= 50);
    assert!(s.f1() >= 0.8, "held-out theme micro-F1 {:.3}", s.f1());
    assert!(
        s.sentiment_accuracy() >= 0.75,
        "held-out sentiment accuracy {:.3}",
        s.sentiment_accuracy()
    );
}
