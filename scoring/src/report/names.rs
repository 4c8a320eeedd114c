//! The contract's names of the report's enumerations (docs/formats.md §4),
//! for the tables that write them as text (the CSV files), and the order
//! in which readers list scopes.

use super::model::{Quadrant, Scope, Verdict};

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Item => "item",
            Scope::Stage => "stage",
            Scope::Index => "index",
        }
    }

    /// The order in which a reader meets the scopes: the index, then the
    /// stages, then the items.
    pub fn reading_rank(self) -> u8 {
        match self {
            Scope::Index => 0,
            Scope::Stage => 1,
            Scope::Item => 2,
        }
    }
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Improved => "improved",
            Verdict::Declined => "declined",
            Verdict::NoChange => "no_change",
            Verdict::Insufficient => "insufficient",
        }
    }
}

impl Quadrant {
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::FixFirst => "fix_first",
            Quadrant::KeepUp => "keep_up",
            Quadrant::Secondary => "secondary",
            Quadrant::Surplus => "surplus",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written_as_json<T: serde::Serialize>(values: &[T], name: fn(&T) -> &'static str) {
        for v in values {
            let json = serde_json::to_string(v).expect("an enumeration serialises");
            assert_eq!(json, format!("\"{}\"", name(v)));
        }
    }

    /// The names are the ones serde writes into the report JSON.
    #[test]
    fn names_are_the_contract_names() {
        written_as_json(&[Scope::Item, Scope::Stage, Scope::Index], |s| s.as_str());
        written_as_json(
            &[
                Verdict::Improved,
                Verdict::Declined,
                Verdict::NoChange,
                Verdict::Insufficient,
            ],
            |v| v.as_str(),
        );
        written_as_json(
            &[
                Quadrant::FixFirst,
                Quadrant::KeepUp,
                Quadrant::Secondary,
                Quadrant::Surplus,
            ],
            |q| q.as_str(),
        );
    }
}
