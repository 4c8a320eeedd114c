//! Records of a response file: valid ones with their line, and invalid
//! ones with all their problems together.

use std::io::Read;

use scoring::input::{RecordError, Responses};
use scoring::response::Response;

pub(crate) enum Record {
    Valid {
        response: Box<Response>,
        line: u64,
    },
    /// One record's problems (all on its line).
    Invalid(Vec<RecordError>),
    /// The file cannot be read further (a bad header, an I/O error).
    Unreadable(Vec<RecordError>),
}

/// Groups the per-problem errors of `scoring::input` by record.
pub(crate) struct Records<'a, R: Read> {
    inner: Responses<'a, R>,
    /// What was read past the end of the previous record.
    ahead: Option<Record>,
}

impl<'a, R: Read> Records<'a, R> {
    pub(crate) fn new(inner: Responses<'a, R>) -> Records<'a, R> {
        Records { inner, ahead: None }
    }

    fn read(&mut self) -> Option<Result<Record, RecordError>> {
        Some(match self.inner.next()? {
            Ok(response) => Ok(Record::Valid {
                response: Box::new(response),
                line: self.inner.line(),
            }),
            Err(error) => Err(error),
        })
    }
}

impl<R: Read> Iterator for Records<'_, R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let first = match self.ahead.take() {
            Some(Record::Invalid(mut errors) | Record::Unreadable(mut errors)) => errors.remove(0),
            Some(valid) => return Some(valid),
            None => match self.read()? {
                Ok(valid) => return Some(valid),
                Err(error) => error,
            },
        };
        let (line, fatal) = (first.line, first.fatal);
        let mut errors = vec![first];
        // The problems of one record come one after another.
        while let Some(next) = self.read() {
            match next {
                Err(e) if e.line == line && e.fatal == fatal => errors.push(e),
                Err(e) => {
                    self.ahead = Some(Record::Invalid(vec![e]));
                    break;
                }
                Ok(valid) => {
                    self.ahead = Some(valid);
                    break;
                }
            }
        }
        Some(if fatal {
            Record::Unreadable(errors)
        } else {
            Record::Invalid(errors)
        })
    }
}
