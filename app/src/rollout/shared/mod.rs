//! Small views the roll-out pages share.

pub mod names_fields;
