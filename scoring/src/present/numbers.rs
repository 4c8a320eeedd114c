//! Numbers for people, the same in the CLI's reports and on the dashboard:
//! one decimal on the 0–100 scale, percentages for fractions, two decimals
//! for coefficients, three for p- and q-values, and an em dash for a
//! statistic the report gives as `null`. Negative numbers carry a true
//! minus sign (−), which reads apart from the interval's en dash; a value
//! that rounds to zero has no sign.
//!
//! The report JSON and the CSV tables keep full precision (see
//! [`super::cells`]); only what people read is rounded here.

/// What stands for a statistic that could not be computed.
pub const MISSING: &str = "—";

/// `v` with `decimals` decimals and a true minus sign; never `-0.0`.
fn fixed(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    if v < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("−{text}")
    } else {
        text
    }
}

/// A 0–100 score (or an NPS, −100 to 100), one decimal: `73.4`.
pub fn score(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| fixed(x, 1))
}

/// A difference with its sign, one decimal: `+3.2`, `−1.0`, `0.0`.
pub fn signed(x: Option<f64>) -> String {
    match x {
        None => MISSING.to_owned(),
        Some(x) => {
            let text = fixed(x, 1);
            if x > 0.0 && text != "0.0" {
                format!("+{text}")
            } else {
                text
            }
        }
    }
}

/// An interval, one decimal: `71.2 – 75.6`, `−0.3 – 1.4`.
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{} – {}", fixed(l, 1), fixed(h, 1)),
        _ => MISSING.to_owned(),
    }
}

/// A fraction as a percentage, one decimal: `45.2%`.
pub fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| format!("{:.1}%", 100.0 * x))
}

/// A change of a share, in percentage points with its sign, one decimal:
/// `+3.2 pp`, `−1.0 pp`, `0.0 pp` (docs/scoring.md §17).
pub fn points(x: Option<f64>) -> String {
    match x {
        None => MISSING.to_owned(),
        Some(x) => format!("{} pp", signed(Some(100.0 * x))),
    }
}

/// A p- or q-value: `<0.001`, `0.034`.
pub fn p_value(x: Option<f64>) -> String {
    match x {
        None => MISSING.to_owned(),
        Some(x) if x < 0.001 => "<0.001".to_owned(),
        Some(x) => format!("{x:.3}"),
    }
}

/// A correlation, α or effect size, two decimals: `0.41`, `−0.12`.
pub fn coefficient(x: Option<f64>) -> String {
    x.map_or_else(|| MISSING.to_owned(), |x| fixed(x, 2))
}

/// A count with thousands separators: `1,000,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_for_people() {
        assert_eq!(score(Some(73.456)), "73.5");
        assert_eq!(score(Some(-12.34)), "−12.3");
        assert_eq!(score(None), "—");
        assert_eq!(signed(Some(3.24)), "+3.2");
        assert_eq!(signed(Some(-1.0)), "−1.0");
        assert_eq!(signed(Some(-0.04)), "0.0");
        assert_eq!(signed(Some(0.04)), "0.0");
        assert_eq!(interval(Some(71.23), Some(75.6)), "71.2 – 75.6");
        assert_eq!(interval(Some(-0.31), Some(-0.04)), "−0.3 – 0.0");
        assert_eq!(interval(Some(-2.0), None), "—");
        assert_eq!(percent(Some(0.4521)), "45.2%");
        assert_eq!(p_value(Some(0.0004)), "<0.001");
        assert_eq!(p_value(Some(0.0341)), "0.034");
        assert_eq!(coefficient(Some(0.4149)), "0.41");
        assert_eq!(coefficient(Some(-0.004)), "0.00");
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
