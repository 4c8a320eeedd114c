//! Languages and texts: the instrument carries its own texts per language;
//! everything else the survey says is in the typed [`catalogue`], one
//! constant per language, so a missing text is a compile error.

pub mod catalogue;

use scoring::instrument::Texts;
use serde::{Deserialize, Serialize};

pub use catalogue::Messages;

/// The survey's languages (docs/domain.md: Simplified Chinese first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Display order of the language switch.
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhHant, Lang::En];

    /// The tag used by the instrument and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown on the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }

    /// Read a tag from a URL (`zh-CN`, `zh-Hant`, `en`, and the common
    /// spellings `zh`, `zh-TW`, `zh-HK`, `en-US`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        match tag.as_str() {
            "zh-cn" | "zh" | "zh-hans" => Some(Lang::ZhCn),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Some(Lang::ZhHant),
            t if t == "en" || t.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::ZhCn => &catalogue::ZH_CN,
            Lang::ZhHant => &catalogue::ZH_HANT,
            Lang::En => &catalogue::EN,
        }
    }

    /// Pick this language's text of an instrument text, falling back to
    /// Simplified Chinese (the language every instrument has), then to any.
    pub fn pick(self, texts: &Texts) -> &str {
        texts
            .get(self.tag())
            .or_else(|| texts.get(Lang::ZhCn.tag()))
            .or_else(|| texts.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn picks_the_language_then_falls_back_to_simplified_chinese() {
        let texts = Texts::from([
            ("zh-CN".to_owned(), "候诊时间".to_owned()),
            ("en".to_owned(), "Waiting time".to_owned()),
        ]);
        assert_eq!(Lang::En.pick(&texts), "Waiting time");
        assert_eq!(Lang::ZhHant.pick(&texts), "候诊时间");
        assert_eq!(Lang::En.pick(&Texts::new()), "");
    }
}
