//! Percentiles by linear interpolation between order statistics, numpy's
//! default (docs/scoring.md §10.2 winsorising).

/// The `p`-th quantile (`0 ≤ p ≤ 1`) of `sorted` (ascending, not empty):
/// with `h = (K−1)·p`, `x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)`.
pub fn linear(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let below = (libm::floor(h) as usize).min(last);
    let above = (below + 1).min(last);
    let fraction = h - below as f64;
    Some(sorted[below] + fraction * (sorted[above] - sorted[below]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_numpy_percentile() {
        // np.percentile([-1.5, 0.2, 0.7, 3.0], [10, 90]) = [-0.99, 2.31]
        let x = [-1.5, 0.2, 0.7, 3.0];
        assert!((linear(&x, 0.1).unwrap() + 0.99).abs() < 1e-15);
        assert!((linear(&x, 0.9).unwrap() - 2.31).abs() < 1e-15);
        assert_eq!(linear(&x, 1.0), Some(3.0));
        assert_eq!(linear(&[2.0], 0.1), Some(2.0));
        assert_eq!(linear(&[], 0.5), None);
    }
}
