//! A column of texts stacked top to bottom in a box: each fitted to the
//! box's width ([`super::text_fit::fit`]), and all shrunk together when
//! together they are taller than the box, so nothing runs past its bottom.

use super::text_fit::{fit, Anchor, Fitted, Style};

/// One text of a column and how it may be set.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) text: String,
    /// Preferred and smallest font size, in mm.
    pub(super) size: f64,
    pub(super) min: f64,
    pub(super) max_lines: usize,
    pub(super) style: Style,
    /// Space below it, in mm.
    pub(super) space_after: f64,
}

/// The box a column fills, in mm.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub(super) x: f64,
    pub(super) top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// The SVG of `entries` stacked in `frame`, and the height they took.
pub(super) fn stack(entries: &[Entry], frame: Frame) -> (String, f64) {
    let mut scale = 1.0;
    let mut set = fit_all(entries, frame.width, scale);
    // Shrinking changes where lines break, so try a few times.
    for _ in 0..4 {
        let height = total_height(&set, entries, scale);
        if height <= frame.height {
            break;
        }
        scale *= frame.height / height;
        set = fit_all(entries, frame.width, scale);
    }
    let mut out = String::new();
    let mut y = frame.top;
    for (fitted, entry) in set.iter().zip(entries) {
        if fitted.lines.is_empty() {
            continue;
        }
        let x = match entry.style.anchor {
            Anchor::Start => frame.x,
            Anchor::Middle => frame.x + frame.width / 2.0,
        };
        out.push_str(&fitted.draw(x, y, frame.width, entry.style));
        y += fitted.height() + entry.space_after * scale;
    }
    (out, y - frame.top)
}

fn fit_all(entries: &[Entry], width: f64, scale: f64) -> Vec<Fitted> {
    entries
        .iter()
        .map(|e| {
            let size = e.size * scale;
            let min = (e.min * scale).min(size);
            fit(&e.text, width, size, min, e.max_lines, e.style.bold)
        })
        .collect()
}

fn total_height(set: &[Fitted], entries: &[Entry], scale: f64) -> f64 {
    set.iter()
        .zip(entries)
        .filter(|(f, _)| !f.lines.is_empty())
        .map(|(f, e)| f.height() + e.space_after * scale)
        .sum()
}

#[cfg(test)]
mod tests {
    use scoring::lang::Lang;

    use super::*;

    fn entry(text: &str, size: f64) -> Entry {
        Entry {
            text: text.to_owned(),
            size,
            min: size / 2.0,
            max_lines: 2,
            style: Style {
                lang: Lang::ZhCn,
                bold: false,
                fill: "#000",
                anchor: Anchor::Start,
            },
            space_after: 2.0,
        }
    }

    #[test]
    fn a_column_that_fits_keeps_its_sizes() {
        let frame = Frame {
            x: 0.0,
            top: 10.0,
            width: 80.0,
            height: 100.0,
        };
        let (svg, height) = stack(&[entry("心内科", 14.0), entry("门诊", 6.0)], frame);
        assert!(svg.contains(r#"font-size="14""#) && svg.contains(r#"font-size="6""#));
        assert!(height <= 100.0);
    }

    #[test]
    fn a_column_too_tall_for_its_box_shrinks_into_it() {
        let frame = Frame {
            x: 0.0,
            top: 0.0,
            width: 60.0,
            height: 40.0,
        };
        let long = "心血管内科与介入治疗中心病区";
        let entries = vec![entry(long, 14.0), entry(long, 14.0), entry(long, 14.0)];
        let (_, height) = stack(&entries, frame);
        assert!(height <= 40.0 + 1e-6, "{height}");
    }
}
