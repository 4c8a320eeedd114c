//! 100% stacked bars: the share of answers at each scale value, one bar per
//! item, dissatisfied (red) on the left to satisfied (blue) on the right.

use scoring::instrument::{Presentation, Scale};
use yew::prelude::*;

use super::palette::{diverging, on_diverging, INK, MUTED};
use super::scale::{shorten, text_width_em, Linear};
use super::{ChartFigure, TableData};
use crate::dashboard::i18n::{Lang, T};
use crate::dashboard::labels::{answer_goodness, scale_position, scale_value_names};
use crate::dashboard::model::stage_detail::Segment;
use crate::dashboard::number_format as nf;

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    pub label: String,
    pub scale: Scale,
    pub reverse: bool,
    pub segments: Vec<Segment>,
    pub n_na: u64,
}

#[derive(Properties, PartialEq)]
pub struct DistributionBarsProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub lang: Lang,
    pub label_header: AttrValue,
    pub rows: Vec<DistributionRow>,
}

const WIDTH: f64 = 440.0;
const PLOT_LEFT: f64 = 8.0;
const PLOT_RIGHT: f64 = 432.0;
const ROW: f64 = 42.0;
const LEGEND: f64 = 30.0;

/// The scales present, each once, in the scale table's order: the
/// legend's rows.
pub fn scales_of(rows: &[DistributionRow]) -> Vec<Scale> {
    let mut scales: Vec<Scale> = rows.iter().map(|r| r.scale).collect();
    scales.sort();
    scales.dedup();
    scales
}

/// Whether a yes/no item: its answers are named on its bars, since which
/// answer is better depends on the item.
fn named_on_bars(scale: Scale) -> bool {
    scale.def().presentation == Presentation::YesNo
}

/// A value's name in the legend and the table: the number before the word
/// for worded scales ("1 非常不满意", "4 总是"), the word or number alone
/// otherwise.
fn value_name(scale: Scale, value: i64, word: &str) -> String {
    let def = scale.def();
    if def.words.is_empty() || named_on_bars(scale) {
        word.to_owned()
    } else {
        format!("{value} {word}")
    }
}

/// Legend rows, one per scale (yes/no excepted), each entry (colour
/// position, value name).
fn legends_of(rows: &[DistributionRow], lang: Lang) -> Vec<Vec<(f64, String)>> {
    scales_of(rows)
        .into_iter()
        .filter(|scale| !named_on_bars(*scale))
        .map(|scale| {
            scale_value_names(scale, lang)
                .into_iter()
                .map(|(v, name)| (scale_position(scale, v), value_name(scale, v, &name)))
                .collect()
        })
        .collect()
}

pub fn table(props: &DistributionBarsProps) -> TableData {
    let lang = props.lang;
    TableData {
        headers: vec![
            props.label_header.to_string(),
            T::Distribution.in_(lang).to_owned(),
            T::NotApplicable.in_(lang).to_owned(),
        ],
        rows: props
            .rows
            .iter()
            .map(|r| {
                let names = scale_value_names(r.scale, lang);
                let cells: Vec<String> = r
                    .segments
                    .iter()
                    .map(|s| {
                        let name = names
                            .iter()
                            .find(|(v, _)| *v == s.value)
                            .map(|(_, n)| n.as_str())
                            .unwrap_or("");
                        let name = value_name(r.scale, s.value, name);
                        format!(
                            "{name}: {} ({})",
                            nf::count(s.count),
                            nf::percent(Some(s.share))
                        )
                    })
                    .collect();
                vec![r.label.clone(), cells.join("; "), nf::count(r.n_na)]
            })
            .collect(),
    }
}

