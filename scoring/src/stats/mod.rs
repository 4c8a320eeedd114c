//! Numerical building blocks of the report, each checked against SciPy /
//! statsmodels (`test_data/golden/`). Pure functions of integer sufficient
//! statistics (docs/scoring.md §8): the exact part is done in integers, the last
//! step in `f64` with the `libm` crate for transcendental functions, so the
//! bits are the same natively and in wasm. statrs supplies the starting
//! points of the quantiles, cut to platform-independent bits before exact
//! `libm` Newton steps refine them (`portable_start.rs`).

mod double_double;
mod portable_start;

pub mod chi_square;
pub mod correlation;
pub mod exact;
pub mod least_squares;
pub mod moments;
pub mod multiple_testing;
pub mod normal;
pub mod percentile;
pub mod proportions;
pub mod reliability;
pub mod student_t;
pub mod welch;
pub mod wide;
