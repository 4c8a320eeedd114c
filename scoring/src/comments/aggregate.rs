//! Counting analysed comments per group and period (docs/scoring.md §17).
//!
//! A [`CommentTally`] keeps, for `all` and each value of `group_by`, the
//! current and baseline period's responses, comments and theme counts,
//! plus the current period's masked comments. Counts are integers and the
//! comments are sorted into export order at the end, so tallies of pieces
//! of a file merge into exactly the tally of the whole file, whatever the
//! order (the CLI's threads, the dashboard's worker).

use std::collections::BTreeMap;

use super::analyse::CommentAnalysis;
use super::lexicon::Taxonomy;
use super::model::{
    CommentGroup, CommentMethod, CommentOptionsOut, CommentReport, GroupCounts, ResponseComment,
    ResponseTheme, ThemeCounts,
};
use super::Sentiment;
use crate::report::{num, suppressed, DateRange, GroupBy, Period, Periods};
use crate::stats::proportions::{fraction, two_proportions};
use crate::tally::{month_key, Filters, ResponseRow};
use crate::timestamp::{Timestamp, TimestampError};

/// Fewer current-period mentions than this: counts only, no shares or tests.
pub const MIN_MENTIONS: u64 = 3;

/// What `tiyan comments` and the dashboard's comments view are asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentOptions {
    pub current: Period,
    pub baseline: Option<Period>,
    pub group_by: Option<GroupBy>,
    pub suppress_below: u64,
    /// Responses counted (as `tiyan score`'s filters).
    pub filters: Filters,
}

/// Counts of one group in one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Counts {
    responses: u64,
    comments: u64,
    /// Per theme: positive, negative, mixed, neutral.
    themes: Vec<[u64; 4]>,
}

impl Counts {
    fn new(themes: usize) -> Counts {
        Counts {
            themes: vec![[0; 4]; themes],
            ..Counts::default()
        }
    }

    fn merge(&mut self, other: &Counts) {
        self.responses += other.responses;
        self.comments += other.comments;
        for (a, b) in self.themes.iter_mut().zip(&other.themes) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }

    fn mentions(&self, theme: usize) -> u64 {
        self.themes[theme].iter().sum()
    }

    /// Comments complaining of the theme: negative or mixed.
    fn complaints(&self, theme: usize) -> u64 {
        self.themes[theme][1] + self.themes[theme][2]
    }
}

/// A current-period response with a comment, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentedResponse {
    at: Timestamp,
    group: Option<String>,
    comment: ResponseComment,
}

/// Which period a month falls in.
#[derive(Clone, Copy)]
enum Side {
    Current = 0,
    Baseline = 1,
}

/// Comment counts of a set of responses, mergeable.
#[derive(Debug, Clone)]
pub struct CommentTally {
    options: CommentOptions,
    themes: usize,
    all: [Counts; 2],
    groups: BTreeMap<String, [Counts; 2]>,
    responses: Vec<CommentedResponse>,
}

impl CommentTally {
    pub fn new(taxonomy: &Taxonomy, options: CommentOptions) -> CommentTally {
        let themes = taxonomy.themes().len();
        CommentTally {
            options,
            themes,
            all: [Counts::new(themes), Counts::new(themes)],
            groups: BTreeMap::new(),
            responses: Vec::new(),
        }
    }

    /// Counts one valid response (`row`, its `id` and `comment`); a
    /// response outside the filters or both periods changes nothing, and
    /// its comment is not even read.
    pub fn add(
        &mut self,
        taxonomy: &Taxonomy,
        row: &ResponseRow<'_>,
        id: &str,
        comment: &str,
    ) -> Result<(), TimestampError> {
        let Some((side, at)) = self.side(row)? else {
            return Ok(());
        };
        self.count_response(side, row);
        if !comment.trim().is_empty() {
            let analysis = taxonomy.analyse(comment);
            self.count_comment(taxonomy, side, at, row, id, &analysis);
        }
        Ok(())
    }

    /// Counts a response without reading its comment: with
    /// [`CommentTally::add_analysed`] for its comment, the same as
    /// [`CommentTally::add`] (the dashboard's worker keeps the analyses
    /// of the comments it holds and counts them again for other filters).
    pub fn add_response(&mut self, row: &ResponseRow<'_>) -> Result<(), TimestampError> {
        if let Some((side, _)) = self.side(row)? {
            self.count_response(side, row);
        }
        Ok(())
    }

