//! Fitting a name into a box without measuring fonts: the printer's fonts
//! are the viewer's system fonts, so widths are estimated from the
//! characters (CJK ideographs are one em wide, Latin letters about half)
//! on the generous side, and a name that still does not fit at the
//! smallest size is squeezed to the box by SVG's `textLength`, so long
//! names never run off the paper.

use scoring::lang::Lang;

use super::xml::{escape, mm};

/// Line height as a multiple of the font size.
const LEADING: f64 = 1.22;

/// Text set in lines at one size.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fitted {
    pub(super) lines: Vec<String>,
    /// Font size in mm.
    pub(super) size: f64,
    /// Whether the widest line must be squeezed to the box.
    pub(super) squeezed: bool,
}

/// How a text looks; where it goes is given to [`Fitted::draw`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub(super) lang: Lang,
    pub(super) bold: bool,
    pub(super) fill: &'static str,
    pub(super) anchor: Anchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
}

/// Estimated width of `text` in ems.
pub(super) fn width_em(text: &str, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_em).sum();
    if bold {
        em * 1.06
    } else {
        em
    }
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.3,
        '·' => 1.0,
        'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' => 0.85,
        'M' | 'W' => 0.95,
        c if c.is_ascii_uppercase() => 0.72,
        c if c.is_ascii() => 0.58,
        c if is_wide(c) => 1.0,
        _ => 0.65,
    }
}

/// CJK ideographs, kana, Hangul and full-width forms: one em.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// `text` in at most `max_lines` lines of `width` mm: at `preferred` size
/// on one line if it fits, shrunk on one line down to 80 % of it, then on
/// more lines, shrunk down to `min`, and at last squeezed.
pub(super) fn fit(
    text: &str,
    width: f64,
    preferred: f64,
    min: f64,
    max_lines: usize,
    bold: bool,
) -> Fitted {
    let text = text.trim();
    let one = width_em(text, bold);
    if one * preferred <= width {
        return Fitted::new(vec![text.to_owned()], preferred, false);
    }
    if one * preferred * 0.8 <= width || max_lines < 2 {
        let size = (width / one).max(min).min(preferred);
        return Fitted::new(vec![text.to_owned()], size, one * size > width);
    }
    let (first, second) = split_in_two(text, bold);
    let widest = width_em(&first, bold).max(width_em(&second, bold));
    let size = (width / widest).max(min).min(preferred);
    Fitted::new(vec![first, second], size, widest * size > width)
}

/// The break that makes the longer of two lines shortest: at a space, or
/// next to a wide character (CJK text has no spaces).
fn split_in_two(text: &str, bold: bool) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let mut best: Option<(f64, usize)> = None;
    for i in 1..chars.len() {
        let (before, after) = (chars[i - 1], chars[i]);
        let breakable = before == ' ' || after == ' ' || is_wide(before) || is_wide(after);
        if !breakable || is_closing(after) {
            continue;
        }
        let first: String = chars[..i].iter().collect();
        let second: String = chars[i..].iter().collect();
        let longer = width_em(first.trim(), bold).max(width_em(second.trim(), bold));
        if best.is_none_or(|(w, _)| longer < w) {
            best = Some((longer, i));
        }
    }
    match best {
        Some((_, i)) => (
            chars[..i].iter().collect::<String>().trim().to_owned(),
            chars[i..].iter().collect::<String>().trim().to_owned(),
        ),
        None => (text.to_owned(), String::new()),
    }
}

/// Punctuation a line must not start with.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '）' | ')' | '，' | '。' | '、' | '：' | '；' | '·' | '」' | '』'
    )
}

impl Fitted {
    fn new(lines: Vec<String>, size: f64, squeezed: bool) -> Fitted {
        let lines = lines.into_iter().filter(|l| !l.is_empty()).collect();
        Fitted {
            lines,
            size,
            squeezed,
        }
    }

    /// Height the lines take, in mm.
    pub(super) fn height(&self) -> f64 {
        self.lines.len() as f64 * self.size * LEADING
    }

    /// `<text>` elements, the first baseline one font size below `top`.
    /// `width` is the box's, for squeezing.
    pub(super) fn draw(&self, x: f64, top: f64, width: f64, style: Style) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            let baseline = top + self.size * (0.92 + i as f64 * LEADING);
            let anchor = match style.anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
            };
            let squeeze = if self.squeezed && width_em(line, style.bold) * self.size > width {
                format!(
                    r#" textLength="{}" lengthAdjust="spacingAndGlyphs""#,
                    mm(width)
                )
            } else {
                String::new()
            };
            out.push_str(&format!(
                r#"<text x="{}" y="{}" font-size="{}" font-family="{}" font-weight="{}" fill="{}" text-anchor="{anchor}" xml:lang="{}"{squeeze}>{}</text>"#,
                mm(x),
                mm(baseline),
                mm(self.size),
                font_family(style.lang),
                if style.bold { 700 } else { 400 },
                style.fill,
                style.lang.tag(),
                escape(line),
            ));
        }
        out
    }
}

/// System fonts only (no web fonts): the common CJK families of Linux,
/// macOS and Windows for the language's script, then the generic family.
pub(super) fn font_family(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
        Lang::ZhHant => "'Noto Sans CJK TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK SC', sans-serif",
        Lang::En => "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', sans-serif",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_keeps_its_size_on_one_line() {
        let fitted = fit("心内科", 80.0, 14.0, 7.0, 2, true);
        assert_eq!(fitted.lines, vec!["心内科"]);
        assert_eq!(fitted.size, 14.0);
        assert!(!fitted.squeezed);
    }

    #[test]
    fn a_long_name_breaks_into_two_balanced_lines() {
        let fitted = fit("心血管内科与介入治疗中心", 80.0, 14.0, 7.0, 2, true);
        assert_eq!(fitted.lines, vec!["心血管内科与", "介入治疗中心"]);
        assert!(fitted.size <= 14.0 && fitted.size * 6.0 * 1.06 <= 80.0 + 1e-9);
        let english = fit(
            "Department of Cardiology and Interventional Medicine",
            80.0,
            10.0,
            5.0,
            2,
            false,
        );
        assert_eq!(english.lines.len(), 2);
        assert!(english.lines[0].starts_with("Department of Cardiology"));
        for line in &english.lines {
            assert!(width_em(line, false) * english.size <= 80.0 + 1e-9);
        }
    }

    #[test]
    fn a_name_too_long_even_at_the_smallest_size_is_squeezed_to_the_box() {
        let name = "很".repeat(60);
        let fitted = fit(&name, 80.0, 14.0, 7.0, 2, false);
        assert_eq!(fitted.size, 7.0);
        assert!(fitted.squeezed);
        let svg = fitted.draw(0.0, 0.0, 80.0, style());
        assert_eq!(svg.matches(r#"textLength="80""#).count(), 2, "{svg}");
    }

    #[test]
    fn drawn_text_is_escaped_and_tagged_with_its_language() {
        let fitted = fit("<A&B>", 80.0, 10.0, 5.0, 1, false);
        let svg = fitted.draw(5.0, 10.0, 80.0, style());
        assert!(svg.contains(">&lt;A&amp;B&gt;</text>"), "{svg}");
        assert!(svg.contains(r#"xml:lang="zh-CN""#));
        assert!(svg.contains("'Noto Sans CJK SC'"));
    }

    fn style() -> Style {
        Style {
            lang: Lang::ZhCn,
            bold: false,
            fill: "#000",
            anchor: Anchor::Start,
        }
    }
}
