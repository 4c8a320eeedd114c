//! Masking personal data in a comment (docs/scoring.md §16), before it is
//! shown, exported by the comment analysis or counted.
//!
//! The patterns are read on the comment's characters after NFKC, one
//! character for one (`normalise::for_masking`), so full-width digits
//! count and a masked span maps back onto the comment as written. The
//! mask keeps the kind, in the comment's script: Chinese masks where the
//! comment has Han characters, English ones otherwise.

use super::normalise::for_masking;

/// What a masked span held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaskKind {
    Mobile,
    IdNumber,
    Landline,
    Email,
    Record,
}

impl MaskKind {
    fn text(self, chinese: bool) -> &'static str {
        match (self, chinese) {
            (MaskKind::Mobile, true) => "[手机号]",
            (MaskKind::IdNumber, true) => "[身份证号]",
            (MaskKind::Landline, true) => "[电话]",
            (MaskKind::Email, true) => "[邮箱]",
            (MaskKind::Record, true) => "[病案号]",
            (MaskKind::Mobile | MaskKind::Landline, false) => "[phone]",
            (MaskKind::IdNumber, false) => "[ID]",
            (MaskKind::Email, false) => "[email]",
            (MaskKind::Record, false) => "[record]",
        }
    }
}

/// A masked span, in characters of the comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: MaskKind,
}

/// The words after which a record, admission or card number follows
/// (zh-CN and zh-Hant).
const RECORD_WORDS: [&str; 11] = [
    "病案号",
    "病历号",
    "住院号",
    "门诊号",
    "卡号",
    "病歷號",
    "病曆號",
    "住院號",
    "門診號",
    "卡號",
    "病案號",
];

/// The comment with every personal-data span replaced by its mask, and
/// the spans (for the analysis, which must not read them).
pub(crate) fn mask(comment: &str) -> (String, Vec<Span>) {
    let original: Vec<char> = comment.chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| for_masking(c)).collect();
    let mut spans = Vec::new();
    emails(&folded, &mut spans);
    records(&folded, &mut spans);
    numbers(&folded, &mut spans);
    spans.sort_by_key(|s| s.start);
    if spans.is_empty() {
        return (comment.to_owned(), spans);
    }
    let chinese = original.iter().any(|&c| is_han(c));
    let mut out = String::with_capacity(comment.len() + 8);
    let mut at = 0;
    for span in &spans {
        out.extend(&original[at..span.start]);
        out.push_str(span.kind.text(chinese));
        at = span.end;
    }
    out.extend(&original[at..]);
    (out, spans)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

fn taken(spans: &[Span], i: usize) -> bool {
    spans.iter().any(|s| s.start <= i && i < s.end)
}