    /// Counts the non-empty comment of a response counted by
    /// [`CommentTally::add_response`], analysed beforehand.
    pub fn add_analysed(
        &mut self,
        taxonomy: &Taxonomy,
        row: &ResponseRow<'_>,
        id: &str,
        analysis: &CommentAnalysis,
    ) -> Result<(), TimestampError> {
        if let Some((side, at)) = self.side(row)? {
            self.count_comment(taxonomy, side, at, row, id, analysis);
        }
        Ok(())
    }

    /// The period of a response that passes the filters, if in one.
    fn side(&self, row: &ResponseRow<'_>) -> Result<Option<(Side, Timestamp)>, TimestampError> {
        let f = &self.options.filters;
        if !f.matches_parts(row.hospital, row.department, row.visit_type, row.channel) {
            return Ok(None);
        }
        let at = Timestamp::parse(row.submitted_at)?;
        let month = month_key(at.year_month());
        Ok(if self.options.current.contains(month) {
            Some((Side::Current, at))
        } else if self.options.baseline.is_some_and(|b| b.contains(month)) {
            Some((Side::Baseline, at))
        } else {
            None
        })
    }

    /// The cells a response counts in: `all`, and its group's.
    fn cells(&mut self, side: Side, row: &ResponseRow<'_>) -> [Option<&mut Counts>; 2] {
        let themes = self.themes;
        let group = match self.options.group_by {
            None => None,
            Some(by) => {
                let key = group_value(by, row);
                if !self.groups.contains_key(key) {
                    self.groups
                        .insert(key.to_owned(), [Counts::new(themes), Counts::new(themes)]);
                }
                self.groups
                    .get_mut(key)
                    .map(|cells| &mut cells[side as usize])
            }
        };
        [Some(&mut self.all[side as usize]), group]
    }

    fn count_response(&mut self, side: Side, row: &ResponseRow<'_>) {
        for counts in self.cells(side, row).into_iter().flatten() {
            counts.responses += 1;
        }
    }

    fn count_comment(
        &mut self,
        taxonomy: &Taxonomy,
        side: Side,
        at: Timestamp,
        row: &ResponseRow<'_>,
        id: &str,
        analysis: &CommentAnalysis,
    ) {
        for counts in self.cells(side, row).into_iter().flatten() {
            counts.comments += 1;
            for &(theme, sentiment) in &analysis.themes {
                counts.themes[theme][sentiment_index(sentiment)] += 1;
            }
        }
        if let Side::Current = side {
            let group = self
                .options
                .group_by
                .map(|by| group_value(by, row).to_owned());
            self.responses.push(CommentedResponse {
                at,
                group,
                comment: ResponseComment {
                    id: id.to_owned(),
                    hospital: row.hospital.to_owned(),
                    department: row.department.to_owned(),
                    submitted_at: row.submitted_at.to_owned(),
                    masked_comment: analysis.masked.clone(),
                    themes: analysis
                        .themes
                        .iter()
                        .map(|&(t, sentiment)| ResponseTheme {
                            id: taxonomy.themes()[t].id.clone(),
                            sentiment,
                        })
                        .collect(),
                },
            });
        }
    }

    /// Adds `other` (a tally with the same options) into this one.
    pub fn merge(&mut self, other: CommentTally) {
        for (a, b) in self.all.iter_mut().zip(&other.all) {
            a.merge(b);
        }
        for (key, cells) in other.groups {
            match self.groups.get_mut(&key) {
                Some(mine) => {
                    for (a, b) in mine.iter_mut().zip(&cells) {
                        a.merge(b);
                    }
                }
                None => {
                    self.groups.insert(key, cells);
                }
            }
        }
        self.responses.extend(other.responses);
    }

