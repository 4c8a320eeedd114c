//! "Export registry.json": the registry in scope as the file the command
//! line's `--registry` reads.

use wire::Hospital;
use yew::prelude::*;

use super::draft::registry_file;
use crate::dashboard::download::save_text;
use crate::rollout::i18n::{Lang, T};

pub fn export_button(lang: Lang, hospitals: &[Hospital]) -> Html {
    let text = registry_file(hospitals);
    let onclick = Callback::from(move |_: MouseEvent| {
        let _ = save_text("registry.json", "application/json", &text);
    });
    html! {
        <section class="export-registry" aria-labelledby="export-heading">
            <h2 id="export-heading" class="visually-hidden">{ T::ExportRegistry.in_(lang) }</h2>
            <button type="button" id="export-registry" {onclick}>{ T::ExportRegistry.in_(lang) }</button>
            <p class="muted">{ T::ExportRegistryHelp.in_(lang) }</p>
        </section>
    }
}
