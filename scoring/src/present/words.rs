//! The words of a report, in the three languages of the product: the
//! headings, column titles and enumeration names that the CLI's Markdown
//! and HTML reports and the dashboard both show, so a term reads the same
//! wherever a report is read. (Item and stage titles come from the
//! instrument; the dashboard's controls have their own words.)

use crate::lang::Lang;
use crate::report::{GroupBy, Quadrant, Verdict};

/// Every word of a report in one language.
pub struct ReportWords {
    pub title: &'static str,
    pub instrument: &'static str,
    pub period: &'static str,
    pub baseline: &'static str,
    pub none: &'static str,
    pub grouped_by: &'static str,
    pub case_mix: &'static str,
    pub case_mix_on: &'static str,
    pub case_mix_off: &'static str,
    pub suppression: &'static str,
    pub min_compare: &'static str,
    pub skipped_invalid: &'static str,
    pub filters: &'static str,
    pub all: &'static str,
    pub not_given: &'static str,
    pub responses: &'static str,
    pub suppressed: &'static str,
    pub index: &'static str,
    pub nps: &'static str,
    pub promoters: &'static str,
    pub detractors: &'static str,
    pub stages: &'static str,
    pub stage: &'static str,
    pub items: &'static str,
    pub item: &'static str,
    pub n: &'static str,
    pub n_na: &'static str,
    pub mean: &'static str,
    pub adjusted: &'static str,
    pub ci: &'static str,
    pub top_box: &'static str,
    pub satisfied: &'static str,
    pub alpha: &'static str,
    pub baseline_mean: &'static str,
    pub change: &'static str,
    pub change_ci: &'static str,
    pub q: &'static str,
    pub verdict: &'static str,
    pub drivers: &'static str,
    pub drivers_note: &'static str,
    pub r: &'static str,
    pub driver: &'static str,
    pub changes: &'static str,
    pub no_significant_change: &'static str,
    pub groups_overview: &'static str,
    pub scale_note: &'static str,
    pub chart_note: &'static str,
}

const ZH_CN: ReportWords = ReportWords {
    title: "患者就医体验评估报告",
    instrument: "问卷",
    period: "评估期",
    baseline: "基线期",
    none: "无",
    grouped_by: "分组",
    case_mix: "病例组合调整",
    case_mix_on: "已调整（按年龄段、文化程度、自评健康、填写人）",
    case_mix_off: "未调整",
    suppression: "样本量少于此数的组不显示",
    min_compare: "比较所需最少样本",
    skipped_invalid: "已排除的无效记录",
    filters: "范围",
    all: "全部",
    not_given: "（未填写）",
    responses: "份问卷",
    suppressed: "样本量不足，结果不予显示。",
    index: "就医体验指数",
    nps: "净推荐值（NPS）",
    promoters: "推荐者",
    detractors: "贬损者",
    stages: "各环节得分",
    stage: "环节",
    items: "各题得分",
    item: "题目",
    n: "样本量",
    n_na: "不适用",
    mean: "均分",
    adjusted: "调整后均分",
    ci: "95%置信区间",
    top_box: "非常满意",
    satisfied: "满意率",
    alpha: "信度α",
    baseline_mean: "基线均分",
    change: "变化",
    change_ci: "变化的95%置信区间",
    q: "q值",
    verdict: "结论",
    drivers: "优先改进项",
    drivers_note: "对总体评价影响大、得分低于中位数的题目（关键驱动因素分析）",
    r: "相关系数r",
    driver: "关键驱动",
    changes: "与基线相比的显著变化",
    no_significant_change: "没有显著变化。",
    groups_overview: "各组就医体验指数",
    scale_note: "得分为0–100分制：0 = 最差，100 = 最好。",
    chart_note: "横条为均分，细线为95%置信区间，◆为基线均分。",
};

const ZH_HANT: ReportWords = ReportWords {
    title: "患者就醫體驗評估報告",
    instrument: "問卷",
    period: "評估期",
    baseline: "基線期",
    none: "無",
    grouped_by: "分組",
    case_mix: "病例組合調整",
    case_mix_on: "已調整（按年齡段、教育程度、自評健康、填寫人）",
    case_mix_off: "未調整",
    suppression: "樣本量少於此數的組不顯示",
    min_compare: "比較所需最少樣本",
    skipped_invalid: "已排除的無效記錄",
    filters: "範圍",
    all: "全部",
    not_given: "（未填寫）",
    responses: "份問卷",
    suppressed: "樣本量不足，結果不予顯示。",
    index: "就醫體驗指數",
    nps: "淨推薦值（NPS）",
    promoters: "推薦者",
    detractors: "貶損者",
    stages: "各環節得分",
    stage: "環節",
    items: "各題得分",
    item: "題目",
    n: "樣本量",
    n_na: "不適用",
    mean: "均分",
    adjusted: "調整後均分",
    ci: "95%信賴區間",
    top_box: "非常滿意",
    satisfied: "滿意率",
    alpha: "信度α",
    baseline_mean: "基線均分",
    change: "變化",
    change_ci: "變化的95%信賴區間",
    q: "q值",
    verdict: "結論",
    drivers: "優先改進項",
    drivers_note: "對總體評價影響大、得分低於中位數的題目（關鍵驅動因素分析）",
    r: "相關係數r",
    driver: "關鍵驅動",
    changes: "與基線相比的顯著變化",
    no_significant_change: "沒有顯著變化。",
    groups_overview: "各組就醫體驗指數",
    scale_note: "得分為0–100分制：0 = 最差，100 = 最好。",
    chart_note: "橫條為均分，細線為95%信賴區間，◆為基線均分。",
};