    /// The document of docs/formats.md §8.
    pub fn report(mut self, taxonomy: &Taxonomy) -> CommentReport {
        let o = &self.options;
        let baseline = o.baseline.is_some();
        let threshold = o.suppress_below;
        let shown: Vec<(&String, &[Counts; 2])> = self
            .groups
            .iter()
            .filter(|(_, cells)| cells[Side::Current as usize].responses > 0)
            .collect();
        let sizes: Vec<(&str, u64)> = shown
            .iter()
            .map(|(k, c)| (k.as_str(), c[Side::Current as usize].responses))
            .collect();
        let hidden = suppressed(&sizes, threshold);
        let mut groups = vec![group(
            taxonomy,
            "all",
            &self.all,
            self.all[0].responses < threshold,
            baseline,
        )];
        for ((key, cells), &hide) in shown.iter().zip(&hidden) {
            groups.push(group(taxonomy, key, cells, hide, baseline));
        }
        let hidden_keys: Vec<&str> = shown
            .iter()
            .zip(&hidden)
            .filter(|(_, &h)| h)
            .map(|((k, _), _)| k.as_str())
            .collect();
        let all_hidden = groups[0].suppressed;
        let mut responses = std::mem::take(&mut self.responses);
        responses.retain(|r| {
            !all_hidden
                && r.group
                    .as_deref()
                    .is_none_or(|g| hidden_keys.binary_search(&g).is_err())
        });
        responses.sort_by(|a, b| {
            a.at.cmp(&b.at)
                .then_with(|| a.comment.id.cmp(&b.comment.id))
        });
        CommentReport {
            comment_method: CommentMethod {
                taxonomy: taxonomy.name().to_owned(),
                version: taxonomy.version(),
            },
            options: CommentOptionsOut {
                period: o.current.to_string(),
                baseline: o.baseline.map(|b| b.to_string()),
                group_by: o.group_by,
                suppress_below: o.suppress_below,
                filters: o.filters.clone(),
            },
            periods: Periods {
                current: range(&o.current),
                baseline: o.baseline.as_ref().map(range),
            },
            groups,
            responses: responses.into_iter().map(|r| r.comment).collect(),
        }
    }
}

fn range(p: &Period) -> DateRange {
    DateRange {
        from: p.from_date(),
        to: p.to_date(),
    }
}

fn sentiment_index(s: Sentiment) -> usize {
    match s {
        Sentiment::Positive => 0,
        Sentiment::Negative => 1,
        Sentiment::Mixed => 2,
        Sentiment::Neutral => 3,
    }
}

fn group_value<'r>(by: GroupBy, row: &ResponseRow<'r>) -> &'r str {
    match by {
        GroupBy::Hospital => row.hospital,
        GroupBy::Department => row.department,
        GroupBy::VisitType => row.visit_type.as_str(),
        GroupBy::Channel => row.channel.as_str(),
    }
}

/// One group of the document: counts per theme, shares where a theme has
/// at least [`MIN_MENTIONS`] mentions, and the change of the complaint
/// share since the baseline with §5's pooled two-proportion test.
fn group(
    taxonomy: &Taxonomy,
    key: &str,
    cells: &[Counts; 2],
    suppressed: bool,
    with_baseline: bool,
) -> CommentGroup {
    if suppressed {
        return CommentGroup {
            key: key.to_owned(),
            suppressed,
            counts: None,
        };
    }
    let [current, baseline] = cells;
    let themes = taxonomy
        .themes()
        .iter()
        .enumerate()
        .map(|(t, theme)| {
            let mentions = current.mentions(t);
            let [positive, negative, mixed, neutral] = current.themes[t];
            let enough = mentions >= MIN_MENTIONS;
            let test = (enough && with_baseline && baseline.comments > 0).then(|| {
                two_proportions(
                    current.complaints(t),
                    current.comments,
                    baseline.complaints(t),
                    baseline.comments,
                )
            });
            ThemeCounts {
                id: theme.id.clone(),
                stage: theme.stage,
                mentions,
                positive,
                negative,
                mixed,
                neutral,
                share: if enough {
                    num(fraction(mentions, current.comments))
                } else {
                    None
                },
                negative_share_diff: num(test.and_then(|t| t.diff)),
                z: num(test.and_then(|t| t.z)),
                p: num(test.and_then(|t| t.p)),
            }
        })
        .collect();
    CommentGroup {
        key: key.to_owned(),
        suppressed,
        counts: Some(GroupCounts {
            n: current.responses,
            n_comments: current.comments,
            themes,
        }),
    }
}

/// The themes most complained of in `group` (negative + mixed, at least
/// one; ties in taxonomy order), at most `k`, optionally of one stage:
/// what the dashboard's overview and stage view mention.
pub fn top_complaints(
    group: &GroupCounts,
    stage: Option<super::CareStage>,
    k: usize,
) -> Vec<&ThemeCounts> {
    let mut themes: Vec<&ThemeCounts> = group
        .themes
        .iter()
        .filter(|t| t.negative + t.mixed > 0 && stage.is_none_or(|s| s == t.stage))
        .collect();
    // A stable sort keeps taxonomy order among equals.
    themes.sort_by_key(|t| std::cmp::Reverse(t.negative + t.mixed));
    themes.truncate(k);
    themes
}
