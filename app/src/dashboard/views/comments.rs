//! Comments: the free text of the current period, for signed-in
//! administrators only (docs/domain.md, Privacy). The worker searches them; the
//! text is rendered as text (Yew escapes it), never as HTML.

use scoring::instrument::VisitType;
use yew::prelude::*;

use crate::dashboard::i18n::{fill, Lang, T};
use crate::dashboard::labels::visit_type_text;
use crate::dashboard::number_format as nf;
use crate::dashboard::state::CommentsState;

fn visit_name(id: &str, lang: Lang) -> String {
    VisitType::parse(id)
        .map(|v| visit_type_text(v).in_(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

#[derive(Properties, PartialEq)]
pub struct CommentsProps {
    pub lang: Lang,
    pub allowed: bool,
    pub comments: CommentsState,
    pub on_search: Callback<String>,
}

#[function_component]
pub fn CommentsView(props: &CommentsProps) -> Html {
    let lang = props.lang;
    let t = |k: T| k.in_(lang);
    if !props.allowed {
        return html! { <p class="notice">{ t(T::CommentsNeedLogin) }</p> };
    }
    let draft = use_state(|| props.comments.query.clone());
    let onsubmit = {
        let draft = draft.clone();
        let on_search = props.on_search.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_search.emit((*draft).clone());
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let c = &props.comments;
    html! {
        <section class="view comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{ t(T::CommentsTitle) }</h2>
            <p class="privacy">{ t(T::CommentsPrivacy) }</p>
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
                    { for c.rows.iter().map(|row| html! {
                        <li class="comment">
                            <p class="comment-meta">
                                { format!("{} · {} {} · {}", row.date, row.hospital, row.department, visit_name(&row.visit_type, lang)) }
                            </p>
                            <p class="comment-text">{ &row.text }</p>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
