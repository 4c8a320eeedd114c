//! What a reader needs beside a unit's numbers (docs/scoring.md §10.3):
//! whether it is marked as below the reliability target, and how many more
//! responses it needs to reach it. Shared by the CLI's reports and the
//! dashboard so a unit is marked the same everywhere.

use crate::report::{Band, UnitMeasure, UnitRow};

/// A unit is marked when its reliability is known and below the target:
/// its number is shown, but ranking on it would mislead.
pub fn below_target(unit: &UnitRow) -> bool {
    unit.reliable == Some(false)
}

/// The responses a unit still needs on this measure to reach the target
/// reliability: `n_needed − n`, 0 once reached; `None` when the measure has
/// no `n_needed` (icc = 0, or too few units).
pub fn still_needed(measure: &UnitMeasure, unit: &UnitRow) -> Option<u64> {
    measure.n_needed.map(|needed| needed.saturating_sub(unit.n))
}

/// A band as a mark for compact tables: arrows up for better than
/// expected, down for worse, none for as expected.
pub fn band_mark(band: Band) -> &'static str {
    match band {
        Band::MuchBetter => "▲▲",
        Band::Better => "▲",
        Band::AsExpected => "",
        Band::Worse => "▼",
        Band::MuchWorse => "▼▼",
    }
}

/// The unit row of `key` on a measure.
pub fn unit_row<'a>(measure: &'a UnitMeasure, key: &str) -> Option<&'a UnitRow> {
    measure.units.iter().find(|u| u.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Scope, UnitVerdict};

    fn row(key: &str, n: u64, reliable: Option<bool>) -> UnitRow {
        UnitRow {
            key: key.to_owned(),
            n,
            mean: None,
            diff: None,
            ci_low: None,
            ci_high: None,
            t: None,
            df: None,
            p: None,
            q: None,
            verdict: UnitVerdict::Insufficient,
            z: None,
            limit95_low: None,
            limit95_high: None,
            limit998_low: None,
            limit998_high: None,
            band: None,
            reliability: None,
            reliable,
        }
    }

    #[test]
    fn marks_and_counts_what_a_unit_lacks() {
        let m = UnitMeasure {
            scope: Scope::Index,
            id: "index".to_owned(),
            k: 3,
            n: 0,
            target: None,
            sigma: None,
            msb: None,
            msw: None,
            phi: None,
            p_phi: None,
            tau2: None,
            tau2_used: None,
            icc: None,
            n_needed: Some(49),
            units: vec![
                row("A", 30, Some(false)),
                row("B", 60, Some(true)),
                row("C", 1, None),
            ],
        };
        let needed: Vec<Option<u64>> = m.units.iter().map(|u| still_needed(&m, u)).collect();
        assert_eq!(needed, [Some(19), Some(0), Some(48)]);
        let marked: Vec<bool> = m.units.iter().map(below_target).collect();
        assert_eq!(marked, [true, false, false]);
        assert_eq!(unit_row(&m, "B").map(|u| u.n), Some(60));
        assert!(unit_row(&m, "Z").is_none());
        let none = UnitMeasure {
            n_needed: None,
            ..m
        };
        assert_eq!(still_needed(&none, &none.units[0]), None);
    }
}
