//! Export: the report JSON (the worker's canonical bytes, identical to
//! `tiyan score` with the same options), the tables as CSV, and the print
//! page.

use yew::prelude::*;

use super::ViewData;
use crate::dashboard::download::save_text;
use crate::dashboard::export_tables::{comparisons_csv, groups_csv, items_csv, stages_csv};
use crate::dashboard::i18n::T;
use crate::dashboard::route::Route;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub data: ViewData,
    pub on_navigate: Callback<Route>,
    pub on_error: Callback<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Export {
    Json,
    Items,
    Stages,
    Comparisons,
    Groups,
}

#[function_component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let data = &props.data;
    let stem = data.loaded.filters.file_stem();
    let lang = data.lang();
    let button = |kind: Export, text: T, id: &'static str| {
        let data = data.clone();
        let stem = stem.clone();
        let on_error = props.on_error.clone();
        let onclick = Callback::from(move |_| {
            let loaded = &data.loaded;
            let labels = &data.labels;
            let (name, mime, text) = match kind {
                Export::Json => (
                    format!("{stem}.json"),
                    "application/json",
                    loaded.scored.report_json.clone(),
                ),
                Export::Items => (
                    format!("{stem}-items.csv"),
                    "text/csv",
                    items_csv(&loaded.scored.report, labels),
                ),
                Export::Stages => (
                    format!("{stem}-stages.csv"),
                    "text/csv",
                    stages_csv(&loaded.scored.report, labels),
                ),
                Export::Comparisons => (
                    format!("{stem}-comparisons.csv"),
                    "text/csv",
                    comparisons_csv(&loaded.scored.report, labels),
                ),
                Export::Groups => (
                    format!("{stem}-groups.csv"),
                    "text/csv",
                    groups_csv(&loaded.scored.report, labels),
                ),
            };
            if let Err(e) = save_text(&name, mime, &text) {
                on_error.emit(e);
            }
        });
        html! { <button type="button" id={id} {onclick}>{ text.in_(lang) }</button> }
    };
    let print = {
        let nav = props.on_navigate.clone();
        Callback::from(move |_| nav.emit(Route::Print))
    };
    html! {
        <div class="export-bar no-print" role="group" aria-label={data.t(T::Export)}>
            <span class="label">{ data.t(T::Export) }</span>
            { button(Export::Json, T::ReportJson, "export-json") }
            { button(Export::Items, T::CsvItems, "export-items") }
            { button(Export::Stages, T::CsvStages, "export-stages") }
            if data.loaded.scored.report.has_baseline() { { button(Export::Comparisons, T::CsvComparisons, "export-comparisons") } }
            if data.loaded.filters.group_by.is_some() { { button(Export::Groups, T::CsvGroups, "export-groups") } }
            <button type="button" id="export-print" onclick={print}>{ data.t(T::Print) }</button>
        </div>
    }
}
