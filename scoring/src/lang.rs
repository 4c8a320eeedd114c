//! The product's languages and the one rule for choosing a text.
//!
//! Simplified Chinese first, then Traditional Chinese and English
//! (docs/domain.md, "Languages"). The survey, the dashboard and the CLI's
//! reports all use this enum, so a language tag read from a URL, a stored
//! preference or `--lang` means the same everywhere, and a missing text
//! falls back the same way everywhere ([`Lang::pick`]).

use serde::{Deserialize, Serialize};

use crate::instrument::Texts;

/// A display language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
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
    /// Display order of a language switch.
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag used by the instrument's texts, `<html lang>` and `--lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// The language's own name, as a language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }

    /// Read a tag: the three canonical ones, case-insensitive, and the
    /// common spellings of URLs and browsers (`zh`, `zh-Hans`, `zh-TW`,
    /// `zh-HK`, `zh-MO`, `en-US`, `en-GB`, …).
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        match tag.as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Some(Lang::ZhCn),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => {
                Some(Lang::ZhHant)
            }
            t if t == "en" || t.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    /// This language's text of a multilingual text, falling back to
    /// Simplified Chinese (the language every instrument has), then to
    /// any text there is, then to the empty string.
    pub fn pick(self, texts: &Texts) -> &str {
        texts
            .get(self.tag())
            .or_else(|| texts.get(Lang::ZhCn.tag()))
            .or_else(|| texts.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// One of three fixed words, in this language. For catalogues written
    /// as `lang.choose("候诊", "候診", "Waiting")`.
    pub fn choose<T>(self, zh_cn: T, zh_hant: T, en: T) -> T {
        match self {
            Lang::ZhCn => zh_cn,
            Lang::ZhHant => zh_hant,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
            let json = serde_json::to_string(&lang).expect("a tag serialises");
            assert_eq!(json, format!("\"{}\"", lang.tag()));
        }
    }

    #[test]
    fn reads_common_spellings() {
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::parse("ZH-hk"), Some(Lang::ZhHant));
        assert_eq!(Lang::parse("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn picks_the_language_then_simplified_chinese_then_any() {
        let texts = Texts::from([
            ("zh-CN".to_owned(), "候诊时间".to_owned()),
            ("en".to_owned(), "Waiting time".to_owned()),
        ]);
        assert_eq!(Lang::En.pick(&texts), "Waiting time");
        assert_eq!(Lang::ZhHant.pick(&texts), "候诊时间");
        let only_en = Texts::from([("en".to_owned(), "Parking".to_owned())]);
        assert_eq!(Lang::ZhCn.pick(&only_en), "Parking");
        assert_eq!(Lang::En.pick(&Texts::new()), "");
    }
}
