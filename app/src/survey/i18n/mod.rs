//! Languages and texts: the instrument carries its own texts per language
//! (picked with [`Lang::pick`]); everything else the survey says is in the
//! typed [`catalogue`], one constant per language, so a missing text is a
//! compile error.

pub mod catalogue;

pub use catalogue::Messages;
pub use scoring::lang::Lang;

/// The survey's texts in a language: `lang.messages()`.
pub trait Catalogue {
    fn messages(self) -> &'static Messages;
}

impl Catalogue for Lang {
    fn messages(self) -> &'static Messages {
        self.choose(&catalogue::ZH_CN, &catalogue::ZH_HANT, &catalogue::EN)
    }
}
