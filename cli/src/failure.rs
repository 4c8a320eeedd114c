//! How a failure maps to an exit code.

use std::fmt;
use std::io;

/// Exit code of invalid input and other failures.
pub(crate) const INVALID: u8 = 1;
/// Exit code of a usage error (the same code clap uses for bad arguments).
pub(crate) const USAGE: u8 = 2;

/// A command line that parses but asks for something impossible, such as
/// `--input` together with `--tally`.
#[derive(Debug)]
pub(crate) struct Usage(pub(crate) String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    Usage(message.into()).into()
}

pub(crate) fn code(error: &anyhow::Error) -> u8 {
    if error.downcast_ref::<Usage>().is_some() {
        USAGE
    } else {
        INVALID
    }
}

pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
