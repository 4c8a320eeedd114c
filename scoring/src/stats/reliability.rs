//! Cronbach's alpha from integer sums (docs/scoring.md §2 stage `alpha`).

use super::wide::U256;

/// `α = k/(k−1) · (1 − Σᵢ var(sᵢ) / var(Σᵢ sᵢ))` over `m` respondents who
/// answered all `k` items, from `(Σsᵢ, Σsᵢ²)` per item and `(ΣT, ΣT²)` of
/// their totals. The variances share the divisor `m(m−1)`, so the ratio
/// is taken between the exact numerators `m·Σx² − (Σx)²`. `None` when
/// `k < 2`, `m < 3` or the totals do not vary.
pub fn cronbach_alpha(m: u64, items: &[(u128, u128)], total: (u128, u128)) -> Option<f64> {
    let k = items.len();
    if k < 2 || m < 3 {
        return None;
    }
    let mm = u128::from(m);
    let ss = |(sum, sum_sq): (u128, u128)| {
        U256::mul(mm, sum_sq)
            .checked_sub(U256::mul(sum, sum))
            .unwrap_or(U256::ZERO)
    };
    let total_ss = ss(total);
    if total_ss.is_zero() {
        return None;
    }
    let mut item_ss = U256::ZERO;
    for &item in items {
        item_ss = item_ss.checked_add(ss(item))?;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_ss.to_f64() / total_ss.to_f64()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (Σx, Σx²) of a column.
    fn sums(xs: &[u64]) -> (u128, u128) {
        xs.iter().fold((0, 0), |(s, q), &x| {
            (s + u128::from(x), q + u128::from(x * x))
        })
    }

    #[test]
    fn matches_the_textbook_formula() {
        // Items [1,2,3,4], [2,2,3,5], [1,3,3,4] over 4 respondents; numpy:
        // k/(k−1)·(1 − X.var(0, ddof=1).sum()/X.sum(1).var(ddof=1)).
        let a = [1, 2, 3, 4];
        let b = [2, 2, 3, 5];
        let c = [1, 3, 3, 4];
        let t: Vec<u64> = (0..4).map(|i| a[i] + b[i] + c[i]).collect();
        let alpha = cronbach_alpha(4, &[sums(&a), sums(&b), sums(&c)], sums(&t)).unwrap();
        assert!((alpha - 0.947_368_421_052_631_5).abs() < 1e-15, "{alpha}");
    }

    #[test]
    fn undefined_for_one_item_few_respondents_or_constant_totals() {
        assert_eq!(cronbach_alpha(5, &[(5, 5)], (5, 5)), None);
        assert_eq!(cronbach_alpha(2, &[(1, 1), (1, 1)], (2, 2)), None);
        // Totals all 4 though items vary: (1,3), (3,1), (2,2).
        assert_eq!(cronbach_alpha(3, &[(6, 14), (6, 14)], (12, 48)), None);
    }
}
