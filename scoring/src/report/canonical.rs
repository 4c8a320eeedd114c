//! Canonical numbers and bytes of a report.
//!
//! Native and wasm builds run the same Rust code on IEEE-754 doubles, and
//! every transcendental function comes from the `libm` crate, so they
//! compute the same bits. As a second guard (and so that reports do not
//! show noise digits), every float is rounded to 12 significant digits
//! when the report is built, and serialised by serde_json (shortest
//! round-trip form). A statistic that is not a finite number is `null`.

use super::model::Report;

/// Significant digits kept in a report.
pub const SIGNIFICANT_DIGITS: usize = 12;

/// `x` rounded to 12 significant digits; `None` when not finite.
///
/// Rust's `{:e}` formatting rounds the exact binary value correctly (round
/// half to even) on every platform, and parsing back is exact, so this is
/// deterministic.
pub fn round_sig(x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        // Also turns −0 into 0.
        return Some(0.0);
    }
    let text = format!("{:.*e}", SIGNIFICANT_DIGITS - 1, x);
    text.parse().ok()
}

/// [`round_sig`] of an optional value.
pub(crate) fn num(x: Option<f64>) -> Option<f64> {
    x.and_then(round_sig)
}

/// The report's canonical bytes: compact JSON, then one newline. The same
/// on every platform for the same input and options.
pub fn to_canonical_json(report: &Report) -> String {
    // A Report holds only strings, integers and finite floats.
    let mut json = serde_json::to_string(report).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_twelve_significant_digits() {
        assert_eq!(round_sig(73.456_789_012_345_67), Some(73.456_789_012_3));
        assert_eq!(
            round_sig(0.000_123_456_789_012_345),
            Some(0.000_123_456_789_012)
        );
        assert_eq!(round_sig(1.5e-300), Some(1.5e-300));
        assert_eq!(round_sig(-0.0), Some(0.0));
        assert_eq!(round_sig(75.0), Some(75.0));
        assert_eq!(round_sig(f64::NAN), None);
        assert_eq!(round_sig(f64::INFINITY), None);
    }
}
