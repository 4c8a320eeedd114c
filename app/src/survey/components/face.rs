//! A drawn face for the 5-point answers (no emoji font needed; the word
//! beside it carries the meaning, the face and its colour only help).

use yew::prelude::*;

/// The face for `level`, 1 = very dissatisfied … 5 = very satisfied. A
/// plain function, not a component: it has no state, and each component
/// type costs bundle size.
pub fn face(level: u8) -> Html {
    // Mouth from a deep frown (1) to a broad smile (5).
    let (class, mouth) = match level {
        1 => ("face face-1", "M15 35 Q24 25 33 35"),
        2 => ("face face-2", "M15 33 Q24 29 33 33"),
        3 => ("face face-3", "M15 32 L33 32"),
        4 => ("face face-4", "M15 30 Q24 35 33 30"),
        _ => ("face face-5", "M14 28 Q24 39 34 28"),
    };
    html! {
        <svg {class} viewBox="0 0 48 48"
             width="48" height="48" aria-hidden="true" focusable="false">
            <circle cx="24" cy="24" r="21" class="face-bg" />
            <circle cx="17" cy="19" r="2.6" class="face-ink" />
            <circle cx="31" cy="19" r="2.6" class="face-ink" />
            <path d={mouth} class="face-mouth" />
        </svg>
    }
}
