//! Small views the roll-out pages share.

pub mod field_error;
pub mod names_fields;
pub mod sign_in;
pub mod top_bar;
