//! The lexicons of taxonomy `campaign-v1` (docs/scoring.md §14–§15), kept
//! as reviewable JSON in `scoring/data/campaign-v1/` and compiled in, so
//! the browser and the CLI read the very same words and nothing is
//! downloaded at run time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::matcher::{split_prefix, Matcher};
use super::normalise::{for_matching, HantFold};
use super::{CareStage, LexiconError};
use crate::lang::Lang;

const THEMES_JSON: &str = include_str!("../../data/campaign-v1/themes.json");
const SENTIMENT_JSON: &str = include_str!("../../data/campaign-v1/sentiment.json");
const HANT_JSON: &str = include_str!("../../data/campaign-v1/hant.json");

/// At most this many themes (a theme set is a `u32` of bits).
const MAX_THEMES: usize = 32;

#[derive(Deserialize)]
struct ThemesFile {
    taxonomy: String,
    version: u32,
    contexts: BTreeMap<String, Vec<String>>,
    ignore: Vec<String>,
    themes: Vec<ThemeEntry>,
}

#[derive(Deserialize)]
struct ThemeEntry {
    id: String,
    stage: CareStage,
    names: ThemeNames,
    terms: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    needs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    moves: Vec<MoveEntry>,
    #[serde(default)]
    yields_to: Vec<String>,
}

#[derive(Deserialize)]
struct MoveEntry {
    to: String,
    when: String,
}

#[derive(Deserialize)]
struct SentimentFile {
    positive: Vec<String>,
    negative: Vec<String>,
    neutral: Vec<String>,
    negators: Vec<String>,
    shortfall: Vec<String>,
    contrast: Vec<String>,
    suggestion: Vec<String>,
    rhetorical: Vec<String>,
    thanks: Vec<String>,
}

#[derive(Deserialize)]
struct HantFile {
    fold: String,
}

/// A theme's name in each language of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeNames {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: String,
    pub en: String,
}

/// A theme of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub stage: CareStage,
    pub names: ThemeNames,
}

impl Theme {
    /// The theme's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.names.zh_cn,
            Lang::ZhHant => &self.names.zh_hant,
            Lang::En => &self.names.en,
        }
    }
}

/// What a theme term says: the themes it names outright (`strong`), the
/// ones it names only in an evaluating clause with no other theme
/// (`weak`), and the context it needs, if any (bit sets).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ThemeTerm {
    pub(crate) strong: u32,
    pub(crate) weak: u32,
    pub(crate) needs: u32,
}

/// A sentiment cue's kind (docs/scoring.md §15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Positive,
    Negative,
    /// Only keeps a shorter cue from being read inside it.
    Neutral,
    Negator,
    /// A negator that, negating nothing, is itself a complaint (没有座位).
    Shortfall,
    Contrast,
    Suggestion,
    Rhetorical,
    Thanks,
}

/// Where a theme goes when the comment has a context (a nurse on the ward).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Move {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) context: u32,
}

/// A theme left out of a clause that names another (a queue at the
/// pharmacy is `waiting` only, docs/scoring.md §14).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Yield {
    pub(crate) theme: usize,
    pub(crate) to: usize,
}

/// The compiled taxonomy: themes, matchers and the zh-Hant fold.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub(crate) name: String,
    pub(crate) version: u32,
    pub(crate) themes: Vec<Theme>,
    pub(crate) theme_terms: Matcher<ThemeTerm>,
    pub(crate) contexts: Matcher<u32>,
    pub(crate) cues: Matcher<Cue>,
    pub(crate) moves: Vec<Move>,
    pub(crate) yields: Vec<Yield>,
    pub(crate) hant: HantFold,
}

impl Taxonomy {
    /// Taxonomy `campaign-v1`, from the embedded lexicons.
    pub fn campaign_v1() -> Result<Taxonomy, LexiconError> {
        Taxonomy::from_json(THEMES_JSON, SENTIMENT_JSON, HANT_JSON)
    }

