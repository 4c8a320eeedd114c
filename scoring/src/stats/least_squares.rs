//! Ordinary least squares from the normal equations (docs/scoring.md §6
//! case-mix adjustment).
//!
//! Case-mix regressors are 0/1 dummies, so `X'X` holds counts (exact in
//! f64) and is small (about 15 columns). A left-looking Cholesky
//! factorisation, column by column in the given order, is deterministic
//! and drops a column whose remaining pivot is below `ALIAS_TOLERANCE`
//! times its diagonal: that column is a linear combination of the earlier
//! ones (aliased), gets no coefficient, and the fit is the same as without
//! it — as R's `lm` reports `NA` for an aliased term.

/// Relative pivot below which a column counts as aliased.
const ALIAS_TOLERANCE: f64 = 1e-9;

/// Solves `(X'X) β = X'y`; `xtx` is the full symmetric matrix, row-major
/// `p × p`. Returns one coefficient per column, `None` for aliased columns.
pub fn solve_normal_equations(xtx: &[f64], xty: &[f64]) -> Vec<Option<f64>> {
    let p = xty.len();
    debug_assert_eq!(xtx.len(), p * p);
    // l[i*p + j], lower triangle, only for kept columns j.
    let mut l = vec![0.0; p * p];
    let mut kept = vec![false; p];
    for j in 0..p {
        let diag = xtx[j * p + j];
        let mut v = diag;
        for k in (0..j).filter(|&k| kept[k]) {
            v -= l[j * p + k] * l[j * p + k];
        }
        if diag.is_nan() || diag <= 0.0 || v <= ALIAS_TOLERANCE * diag {
            continue;
        }
        kept[j] = true;
        let pivot = v.sqrt();
        l[j * p + j] = pivot;
        for i in j + 1..p {
            let mut s = xtx[i * p + j];
            for k in (0..j).filter(|&k| kept[k]) {
                s -= l[i * p + k] * l[j * p + k];
            }
            l[i * p + j] = s / pivot;
        }
    }
    // Forward: L z = X'y; backward: L' β = z (kept columns only).
    let mut z = vec![0.0; p];
    for i in (0..p).filter(|&i| kept[i]) {
        let mut s = xty[i];
        for k in (0..i).filter(|&k| kept[k]) {
            s -= l[i * p + k] * z[k];
        }
        z[i] = s / l[i * p + i];
    }
    let mut beta = vec![None; p];
    for i in (0..p).rev().filter(|&i| kept[i]) {
        let mut s = z[i];
        for k in (i + 1..p).filter(|&k| kept[k]) {
            s -= l[k * p + i] * beta[k].unwrap_or(0.0);
        }
        beta[i] = Some(s / l[i * p + i]);
    }
    beta
}

#[cfg(test)]
mod tests {
    use super::*;

    /// X'X and X'y of rows (x, y).
    fn normal_equations(rows: &[(&[f64], f64)]) -> (Vec<f64>, Vec<f64>) {
        let p = rows[0].0.len();
        let mut xtx = vec![0.0; p * p];
        let mut xty = vec![0.0; p];
        for (x, y) in rows {
            for i in 0..p {
                xty[i] += x[i] * y;
                for j in 0..p {
                    xtx[i * p + j] += x[i] * x[j];
                }
            }
        }
        (xtx, xty)
    }

    #[test]
    fn fits_a_line() {
        // y = 1 + 2x exactly.
        let rows: Vec<(&[f64], f64)> =
            vec![(&[1.0, 0.0], 1.0), (&[1.0, 1.0], 3.0), (&[1.0, 3.0], 7.0)];
        let (xtx, xty) = normal_equations(&rows);
        let beta = solve_normal_equations(&xtx, &xty);
        assert!((beta[0].unwrap() - 1.0).abs() < 1e-12);
        assert!((beta[1].unwrap() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn drops_an_aliased_dummy() {
        // Intercept, a, b with a + b = 1 on every row: b is aliased.
        let rows: Vec<(&[f64], f64)> = vec![
            (&[1.0, 1.0, 0.0], 4.0),
            (&[1.0, 1.0, 0.0], 6.0),
            (&[1.0, 0.0, 1.0], 1.0),
        ];
        let (xtx, xty) = normal_equations(&rows);
        let beta = solve_normal_equations(&xtx, &xty);
        assert_eq!(beta[2], None);
        // Then y = 1 + 4a: intercept 1 (b rows), a adds 4 (mean 5).
        assert!((beta[0].unwrap() - 1.0).abs() < 1e-12);
        assert!((beta[1].unwrap() - 4.0).abs() < 1e-12);
    }
}
