//! How numbers are written on screen: as in the CLI's reports
//! (`scoring::present::numbers`). The report JSON and the CSV files keep
//! full precision.

pub use scoring::present::numbers::{
    coefficient, count, interval, p_value, percent, points, score, signed, MISSING,
};
