//! The progress of a download, a file read, parsing or scoring, announced
//! politely to screen readers; and the records the worker did not count.

use yew::prelude::*;

use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::number_format as nf;
use crate::dashboard::state::Activity;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub lang: Lang,
    pub activity: Activity,
    pub accepted: u64,
    pub rejected: u64,
    pub first_errors: Vec<String>,
    /// Reading a local file rather than downloading.
    pub local: bool,
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

#[function_component]
pub fn ProgressBar(props: &ProgressProps) -> Html {
    let t = |k: T| k.in_(props.lang);
    let (label, done, total) = match &props.activity {
        Activity::Idle => (None, 0, None),
        Activity::Reading {
            range,
            bytes,
            total,
        } => {
            let what = if props.local {
                t(T::Reading)
            } else {
                t(T::Downloading)
            };
            let range = range
                .as_ref()
                .map(|r| format!(" {} – {}", r.from, r.to))
                .unwrap_or_default();
            (
                Some(format!("{what}{range} · {}", megabytes(*bytes))),
                *bytes,
                *total,
            )
        }
        Activity::Parsing { done, total } => (
            Some(format!("{} · {}", t(T::Parsing), megabytes(*done))),
            *done,
            *total,
        ),
        Activity::Tallying { done, total } => (
            Some(format!(
                "{} · {} {}",
                t(T::Tallying),
                nf::count(*done),
                t(T::Responses)
            )),
            *done,
            *total,
        ),
        Activity::Scoring => (Some(t(T::Scoring).to_owned()), 0, None),
        Activity::Failed(message) => {
            return html! {
                <div class="error" role="alert" id="error">{ t(T::ErrorPrefix) }{ message }</div>
            }
        }
    };
    let rejected = (props.rejected > 0).then(|| {
        html! {
            <details class="rejected">
                <summary>{ format!("{} {}", nf::count(props.rejected), t(T::RecordsRejected)) }</summary>
                <ul>{ for props.first_errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
            </details>
        }
    });
    html! {
        <div class="progress-area" aria-live="polite">
            if let Some(label) = label {
                <div class="progress" id="progress">
                    <label for="progress-bar">{ label }</label>
                    if let Some(total) = total.filter(|t| *t > 0) {
                        <progress id="progress-bar" max={total.to_string()} value={done.min(total).to_string()} />
                    } else {
                        <progress id="progress-bar" />
                    }
                </div>
            }
            if props.accepted > 0 && label_is_none(&props.activity) {
                <p class="muted" id="accepted">{ format!("{} {} {}", t(T::Loaded), nf::count(props.accepted), t(T::Responses)) }</p>
            }
            { for rejected }
        </div>
    }
}

fn label_is_none(activity: &Activity) -> bool {
    matches!(activity, Activity::Idle)
}
