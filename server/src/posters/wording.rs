//! The poster's fixed words in the product's three languages: what a
//! patient reads (large print) and what staff read (how to cut and fold).

use scoring::instrument::VisitType;
use scoring::lang::Lang;

/// The large-print call to action, in two parts: the headline and the
/// reassurance (docs/formats.md §7: 扫码评价 · 匿名 · 约 2 分钟).
pub(super) fn scan_to_rate(lang: Lang) -> &'static str {
    lang.choose("扫码评价", "掃碼評價", "Scan to rate your visit")
}

pub(super) fn anonymous_two_minutes(lang: Lang) -> &'static str {
    lang.choose(
        "匿名 · 约 2 分钟",
        "匿名 · 約 2 分鐘",
        "Anonymous · about 2 minutes",
    )
}

/// The whole instruction on one line, for the smaller languages.
pub(super) fn instruction(lang: Lang) -> String {
    format!("{} · {}", scan_to_rate(lang), anonymous_two_minutes(lang))
}

pub(super) fn visit(lang: Lang, visit: VisitType) -> &'static str {
    match visit {
        VisitType::Outpatient => lang.choose("门诊", "門診", "Outpatient"),
        VisitType::Emergency => lang.choose("急诊", "急診", "Emergency"),
        VisitType::Inpatient => lang.choose("住院", "住院", "Inpatient"),
    }
}

/// Beside the printed URL, for a phone that cannot scan.
pub(super) fn or_open(lang: Lang) -> &'static str {
    lang.choose(
        "无法扫码？请打开：",
        "無法掃碼？請開啟：",
        "Cannot scan? Open: ",
    )
}

/// Along the cut line, for staff.
pub(super) fn cut_and_fold(lang: Lang) -> &'static str {
    lang.choose(
        "沿虚线剪下，沿中间折线对折，立于桌面",
        "沿虛線剪下，沿中間摺線對摺，立於桌面",
        "Cut along the dashed line, fold at the middle line, stand on a desk",
    )
}