    /// A taxonomy from lexicon files of the same shape as `campaign-v1`'s.
    pub fn from_json(themes: &str, sentiment: &str, hant: &str) -> Result<Taxonomy, LexiconError> {
        let file: ThemesFile = serde_json::from_str(themes)
            .map_err(|e| LexiconError::Json("themes.json", e.to_string()))?;
        let cues: SentimentFile = serde_json::from_str(sentiment)
            .map_err(|e| LexiconError::Json("sentiment.json", e.to_string()))?;
        let fold: HantFile = serde_json::from_str(hant)
            .map_err(|e| LexiconError::Json("hant.json", e.to_string()))?;
        let hant = HantFold::from_pairs(&fold.fold).ok_or(LexiconError::HantPairs)?;
        if file.themes.len() > MAX_THEMES {
            return Err(LexiconError::TooManyThemes(file.themes.len()));
        }
        let context_names: Vec<&String> = file.contexts.keys().collect();
        let context_bit = |name: &str| -> Result<u32, LexiconError> {
            context_names
                .iter()
                .position(|c| c.as_str() == name)
                .map(|i| 1 << i)
                .ok_or_else(|| LexiconError::UnknownContext(name.to_owned()))
        };
        let theme_bit = |id: &str| -> Result<usize, LexiconError> {
            file.themes
                .iter()
                .position(|t| t.id == id)
                .ok_or_else(|| LexiconError::UnknownTheme(id.to_owned()))
        };

        let mut contexts = BTreeMap::new();
        for (name, terms) in &file.contexts {
            let bit = context_bit(name)?;
            for term in terms {
                let (pattern, prefix) = key(term, &hant);
                let entry = contexts.entry(pattern).or_insert((prefix, 0));
                entry.0 |= prefix;
                entry.1 |= bit;
            }
        }

        let mut terms: BTreeMap<String, (bool, ThemeTerm)> = BTreeMap::new();
        let mut add = |term: &str, meaning: ThemeTerm| -> Result<(), LexiconError> {
            let (pattern, prefix) = key(term, &hant);
            let entry = terms
                .entry(pattern)
                .or_insert((prefix, ThemeTerm::default()));
            if entry.1 != ThemeTerm::default() && entry.1.needs != meaning.needs {
                return Err(LexiconError::Conflict(term.to_owned()));
            }
            entry.0 |= prefix;
            entry.1.strong |= meaning.strong;
            entry.1.weak |= meaning.weak;
            entry.1.needs |= meaning.needs;
            Ok(())
        };
        for term in &file.ignore {
            add(term, ThemeTerm::default())?;
        }
        let mut moves = Vec::new();
        let mut yields = Vec::new();
        for (i, theme) in file.themes.iter().enumerate() {
            let bit = 1u32 << i;
            for term in &theme.terms {
                add(
                    term,
                    ThemeTerm {
                        strong: bit,
                        ..ThemeTerm::default()
                    },
                )?;
            }
            for term in &theme.weak {
                add(
                    term,
                    ThemeTerm {
                        weak: bit,
                        ..ThemeTerm::default()
                    },
                )?;
            }
            for (context, needed) in &theme.needs {
                let needs = context_bit(context)?;
                for term in needed {
                    add(
                        term,
                        ThemeTerm {
                            strong: bit,
                            weak: 0,
                            needs,
                        },
                    )?;
                }
            }
            for to in &theme.yields_to {
                yields.push(Yield {
                    theme: i,
                    to: theme_bit(to)?,
                });
            }
            for m in &theme.moves {
                moves.push(Move {
                    from: i,
                    to: theme_bit(&m.to)?,
                    context: context_bit(&m.when)?,
                });
            }
        }

        let mut cue_terms: BTreeMap<String, (bool, Cue)> = BTreeMap::new();
        let lists = [
            (&cues.positive, Cue::Positive),
            (&cues.negative, Cue::Negative),
            (&cues.neutral, Cue::Neutral),
            (&cues.negators, Cue::Negator),
            (&cues.shortfall, Cue::Shortfall),
            (&cues.contrast, Cue::Contrast),
            (&cues.suggestion, Cue::Suggestion),
            (&cues.rhetorical, Cue::Rhetorical),
            (&cues.thanks, Cue::Thanks),
        ];
        for (list, cue) in lists {
            for term in list {
                let (pattern, prefix) = key(term, &hant);
                if cue_terms.insert(pattern, (prefix, cue)).is_some() {
                    return Err(LexiconError::Conflict(term.clone()));
                }
            }
        }

        Ok(Taxonomy {
            name: file.taxonomy,
            version: file.version,
            themes: file
                .themes
                .iter()
                .map(|t| Theme {
                    id: t.id.clone(),
                    stage: t.stage,
                    names: t.names.clone(),
                })
                .collect(),
            theme_terms: Matcher::new(terms)?,
            contexts: Matcher::new(contexts)?,
            cues: Matcher::new(cue_terms)?,
            moves,
            yields,
            hant,
        })
    }

    /// `campaign-v1`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The taxonomy's version (docs/formats.md §8 `comment_method`).
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The themes, in taxonomy order.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }
}

/// A lexicon term as the matchers hold it: normalised like the comments.
fn key(term: &str, hant: &HantFold) -> (String, bool) {
    let (stem, prefix) = split_prefix(term);
    (for_matching(stem, hant), prefix)
}
