//! Numbers for people: one decimal on the 0–100 scale, percentages for
//! fractions, a dash for a statistic that could not be computed.

pub(crate) const MISSING: &str = "—";

/// A 0–100 score, one decimal: `73.4`.
pub(crate) fn score(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| format!("{x:.1}"))
}

/// A signed difference, one decimal: `+3.2`, `−1.0`.
pub(crate) fn diff(x: Option<f64>) -> String {
    match x {
        None => MISSING.to_owned(),
        Some(x) if x < 0.0 => format!("−{:.1}", -x),
        Some(x) => format!("+{x:.1}"),
    }
}

/// An interval: `71.2 – 75.6`, `−0.3 – 1.4`.
pub(crate) fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{} – {}", one_decimal(l), one_decimal(h)),
        _ => MISSING.to_owned(),
    }
}

/// One decimal, with a true minus sign (the hyphen reads as a dash beside
/// the interval's en dash).
fn one_decimal(x: f64) -> String {
    let text = format!("{x:.1}");
    match text.strip_prefix('-') {
        Some(magnitude) if magnitude != "0.0" => format!("−{magnitude}"),
        Some(magnitude) => magnitude.to_owned(),
        None => text,
    }
}

/// A fraction as a percentage: `45.2%`.
pub(crate) fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| format!("{:.1}%", 100.0 * x))
}

/// A p- or q-value: `<0.001`, `0.034`.
pub(crate) fn p_value(x: Option<f64>) -> String {
    match x {
        None => MISSING.to_owned(),
        Some(x) if x < 0.001 => "<0.001".to_owned(),
        Some(x) => format!("{x:.3}"),
    }
}

/// A coefficient with two decimals: `0.41`.
pub(crate) fn coefficient(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| format!("{x:.2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_for_people() {
        assert_eq!(score(Some(73.456)), "73.5");
        assert_eq!(score(None), "—");
        assert_eq!(diff(Some(3.24)), "+3.2");
        assert_eq!(diff(Some(-1.0)), "−1.0");
        assert_eq!(interval(Some(71.23), Some(75.6)), "71.2 – 75.6");
        assert_eq!(interval(Some(-0.31), Some(-0.04)), "−0.3 – 0.0");
        assert_eq!(percent(Some(0.4521)), "45.2%");
        assert_eq!(p_value(Some(0.0004)), "<0.001");
        assert_eq!(p_value(Some(0.0341)), "0.034");
        assert_eq!(coefficient(Some(0.4149)), "0.41");
    }
}