fn emails(text: &[char], spans: &mut Vec<Span>) {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    for (at, _) in text.iter().enumerate().filter(|(_, &c)| c == '@') {
        let mut start = at;
        while start > 0 && local(text[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < text.len() && domain(text[end]) {
            end += 1;
        }
        while end > at + 1 && text[end - 1] == '.' {
            end -= 1;
        }
        let host: String = text[at + 1..end].iter().collect();
        let tld_ok = host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
        if start < at && tld_ok && !taken(spans, start) {
            spans.push(Span {
                start,
                end,
                kind: MaskKind::Email,
            });
        }
    }
}

fn records(text: &[char], spans: &mut Vec<Span>) {
    for word in RECORD_WORDS {
        let word: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i + word.len() <= text.len() {
            if text[i..i + word.len()] != word[..] {
                i += 1;
                continue;
            }
            let mut j = i + word.len();
            // `病案号：`, `卡号是 `, `住院号#`: a few joining characters.
            let mut joins = 0;
            while j < text.len()
                && joins < 3
                && (text[j].is_whitespace() || ":#是为為".contains(text[j]))
            {
                j += 1;
                joins += 1;
            }
            let start = j;
            while j < text.len() && (text[j].is_ascii_alphanumeric() || text[j] == '-') {
                j += 1;
            }
            let number = &text[start..j];
            if number.iter().any(char::is_ascii_digit) && !taken(spans, start) {
                spans.push(Span {
                    start,
                    end: j,
                    kind: MaskKind::Record,
                });
            }
            i = j.max(i + 1);
        }
    }
}

/// Digit groups joined by single spaces or dashes (`138 1234 5678`,
/// `0563-2345678`, `+86 138…`): each run of groups is read whole, from
/// the first group that starts a pattern.
fn numbers(text: &[char], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < text.len() {
        let starts_run = text[i].is_ascii_digit()
            && (i == 0 || !text[i - 1].is_ascii_alphanumeric())
            && !taken(spans, i);
        if !starts_run {
            i += 1;
            continue;
        }
        let plus = i > 0 && text[i - 1] == '+';
        // The groups: (start, end) of each digit run.
        let mut groups = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < text.len() && text[j].is_ascii_digit() {
                j += 1;
            }
            groups.push((start, j));
            let joined = j + 1 < text.len()
                && (text[j] == ' ' || text[j] == '-')
                && text[j + 1].is_ascii_digit();
            if !joined {
                break;
            }
            j += 1;
        }
        let run_end = groups.last().map_or(i, |g| g.1);
        let mut next = run_end;
        'from: for a in 0..groups.len() {
            for b in (a..groups.len()).rev() {
                let digits: String = groups[a..=b]
                    .iter()
                    .flat_map(|&(s, e)| text[s..e].iter())
                    .collect();
                let end = groups[b].1;
                let x_after = end < text.len()
                    && (text[end] == 'x' || text[end] == 'X')
                    && text.get(end + 1).is_none_or(|c| !c.is_ascii_alphanumeric());
                let followed_by_letter = end < text.len() && text[end].is_ascii_alphabetic();
                let start = if a == 0 && plus {
                    groups[a].0 - 1
                } else {
                    groups[a].0
                };
                if let Some((kind, extra)) = classify(&digits, x_after) {
                    if followed_by_letter && extra == 0 {
                        continue;
                    }
                    spans.push(Span {
                        start,
                        end: end + extra,
                        kind,
                    });
                    if b + 1 < groups.len() {
                        next = groups[b + 1].0;
                    } else {
                        next = end + extra;
                    }
                    break 'from;
                }
            }
        }
        i = next.max(i + 1);
    }
}

/// The kind of a number of §16, and how many characters after the digits
/// belong to it (the `X` of an ID number).
fn classify(digits: &str, x_after: bool) -> Option<(MaskKind, usize)> {
    let d = digits.as_bytes();
    let mobile = |d: &[u8]| d.len() == 11 && d[0] == b'1' && (b'3'..=b'9').contains(&d[1]);
    if mobile(d) || (d.len() == 13 && d.starts_with(b"86") && mobile(&d[2..])) {
        return Some((MaskKind::Mobile, 0));
    }
    if d.len() == 17 && x_after {
        return Some((MaskKind::IdNumber, 1));
    }
    if d.len() == 18 || d.len() == 15 {
        return Some((MaskKind::IdNumber, 0));
    }
    // Area code 0 + 2 or 3 digits, then 7 or 8 digits.
    if (10..=12).contains(&d.len()) && d[0] == b'0' && d[1] != b'0' {
        return Some((MaskKind::Landline, 0));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        mask(s).0
    }

    #[test]
    fn every_pattern_of_section_16_is_masked() {
        assert_eq!(masked("我的电话13812345678"), "我的电话[手机号]");
        assert_eq!(masked("打 +86 138 1234 5678 找我"), "打 [手机号] 找我");
        assert_eq!(masked("手机：１３９－１２３４－５６７８"), "手机：[手机号]");
        assert_eq!(masked("身份证34010219800101123X"), "身份证[身份证号]");
        assert_eq!(masked("身份证340102198001011234。"), "身份证[身份证号]。");
        assert_eq!(masked("旧证340102800101123"), "旧证[身份证号]");
        assert_eq!(masked("科室电话0563-2345678"), "科室电话[电话]");
        assert_eq!(masked("call 010-12345678 please"), "call [phone] please");
        assert_eq!(masked("邮箱 wang.li@example.com。"), "邮箱 [邮箱]。");
        assert_eq!(masked("病案号：A123456"), "病案号：[病案号]");
        assert_eq!(
            masked("住院號 20240012，門診號88812"),
            "住院號 [病案号]，門診號[病案号]"
        );
        assert_eq!(masked("email me at a.b@mail.cn"), "email me at [email]");
    }

    #[test]
    fn ordinary_numbers_stay() {
        for s in [
            "等了3个小时",
            "打了120才来",
            "2024年5月3日",
            "5楼的厕所",
            "5号楼",
            "发烧38度",
            "挂号费120元",
            "花了1,200元",
            "9:30到11:45",
            "2024-05-03复查",
            "住了12天",
            "床号12",
        ] {
            assert_eq!(masked(s), s);
        }
    }
}
