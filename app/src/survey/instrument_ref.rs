//! The instrument, read on first use.
//!
//! Turning the instrument's JSON into Rust values is the longest piece of
//! work at start-up (tens of milliseconds on a slow phone), and the first
//! screens (attract, welcome) do not need it. So the survey holds an
//! [`InstrumentRef`]: its id and version are known at once, the rest is
//! built when a screen first asks for it.

use std::cell::LazyCell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use scoring::instrument::Instrument;

type Build = Box<dyn FnOnce() -> Instrument>;

/// A shared instrument, built on first dereference. Equal when it is the
/// same one (cheap to compare in every state update).
#[derive(Clone)]
pub struct InstrumentRef {
    key: (String, u32),
    instrument: Rc<LazyCell<Instrument, Build>>,
}

impl InstrumentRef {
    /// An instrument already built.
    pub fn ready(instrument: Instrument) -> Self {
        let key = (instrument.id.clone(), instrument.version);
        InstrumentRef {
            key,
            instrument: Rc::new(LazyCell::new(Box::new(move || instrument) as Build)),
        }
    }

    /// An instrument with this id and version, built by `build` when first
    /// needed. `build` must return that instrument.
    pub fn lazy(key: (String, u32), build: impl FnOnce() -> Instrument + 'static) -> Self {
        InstrumentRef {
            key,
            instrument: Rc::new(LazyCell::new(Box::new(build) as Build)),
        }
    }

    /// No instrument yet: a device that has never reached the server (the
    /// survey bundle carries no instrument; `use_instrument_refresh`
    /// fetches one and keeps it for offline starts). Nothing can be
    /// answered until it arrives.
    pub fn awaited() -> Self {
        InstrumentRef::ready(Instrument::default())
    }

    /// Whether this is [`InstrumentRef::awaited`]: an instrument always has
    /// an id.
    pub fn is_awaited(&self) -> bool {
        self.key.0.is_empty()
    }

    /// `(id, version)`, without building the instrument.
    pub fn key(&self) -> &(String, u32) {
        &self.key
    }
}

impl Deref for InstrumentRef {
    type Target = Instrument;

    fn deref(&self) -> &Instrument {
        &self.instrument
    }
}

impl PartialEq for InstrumentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instrument, &other.instrument)
    }
}

impl fmt::Debug for InstrumentRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstrumentRef({} v{})", self.key.0, self.key.1)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use scoring::instrument::default_instrument;

    use super::*;

    #[test]
    fn builds_once_on_first_use_and_compares_by_identity() {
        let builds = Rc::new(Cell::new(0));
        let counter = builds.clone();
        let lazy = InstrumentRef::lazy(("pxs-core".to_owned(), 1), move || {
            counter.set(counter.get() + 1);
            default_instrument()
        });
        let shared = lazy.clone();
        assert_eq!(lazy.key(), &("pxs-core".to_owned(), 1));
        assert_eq!(builds.get(), 0, "knowing the key builds nothing");
        assert_eq!(shared.stages.len(), 6);
        assert_eq!(lazy.overall.len(), 2);
        assert_eq!(builds.get(), 1, "built once, for every clone");
        assert_eq!(lazy, shared);
        assert_ne!(lazy, InstrumentRef::ready(default_instrument()));
    }
}
