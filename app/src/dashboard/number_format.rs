//! How numbers are written on screen and in the CSV tables.
//!
//! The report JSON keeps full precision; the screen rounds: scores to one
//! decimal (they are on 0–100), proportions as percentages, correlations and
//! effect sizes to two decimals, q-values to three significant places. A
//! statistic the report gives as `null` is written as an en dash.

pub const MISSING: &str = "–";

/// `v` with `decimals` decimals and a true minus sign (−); a value that
/// rounds to zero is written without sign (never `-0.0`).
fn fixed(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    if v < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("−{text}")
    } else {
        text
    }
}

/// A 0–100 score or difference, one decimal: `72.4`.
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| fixed(v, 1))
}

/// A signed difference, one decimal: `+3.2`, `−1.0`, `0.0`.
pub fn signed(value: Option<f64>) -> String {
    match value {
        None => MISSING.to_owned(),
        Some(v) => {
            let text = fixed(v, 1);
            if v > 0.0 && text != "0.0" {
                format!("+{text}")
            } else {
                text
            }
        }
    }
}

/// A confidence interval `[68.1, 74.9]`.
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("[{}, {}]", fixed(l, 1), fixed(h, 1)),
        _ => MISSING.to_owned(),
    }
}

/// A fraction in [0, 1] as a percentage with one decimal: `41.7%`.
pub fn percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(|| MISSING.to_owned(), |f| format!("{:.1}%", f * 100.0))
}

/// A correlation, alpha or effect size, two decimals: `0.47`.
pub fn two_decimals(value: Option<f64>) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| fixed(v, 2))
}

/// A p or q value: three decimals, `< 0.001` below that.
pub fn p_value(value: Option<f64>) -> String {
    match value {
        None => MISSING.to_owned(),
        Some(v) if v < 0.001 => "< 0.001".to_owned(),
        Some(v) => format!("{v:.3}"),
    }
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