#[function_component]
pub fn DistributionBars(props: &DistributionBarsProps) -> Html {
    let x = Linear::new((0.0, 1.0), (PLOT_LEFT, PLOT_RIGHT));
    let legends = legends_of(&props.rows, props.lang);
    let yes_no = scales_of(&props.rows).into_iter().any(named_on_bars);
    let legend_rows = (legends.len() + usize::from(yes_no)).max(1) as f64;
    let height = LEGEND * legend_rows + ROW * props.rows.len() as f64 + 4.0;
    let legend = legends.iter().enumerate().flat_map(|(row, entries)| {
        let key_width = (PLOT_RIGHT - PLOT_LEFT) / entries.len().max(1) as f64;
        let y = LEGEND * row as f64;
        entries.iter().enumerate().map(move |(i, (t, name))| {
            let kx = PLOT_LEFT + key_width * i as f64;
            html! {
                <g>
                    <rect x={kx.to_string()} y={(y + 4.0).to_string()} width="11" height="11" fill={diverging(*t)} />
                    <text x={(kx + 14.0).to_string()} y={(y + 13.0).to_string()} font-size="10" fill={INK}>
                        { shorten(name, (key_width - 15.0) / 10.0) }
                    </text>
                </g>
            }
        })
    });
    let yes_no_note = yes_no.then(|| {
        let y = LEGEND * (legend_rows - 1.0) + 13.0;
        html! {
            <text x={PLOT_LEFT.to_string()} y={y.to_string()} font-size="10" fill={MUTED}>
                { T::YesNoColours.in_(props.lang) }
            </text>
        }
    });
    let rows = props.rows.iter().enumerate().map(|(i, r)| {
        let y = LEGEND * legend_rows + ROW * i as f64;
        let names = scale_value_names(r.scale, props.lang);
        let bar_y = y + 16.0;
        let mut start = 0.0;
        let segments = r.segments.iter().filter(|s| s.count > 0).map(|s| {
            let t = answer_goodness(r.scale, r.reverse, s.value);
            let (x0, x1) = (x.at(start), x.at(start + s.share));
            start += s.share;
            // Yes/no bars carry the answer's name: its colour depends on
            // the item, so the legend cannot say it.
            let text = if named_on_bars(r.scale) {
                format!(
                    "{} {:.0}%",
                    names.iter().find(|(v, _)| *v == s.value).map(|(_, n)| n.as_str()).unwrap_or(""),
                    s.share * 100.0
                )
            } else {
                format!("{:.0}%", s.share * 100.0)
            };
            let label = (x1 - x0 > 8.0 * text_width_em(&text) + 4.0).then(|| {
                html! {
                    <text x={((x0 + x1) / 2.0).to_string()} y={(bar_y + 12.0).to_string()}
                          font-size="10" text-anchor="middle" fill={on_diverging(t)}>
                        { text }
                    </text>
                }
            });
            html! {
                <g>
                    <rect x={x0.to_string()} y={bar_y.to_string()} width={(x1 - x0).to_string()}
                          height="16" fill={diverging(t)} />
                    { for label }
                </g>
            }
        });
        let na = (r.n_na > 0).then(|| format!(" · {} {}", T::NotApplicable.in_(props.lang), nf::count(r.n_na)));
        html! {
            <g class="row">
                <title>{ r.label.clone() }</title>
                <text x={PLOT_LEFT.to_string()} y={(y + 11.0).to_string()} font-size="12" fill={INK}>
                    // Room for the "not applicable" count when there is one.
                    { shorten(&r.label, if r.n_na > 0 { 25.0 } else { 35.0 }) }
                    <tspan fill={MUTED} font-size="10">{ na.unwrap_or_default() }</tspan>
                </text>
                { for segments }
            </g>
        }
    });
    html! {
        <ChartFigure id={props.id.clone()} caption={props.caption.clone()} lang={props.lang}
                     table={table(props)} width={WIDTH} height={height}>
            { for legend }
            { for yes_no_note }
            { for rows }
        </ChartFigure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(scale: Scale, counts: &[(i64, u64)]) -> DistributionRow {
        let n: u64 = counts.iter().map(|c| c.1).sum();
        DistributionRow {
            label: format!("{scale:?}"),
            scale,
            reverse: false,
            segments: counts
                .iter()
                .map(|&(value, count)| Segment {
                    value,
                    count,
                    share: count as f64 / n as f64,
                })
                .collect(),
            n_na: 0,
        }
    }

    #[test]
    fn the_new_scales_are_named_by_their_words_with_their_numbers() {
        let rows = vec![
            row(Scale::Frequency4, &[(1, 1), (2, 1), (3, 1), (4, 1)]),
            row(Scale::Likert7, &[(1, 1), (4, 2), (7, 1)]),
            row(Scale::Yesno, &[(0, 1), (1, 3)]),
        ];
        let legends = legends_of(&rows, Lang::ZhCn);
        // One legend row per scale; yes/no is named on its bars instead.
        assert_eq!(legends.len(), 2);
        let words: Vec<&str> = legends[0].iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(words, ["1 从未", "2 有时", "3 经常", "4 总是"]);
        assert_eq!(legends[1].len(), 7);
        assert_eq!(legends[1][3], (0.5, "4 一般".to_owned()));
        let props = DistributionBarsProps {
            id: "d".into(),
            caption: "c".into(),
            lang: Lang::En,
            label_header: "Item".into(),
            rows,
        };
        let table = table(&props);
        assert!(table.rows[0][1].starts_with("1 Never: 1 (25.0%); 2 Sometimes"));
        assert!(table.rows[1][1].contains("7 Very satisfied: 1 (25.0%)"));
        assert!(table.rows[2][1].starts_with("No: 1 (25.0%); Yes: 3 (75.0%)"));
    }
}
