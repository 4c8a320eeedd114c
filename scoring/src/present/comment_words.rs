//! The words of the comment analysis (docs/formats.md §8) in the three
//! languages: what `tiyan comments --format md|html|csv` and the
//! dashboard's comments view both show. Theme names come from the
//! taxonomy (`scoring/data/campaign-v1/themes.json`).

use crate::comments::Sentiment;
use crate::lang::Lang;

/// Every word of the comment analysis in one language.
pub struct CommentWords {
    pub title: &'static str,
    pub method: &'static str,
    /// `{c}` comments from `{n}` responses.
    pub count_line: &'static str,
    pub theme: &'static str,
    pub stage: &'static str,
    pub mentions: &'static str,
    pub share: &'static str,
    pub complaint_change: &'static str,
    pub p: &'static str,
    pub quotes: &'static str,
    pub no_quotes: &'static str,
    pub few_mentions: &'static str,
    pub masking_note: &'static str,
    pub top_complaints: &'static str,
    pub none_found: &'static str,
}

const ZH_CN: CommentWords = CommentWords {
    title: "患者留言分析",
    method: "分析方法",
    count_line: "{n} 份问卷中有 {c} 条留言",
    theme: "主题",
    stage: "就医环节",
    mentions: "提及",
    share: "占留言",
    complaint_change: "批评占比变化",
    p: "p 值",
    quotes: "留言原文（已脱敏）",
    no_quotes: "本期没有留言。",
    few_mentions: "提及不足 3 条的主题只列计数。",
    masking_note: "手机号、身份证号、电话、邮箱和病案号在显示前已替换为标记。",
    top_complaints: "批评最多的主题",
    none_found: "无",
};

const ZH_HANT: CommentWords = CommentWords {
    title: "患者留言分析",
    method: "分析方法",
    count_line: "{n} 份問卷中有 {c} 則留言",
    theme: "主題",
    stage: "就醫環節",
    mentions: "提及",
    share: "佔留言",
    complaint_change: "批評佔比變化",
    p: "p 值",
    quotes: "留言原文（已去識別）",
    no_quotes: "本期沒有留言。",
    few_mentions: "提及不足 3 條的主題只列計數。",
    masking_note: "手機號、身分證號、電話、電郵和病歷號在顯示前已替換為標記。",
    top_complaints: "批評最多的主題",
    none_found: "無",
};

const EN: CommentWords = CommentWords {
    title: "What patients write",
    method: "Method",
    count_line: "{c} comments from {n} responses",
    theme: "Theme",
    stage: "Care stage",
    mentions: "Mentions",
    share: "Share of comments",
    complaint_change: "Change in complaint share",
    p: "p",
    quotes: "Comments (personal data masked)",
    no_quotes: "No comments in this period.",
    few_mentions: "Themes with fewer than 3 mentions show counts only.",
    masking_note:
        "Mobile, ID, phone, e-mail and record numbers are replaced by a mask before display.",
    top_complaints: "Most complained-of themes",
    none_found: "none",
};

impl CommentWords {
    pub fn of(lang: Lang) -> &'static CommentWords {
        match lang {
            Lang::ZhCn => &ZH_CN,
            Lang::ZhHant => &ZH_HANT,
            Lang::En => &EN,
        }
    }

    /// "607 comments from 1,498 responses", numbers already formatted.
    pub fn counts(&self, comments: &str, responses: &str) -> String {
        self.count_line
            .replace("{c}", comments)
            .replace("{n}", responses)
    }
}

/// A theme's sentiment as a reader calls it.
pub fn sentiment(lang: Lang, s: Sentiment) -> &'static str {
    match (lang, s) {
        (Lang::ZhCn, Sentiment::Positive) => "表扬",
        (Lang::ZhCn, Sentiment::Negative) => "批评",
        (Lang::ZhCn, Sentiment::Mixed) => "褒贬不一",
        (Lang::ZhCn, Sentiment::Neutral) => "中性",
        (Lang::ZhHant, Sentiment::Positive) => "表揚",
        (Lang::ZhHant, Sentiment::Negative) => "批評",
        (Lang::ZhHant, Sentiment::Mixed) => "褒貶不一",
        (Lang::ZhHant, Sentiment::Neutral) => "中性",
        (Lang::En, Sentiment::Positive) => "praise",
        (Lang::En, Sentiment::Negative) => "complaint",
        (Lang::En, Sentiment::Mixed) => "mixed",
        (Lang::En, Sentiment::Neutral) => "neutral",
    }
}
