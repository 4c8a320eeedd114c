//! A report as people and spreadsheets read it: its words in each language,
//! its numbers rounded for reading, its statistics as table cells. The
//! CLI's Markdown, HTML and CSV reports and the dashboard's views and CSV
//! files all use these, so one term, one number and one table column read
//! the same everywhere. Pure functions of a [`crate::report::Report`].

pub mod cells;
pub mod comment_words;
pub mod drivers;
pub mod funnel;
pub mod numbers;
pub mod rows;
pub mod units;
pub mod words;
