//! The case's timeline, oldest first: its opening, then each action with
//! when and by whom.

use wire::{CaseAction, CaseDetail};
use yew::prelude::*;

use crate::cases::directory::colon;
use crate::cases::i18n::{Lang, T};
use crate::services::clock::local_minutes;

/// What an action did, in words, and the text given with it.
pub fn describe(action: &CaseAction, lang: Lang) -> (String, String) {
    let t = |k: T| k.in_(lang);
    match action {
        CaseAction::Assign { to } => (format!("{} {to}", t(T::EventAssign)), String::new()),
        CaseAction::Note { text } => (t(T::EventNote).to_owned(), text.clone()),
        CaseAction::Resolve { root_cause, text } => (
            format!("{}{}{root_cause}", t(T::EventResolve), colon(lang)),
            text.clone(),
        ),
        CaseAction::Close { text } => (t(T::EventClose).to_owned(), text.clone()),
        CaseAction::Reopen { text } => (t(T::EventReopen).to_owned(), text.clone()),
    }
}

pub fn timeline(lang: Lang, detail: &CaseDetail) -> Html {
    let opened = html! {
        <li>
            <time datetime={detail.case.created_at.clone()}>{ local_minutes(&detail.case.created_at) }</time>
            <span class="what">{ T::EventOpened.in_(lang) }</span>
        </li>
    };
    let events = detail.events.iter().map(|event| {
        let (what, text) = describe(&event.action, lang);
        html! {
            <li class={classes!("event", action_class(&event.action))}>
                <time datetime={event.at.clone()}>{ local_minutes(&event.at) }</time>
                <span class="by">{ &event.by }</span>
                <span class="what">{ what }</span>
                if !text.is_empty() { <p class="text">{ text }</p> }
            </li>
        }
    });
    html! {
        <section aria-labelledby="timeline-title">
            <h3 id="timeline-title">{ T::Timeline.in_(lang) }</h3>
            <ol class="timeline" id="timeline">{ opened }{ for events }</ol>
        </section>
    }
}

fn action_class(action: &CaseAction) -> &'static str {
    match action {
        CaseAction::Assign { .. } => "assign",
        CaseAction::Note { .. } => "note",
        CaseAction::Resolve { .. } => "resolve",
        CaseAction::Close { .. } => "close",
        CaseAction::Reopen { .. } => "reopen",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resolution_names_its_root_cause() {
        let (what, text) = describe(
            &CaseAction::Resolve {
                root_cause: "staffing".to_owned(),
                text: "added a nurse".to_owned(),
            },
            Lang::En,
        );
        assert_eq!(what, "Resolved, root cause: staffing");
        assert_eq!(text, "added a nurse");
    }
}
