//! Inline SVG charts fed by plain structs. Every chart is a `<figure>` with
//! a caption, an SVG marked `role="img"` and labelled, and the same numbers
//! as a table in a `<details>` element, which screen readers and keyboard
//! users can open (and which prints when open).

pub mod ci_bars;
pub mod distribution_bars;
pub mod funnel;
pub mod grid;
pub mod paired_bars;
pub mod palette;
pub mod quadrant;
pub mod scale;
pub mod trend_lines;
pub mod xmr;

use yew::prelude::*;

use super::i18n::{Lang, T};

/// A table equivalent of a chart: column headers and text cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// Unique in the page: ids of the caption and the table derive from it.
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    pub table: TableData,
    /// Size of the SVG's coordinate system.
    pub width: f64,
    pub height: f64,
    pub children: Html,
}

/// The frame shared by every chart.
#[function_component]
pub fn ChartFigure(props: &FigureProps) -> Html {
    let caption_id = format!("{}-caption", props.id);
    let view_box = format!("0 0 {} {}", props.width, props.height);
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption id={caption_id.clone()}>{ props.caption.clone() }</figcaption>
            <svg class="chart-svg" viewBox={view_box} role="img"
                 aria-labelledby={caption_id} preserveAspectRatio="xMinYMin meet"
                 style={format!("max-width:{}px", props.width * 1.35)}>
                { props.children.clone() }
            </svg>
            <details class="chart-table">
                <summary>{ T::ShowTable.in_(props.lang) }</summary>
                <DataTable caption={props.caption.clone()} data={props.table.clone()} />
            </details>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub caption: AttrValue,
    pub data: TableData,
}

/// A plain table; the first column is the row header.
#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    html! {
        <table class="data">
            <caption class="visually-hidden">{ props.caption.clone() }</caption>
            <thead>
                <tr>{ for props.data.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
            </thead>
            <tbody>
                { for props.data.rows.iter().map(|row| html! {
                    <tr>
                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row">{ cell }</th> }
                        } else {
                            html! { <td>{ cell }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
