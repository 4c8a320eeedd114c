//! "You said, we did" (docs/formats.md §6): the hospital's published
//! action plans, as a list on the thank-you screen and one at a time on a
//! kiosk's attract screen.
//!
//! The attract screen's rotation follows WCAG 2.2.2 (pause, stop, hide):
//! it has a pause button and previous/next buttons, does not rotate at all
//! where the reader asked for reduced motion, and is announced to screen
//! readers only while paused (a rotating live region would talk over
//! everything else).

use wire::{PublicAction, PublicActions};
use yew::prelude::*;

use crate::survey::i18n::{Catalogue, Lang};
use crate::survey::state::Action;
use crate::survey::we_did::{shown, status_text};

fn item(action: &PublicAction, lang: Lang) -> Html {
    let class = match action.status {
        wire::PlanStatus::Done => "plan-status status-done",
        _ => "plan-status",
    };
    html! {
        <>
            <h3>{ action.title.clone() }</h3>
            <p>{ action.public_text.clone() }</p>
            <p {class}>{ status_text(lang.messages(), action.status) }</p>
        </>
    }
}

fn heading(lang: Lang) -> Html {
    let m = lang.messages();
    html! {
        <>
            <h2 id="we-did-title">{ m.we_did_title }</h2>
            <p class="hint">{ m.we_did_intro }</p>
        </>
    }
}

/// The first `limit` plans shown where `department` is rated, as a list;
/// nothing when there are none.
pub fn we_did_list(actions: &PublicActions, department: &str, lang: Lang, limit: usize) -> Html {
    let items = shown(actions, department);
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="field we-did" aria-labelledby="we-did-title">
            { heading(lang) }
            <ul>
                { for items.into_iter().take(limit).map(|a| html! { <li class="we-did-item">{ item(a, lang) }</li> }) }
            </ul>
        </section>
    }
}

/// The attract screen's plan: the one at `at` (of those shown), with
/// previous, pause or play, and next. The survey's state holds `at` and
/// `paused`; `use_rotation` moves `at` on every
/// [`ROTATE_MS`](crate::survey::we_did::ROTATE_MS).
pub fn we_did_carousel(
    actions: &PublicActions,
    department: &str,
    lang: Lang,
    (at, paused): (usize, bool),
    dispatch: &Callback<Action>,
) -> Html {
    let m = lang.messages();
    let items = shown(actions, department);
    let count = items.len();
    let Some(current) = items.get(at % count.max(1)) else {
        return html! {};
    };
    let at = at % count;
    let show = |n: usize| dispatch.reform(move |_: MouseEvent| Action::WeDidShow(n % count));
    html! {
        <section class="field we-did we-did-carousel" aria-labelledby="we-did-title">
            { heading(lang) }
            <div class="we-did-item we-did-slide" aria-live={if paused { "polite" } else { "off" }}>
                { item(current, lang) }
            </div>
            if count > 1 {
                <div class="we-did-controls">
                    <button type="button" class="chip" onclick={show(at + count - 1)}>
                        <span aria-hidden="true">{ "‹ " }</span>{ m.previous_item }
                    </button>
                    <button type="button" class="chip" onclick={dispatch.reform(move |_: MouseEvent| Action::WeDidPause(!paused))}>
                        { if paused { m.play } else { m.pause } }
                    </button>
                    <span>{ format!("{} / {count}", at + 1) }</span>
                    <button type="button" class="chip" onclick={show(at + 1)}>
                        { m.next_item }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                </div>
            }
        </section>
    }
}
