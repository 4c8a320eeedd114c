//! Comments (docs/formats.md §8): what patients write, for signed-in
//! administrators only (docs/domain.md, Privacy). For the report's filters
//! the worker's analysis gives each theme under its care stage with a
//! praise / complaint bar, its share of comments and the change since the
//! baseline; a theme's button lists the masked quotes behind its count,
//! and the search looks through them. Text is rendered as text (Yew
//! escapes it), never as HTML.

use std::rc::Rc;

use scoring::comments::{CareStage, GroupCounts, Sentiment, ThemeCounts};
use scoring::present::comment_words::{sentiment, CommentWords};
use yew::prelude::*;

use crate::dashboard::i18n::{fill, Lang, T};
use crate::dashboard::labels::Labels;
use crate::dashboard::number_format as nf;
use crate::dashboard::protocol::AnalysedComments;
use crate::dashboard::state::CommentsState;

#[derive(Properties, PartialEq)]
pub struct CommentsProps {
    pub labels: Rc<Labels>,
    pub allowed: bool,
    pub comments: CommentsState,
    /// The search text and the theme whose quotes to list.
    pub on_search: Callback<(String, Option<String>)>,
    pub on_export: Callback<()>,
}

#[function_component]
pub fn CommentsView(props: &CommentsProps) -> Html {
    let lang = props.labels.lang;
    let t = |k: T| k.in_(lang);
    let group = use_state(|| "all".to_owned());
    if !props.allowed {
        return html! { <p class="notice">{ t(T::CommentsNeedLogin) }</p> };
    }
    let words = CommentWords::of(lang);
    let c = &props.comments;
    let analysis = c.analysis.clone();
    html! {
        <section class="view comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{ t(T::CommentsTitle) }</h2>
            <p class="privacy">{ t(T::CommentsPrivacy) }{ " " }{ words.masking_note }</p>
            if c.analysing {
                <p class="muted" role="status">{ t(T::CommentsAnalysing) }</p>
            }
            if let Some(error) = &c.analysis_error {
                <p class="notice" role="alert">{ error }</p>
            }
            if let Some(analysis) = analysis {
                <ThemeTables labels={props.labels.clone()} analysis={analysis.clone()} group={(*group).clone()}
                             on_group={Callback::from({ let group = group.clone(); move |g: String| group.set(g) })}
                             selected={c.theme.clone()} query={c.query.clone()} on_search={props.on_search.clone()} />
                <p class="export-comments">
                    <button type="button" id="export-comments-json" onclick={props.on_export.reform(|_| ())}>
                        { t(T::CommentsJson) }
                    </button>
                </p>
                <Quotes labels={props.labels.clone()} analysis={analysis} comments={c.clone()} on_search={props.on_search.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ThemeTablesProps {
    labels: Rc<Labels>,
    analysis: Rc<AnalysedComments>,
    group: String,
    on_group: Callback<String>,
    selected: Option<String>,
    query: String,
    on_search: Callback<(String, Option<String>)>,
}

/// The themes of one group under their care stages.
#[function_component]
fn ThemeTables(props: &ThemeTablesProps) -> Html {
    let labels = &props.labels;
    let lang = labels.lang;
    let words = CommentWords::of(lang);
    let report = &props.analysis.report;
    let groups = &report.groups;
    let chosen = groups
        .iter()
        .find(|g| g.key == props.group)
        .or_else(|| groups.first());
    let Some(chosen) = chosen else {
        return Html::default();
    };
    let picker = (groups.len() > 1).then(|| {
        let onchange = {
            let on_group = props.on_group.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                on_group.emit(select.value());
            })
        };
        html! {
            <p class="comment-group">
                <label for="comment-group">{ T::Group.in_(lang) }</label>{ " " }
                <select id="comment-group" {onchange}>
                    { for groups.iter().map(|g| html! {
                        <option value={g.key.clone()} selected={g.key == chosen.key}>
                            { if g.key == "all" { T::All.in_(lang).to_owned() } else { labels.place(&g.key).to_owned() } }
                        </option>
                    }) }
                </select>
            </p>
        }
    });
    let Some(counts) = &chosen.counts else {
        return html! {
            <>
                { for picker }
                <p class="notice" id="comments-summary">{ scoring::present::words::ReportWords::of(lang).suppressed }</p>
            </>
        };
    };
    let has_baseline = report.periods.baseline.is_some();
    html! {
        <>
            { for picker }
            <p id="comments-summary">{ words.counts(&nf::count(counts.n_comments), &nf::count(counts.n)) }</p>
            <p class="top-complaints">
                <strong>{ words.top_complaints }</strong>{ ": " }
                { top_line(&props.analysis, counts, lang) }
            </p>
            <Legend lang={lang} />
            <p class="muted">{ words.few_mentions }</p>
            { for CareStage::ALL.into_iter().map(|stage| {
                let rows: Vec<&ThemeCounts> = counts.themes.iter().filter(|t| t.stage == stage).collect();
                if rows.is_empty() {
                    return Html::default();
                }
                let title = labels.stage(stage.as_str());
                html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={title.clone()}>
                    <table class="data themes" id={format!("themes-{}", stage.as_str())}>
                        <caption>{ &title }</caption>
                        <thead><tr>
                            <th scope="col">{ words.theme }</th>
                            <th scope="col">{ sentiment(lang, Sentiment::Positive) }{ " / " }{ sentiment(lang, Sentiment::Negative) }</th>
                            <th scope="col" class="num">{ words.mentions }</th>
                            <th scope="col" class="num">{ words.share }</th>
                            if has_baseline {
                                <th scope="col" class="num">{ words.complaint_change }</th>
                                <th scope="col" class="num">{ words.p }</th>
                            }
                        </tr></thead>
                        <tbody>
                            { for rows.into_iter().map(|t| theme_row(props, t, has_baseline)) }
                        </tbody>
                    </table>
                    </div>
                }
            }) }
        </>
    }
}

fn top_line(analysis: &AnalysedComments, counts: &GroupCounts, lang: Lang) -> String {
    let top = scoring::comments::top_complaints(counts, None, 3);
    if top.is_empty() {
        return CommentWords::of(lang).none_found.to_owned();
    }
    top.iter()
        .map(|t| {
            format!(
                "{} ({})",
                analysis.theme_name(&t.id, lang),
                t.negative + t.mixed
            )
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn theme_row(props: &ThemeTablesProps, t: &ThemeCounts, has_baseline: bool) -> Html {
    let lang = props.labels.lang;
    let name = props.analysis.theme_name(&t.id, lang).to_owned();
    let selected = props.selected.as_deref() == Some(t.id.as_str());
    let onclick = {
        let (on_search, id, query) = (props.on_search.clone(), t.id.clone(), props.query.clone());
        Callback::from(move |_| on_search.emit((query.clone(), Some(id.clone()))))
    };
    let label = fill(T::ShowQuotesOf.in_(lang), &[("theme", &name)]);
    html! {
        <tr id={format!("theme-{}", t.id)}>
            <th scope="row">
                if t.mentions > 0 {
                    <button type="button" class="link" aria-pressed={selected.to_string()} aria-label={label} {onclick}>{ &name }</button>
                } else {
                    { &name }
                }
            </th>
            <td>{ bar(t, lang) }</td>
            <td class="num">{ nf::count(t.mentions) }</td>
            <td class="num">{ nf::percent(t.share) }</td>
            if has_baseline {
                <td class="num">{ nf::points(t.negative_share_diff) }</td>
                <td class="num">{ nf::p_value(t.p) }</td>
            }
        </tr>
    }
}

/// Praise, complaint, mixed and neutral as parts of one bar, with the
/// counts spoken by screen readers.
fn bar(t: &ThemeCounts, lang: Lang) -> Html {
    if t.mentions == 0 {
        return Html::default();
    }
    let parts = [
        (t.positive, "pos", Sentiment::Positive),
        (t.negative, "neg", Sentiment::Negative),
        (t.mixed, "mix", Sentiment::Mixed),
        (t.neutral, "neu", Sentiment::Neutral),
    ];
    let label = parts
        .iter()
        .map(|&(n, _, s)| format!("{} {n}", sentiment(lang, s)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <div class="sentiment-bar" role="img" aria-label={label}>
            { for parts.iter().filter(|p| p.0 > 0).map(|&(n, class, _)| {
                let width = 100.0 * n as f64 / t.mentions as f64;
                html! { <span class={class} style={format!("width:{width:.1}%")}></span> }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    lang: Lang,
}

#[function_component]
fn Legend(props: &LegendProps) -> Html {
    html! {
        <p class="legend sentiment-legend" aria-hidden="true">
            { for [(Sentiment::Positive, "pos"), (Sentiment::Negative, "neg"), (Sentiment::Mixed, "mix"), (Sentiment::Neutral, "neu")]
                .into_iter().map(|(s, class)| html! {
                    <span><span class={classes!("swatch", class)}></span>{ sentiment(props.lang, s) }</span>
                }) }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct QuotesProps {
    labels: Rc<Labels>,
    analysis: Rc<AnalysedComments>,
    comments: CommentsState,
    on_search: Callback<(String, Option<String>)>,
}

/// The masked quotes of the chosen theme (or all), and the search.
#[function_component]
fn Quotes(props: &QuotesProps) -> Html {
    let labels = &props.labels;
    let lang = labels.lang;
    let t = |k: T| k.in_(lang);
    let c = &props.comments;
    let draft = use_state(|| c.query.clone());
    let onsubmit = {
        let (draft, on_search, theme) = (draft.clone(), props.on_search.clone(), c.theme.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_search.emit(((*draft).clone(), theme.clone()));
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let heading = match &c.theme {
        Some(id) => fill(
            t(T::QuotesOf),
            &[("theme", props.analysis.theme_name(id, lang))],
        ),
        None => t(T::AllComments).to_owned(),
    };
    let show_all = {
        let (on_search, query) = (props.on_search.clone(), c.query.clone());
        Callback::from(move |_| on_search.emit((query.clone(), None)))
    };
    html! {
        <div class="quotes" aria-labelledby="quotes-title">
            <h3 id="quotes-title">{ heading }</h3>
            if c.theme.is_some() {
                <p><button type="button" class="link" id="show-all-comments" onclick={show_all}>{ t(T::ShowAllComments) }</button></p>
            }
            <form class="search" role="search" {onsubmit}>
                <label for="comment-query">{ t(T::Search) }</label>
                <input id="comment-query" type="search" value={(*draft).clone()} {oninput} />
                <button type="submit">{ t(T::Search) }</button>
            </form>
            <p class="muted" aria-live="polite" id="comments-count">
                { fill(t(T::CommentsShown), &[("shown", &nf::count(c.rows.len() as u64)),
                                              ("total", &nf::count(c.total))]) }
            </p>
            if c.rows.is_empty() && !c.loading {
                <p>{ t(T::NoComments) }</p>
            } else {
                <ul class="comment-list" id="comment-list">
                    { for c.rows.iter().map(|row| {
                        let mark = c.theme.as_ref().and_then(|id| row.themes.iter().find(|x| &x.id == id)).map(|x| x.sentiment);
                        html! {
                            <li class={classes!("comment", mark.map(|s| s.as_str()))}>
                                <p class="comment-meta">
                                    { match row.department.as_str() {
                                        "" => format!("{} · {}", row.date, labels.place(&row.hospital)),
                                        department => format!("{} · {} · {}", row.date, labels.place(&row.hospital), labels.place(department)),
                                    } }
                                </p>
                                <p class="comment-text">{ &row.text }</p>
                                <p class="comment-themes">
                                    { for row.themes.iter().map(|x| html! {
                                        <span class={classes!("chip", x.sentiment.as_str())}>
                                            { format!("{} · {}", props.analysis.theme_name(&x.id, lang), sentiment(lang, x.sentiment)) }
                                        </span>
                                    }) }
                                </p>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