const EN: ReportWords = ReportWords {
    title: "Patient experience report",
    instrument: "Instrument",
    period: "Period",
    baseline: "Baseline",
    none: "none",
    grouped_by: "Grouped by",
    case_mix: "Case-mix adjustment",
    case_mix_on: "applied (age band, education, self-rated health, who answered)",
    case_mix_off: "not applied",
    suppression: "Groups with fewer responses are suppressed",
    min_compare: "Minimum n for a comparison",
    skipped_invalid: "Invalid records left out",
    filters: "Restricted to",
    all: "All",
    not_given: "(not given)",
    responses: "responses",
    suppressed: "Too few responses: results are withheld.",
    index: "Experience index",
    nps: "Net promoter score (NPS)",
    promoters: "promoters",
    detractors: "detractors",
    stages: "Care stages",
    stage: "Stage",
    items: "Items",
    item: "Item",
    n: "n",
    n_na: "N/A",
    mean: "Mean",
    adjusted: "Adjusted mean",
    ci: "95% CI",
    top_box: "Top box",
    satisfied: "Satisfied",
    alpha: "Alpha",
    baseline_mean: "Baseline mean",
    change: "Change",
    change_ci: "95% CI of change",
    q: "q",
    verdict: "Verdict",
    drivers: "Fix first",
    drivers_note: "Items that matter most for the overall rating and score below the median (key driver analysis)",
    r: "r",
    driver: "Driver",
    changes: "Significant changes since the baseline",
    no_significant_change: "No significant change.",
    groups_overview: "Experience index by group",
    scale_note: "Scores are on a 0–100 scale: 0 = worst, 100 = best.",
    chart_note: "Bars are means, lines their 95% confidence intervals, ◆ the baseline mean.",
};

impl ReportWords {
    pub fn of(lang: Lang) -> &'static ReportWords {
        lang.choose(&ZH_CN, &ZH_HANT, &EN)
    }
}

/// The name of a grouping, as a report's summary writes it.
pub fn group_by(lang: Lang, by: GroupBy) -> &'static str {
    match by {
        GroupBy::Hospital => lang.choose("医院", "醫院", "hospital"),
        GroupBy::Department => lang.choose("科室", "科室", "department"),
        GroupBy::VisitType => lang.choose("就诊类型", "就診類型", "visit type"),
        GroupBy::Channel => lang.choose("填写渠道", "填寫管道", "channel"),
    }
}

/// A comparison's verdict (docs/scoring.md §5).
pub fn verdict(lang: Lang, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Improved => lang.choose("改善", "改善", "improved"),
        Verdict::Declined => lang.choose("下降", "下降", "declined"),
        Verdict::NoChange => lang.choose("无变化", "無變化", "no change"),
        Verdict::Insufficient => lang.choose("样本不足", "樣本不足", "too few answers"),
    }
}

/// A key-driver quadrant (docs/scoring.md §4).
pub fn quadrant(lang: Lang, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::FixFirst => lang.choose("优先改进", "優先改進", "fix first"),
        Quadrant::KeepUp => lang.choose("继续保持", "繼續保持", "keep up"),
        Quadrant::Secondary => lang.choose("次要", "次要", "secondary"),
        Quadrant::Surplus => lang.choose("相对优势", "相對優勢", "surplus"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No word is left empty in any language.
    #[test]
    fn every_language_has_the_headings() {
        for lang in Lang::ALL {
            let w = ReportWords::of(lang);
            for word in [
                w.title, w.index, w.nps, w.item, w.stage, w.n, w.ci, w.verdict,
            ] {
                assert!(!word.is_empty(), "{lang:?}");
            }
        }
        assert_eq!(ReportWords::of(Lang::En).index, "Experience index");
        assert_eq!(verdict(Lang::ZhHant, Verdict::NoChange), "無變化");
    }
}
