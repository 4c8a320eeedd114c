//! Escaping names for SVG and HTML: names come from the registry, which
//! staff edit, and must never become markup.

/// `text` as XML character data or an attribute value: `& < > " '`
/// escaped, line breaks and tabs folded into spaces, and the control
/// characters XML 1.0 forbids even escaped left out.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A length in millimetres, to a hundredth (the SVG's user unit is 1 mm).
pub(super) fn mm(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("<b>\"心\" & '内'\u{0}\u{7}\n科</b>"),
            "&lt;b&gt;&quot;心&quot; &amp; &#39;内&#39; 科&lt;/b&gt;"
        );
    }

    #[test]
    fn lengths_are_short() {
        assert_eq!(mm(105.0), "105");
        assert_eq!(mm(148.5), "148.5");
        assert_eq!(mm(2.0 / 3.0), "0.67");
        assert_eq!(mm(-0.001), "0");
    }
}
