//! Benjamini–Hochberg adjusted p-values (docs/scoring.md §5 `q`).

/// BH `q` for each p-value that is present; absent ones stay absent and do
/// not count in `m`.
///
/// With the present p-values sorted ascending, `p₍₁₎ ≤ … ≤ p₍ₘ₎`:
/// `q₍ᵢ₎ = min_{j ≥ i} (m/j · p₍ⱼ₎)`, capped at 1 (the step-up form, which
/// makes `q` monotone in `p`). Ties are broken by position, so the result
/// does not depend on anything but the input.
pub fn benjamini_hochberg(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<(usize, f64)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| (i, p)))
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let m = order.len() as f64;
    let mut q = vec![None; p.len()];
    let mut running = 1.0f64;
    for (rank, &(i, p)) in order.iter().enumerate().rev() {
        running = running.min(p * m / (rank + 1) as f64);
        q[i] = Some(running);
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_statsmodels_fdr_bh() {
        // multipletests([0.01, 0.04, 0.03, 0.2], method="fdr_bh")[1]
        // = [0.04, 0.05333333, 0.05333333, 0.2]
        let q = benjamini_hochberg(&[Some(0.01), Some(0.04), None, Some(0.03), Some(0.2)]);
        let expect = [
            Some(0.04),
            Some(0.04 * 4.0 / 3.0),
            None,
            Some(0.04 * 4.0 / 3.0),
            Some(0.2),
        ];
        for (q, e) in q.iter().zip(expect) {
            match (q, e) {
                (Some(q), Some(e)) => assert!((q - e).abs() < 1e-15, "{q} {e}"),
                (q, e) => assert_eq!(*q, e),
            }
        }
    }

    #[test]
    fn never_exceeds_one() {
        let q = benjamini_hochberg(&[Some(0.9), Some(0.95)]);
        assert_eq!(q, vec![Some(0.95), Some(0.95)]);
        assert_eq!(benjamini_hochberg(&[Some(1.0)]), vec![Some(1.0)]);
    }
}
