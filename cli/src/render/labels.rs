//! The words of the md and html reports, in the chosen language, and the
//! instrument's own texts for stages and items.

use scoring::instrument::Instrument;
use scoring::report::{GroupBy, Quadrant, Verdict};

use crate::args::Lang;

pub(crate) struct Words {
    pub(crate) title: &'static str,
    pub(crate) instrument: &'static str,
    pub(crate) period: &'static str,
    pub(crate) baseline: &'static str,
    pub(crate) none: &'static str,
    pub(crate) grouped_by: &'static str,
    pub(crate) case_mix: &'static str,
    pub(crate) case_mix_on: &'static str,
    pub(crate) case_mix_off: &'static str,
    pub(crate) suppression: &'static str,
    pub(crate) min_compare: &'static str,
    pub(crate) skipped_invalid: &'static str,
    pub(crate) filters: &'static str,
    pub(crate) all: &'static str,
    pub(crate) not_given: &'static str,
    pub(crate) responses: &'static str,
    pub(crate) suppressed: &'static str,
    pub(crate) index: &'static str,
    pub(crate) nps: &'static str,
    pub(crate) promoters: &'static str,
    pub(crate) detractors: &'static str,
    pub(crate) stages: &'static str,
    pub(crate) stage: &'static str,
    pub(crate) items: &'static str,
    pub(crate) item: &'static str,
    pub(crate) n: &'static str,
    pub(crate) n_na: &'static str,
    pub(crate) mean: &'static str,
    pub(crate) adjusted: &'static str,
    pub(crate) ci: &'static str,
    pub(crate) top_box: &'static str,
    pub(crate) satisfied: &'static str,
    pub(crate) alpha: &'static str,
    pub(crate) baseline_mean: &'static str,
    pub(crate) change: &'static str,
    pub(crate) change_ci: &'static str,
    pub(crate) q: &'static str,
    pub(crate) verdict: &'static str,
    pub(crate) drivers: &'static str,
    pub(crate) drivers_note: &'static str,
    pub(crate) r: &'static str,
    pub(crate) driver: &'static str,
    pub(crate) changes: &'static str,
    pub(crate) no_significant_change: &'static str,
    pub(crate) groups_overview: &'static str,
    pub(crate) scale_note: &'static str,
    pub(crate) chart_note: &'static str,
}

const ZH_CN: Words = Words {
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

const ZH_HANT: Words = Words {
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

const EN: Words = Words {
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

/// Words and instrument texts in one language.
pub(crate) struct Labels<'a> {
    pub(crate) instrument: &'a Instrument,
    pub(crate) lang: Lang,
    pub(crate) words: &'static Words,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(instrument: &'a Instrument, lang: Lang) -> Labels<'a> {
        let words = match lang {
            Lang::ZhCn => &ZH_CN,
            Lang::ZhHant => &ZH_HANT,
            Lang::En => &EN,
        };
        Labels {
            instrument,
            lang,
            words,
        }
    }

    /// An item's question in the chosen language (its id if it has none).
    pub(crate) fn item<'s>(&'s self, id: &'s str) -> &'s str {
        self.instrument
            .item(id)
            .and_then(|item| item.text.get(self.lang.tag()))
            .map_or(id, String::as_str)
    }

    /// A stage's title in the chosen language (its id if it has none).
    pub(crate) fn stage<'s>(&'s self, id: &'s str) -> &'s str {
        self.instrument
            .stage(id)
            .and_then(|stage| stage.title.get(self.lang.tag()))
            .map_or(id, String::as_str)
    }

    /// A group's name: `all`, a value of the grouping, or "not given" for
    /// the empty value (a response without a department).
    pub(crate) fn group_key<'k>(&self, key: &'k str) -> &'k str {
        match key {
            "all" => self.words.all,
            "" => self.words.not_given,
            key => key,
        }
    }

    pub(crate) fn group_by(&self, by: GroupBy) -> &'static str {
        let en = matches!(self.lang, Lang::En);
        let hant = matches!(self.lang, Lang::ZhHant);
        match by {
            GroupBy::Hospital if en => "hospital",
            GroupBy::Hospital if hant => "醫院",
            GroupBy::Hospital => "医院",
            GroupBy::Department if en => "department",
            GroupBy::Department => "科室",
            GroupBy::VisitType if en => "visit type",
            GroupBy::VisitType if hant => "就診類型",
            GroupBy::VisitType => "就诊类型",
            GroupBy::Channel if en => "channel",
            GroupBy::Channel if hant => "填寫管道",
            GroupBy::Channel => "填写渠道",
        }
    }

    pub(crate) fn verdict(&self, verdict: Verdict) -> &'static str {
        let (en, hant) = (
            matches!(self.lang, Lang::En),
            matches!(self.lang, Lang::ZhHant),
        );
        match verdict {
            Verdict::Improved if en => "improved",
            Verdict::Improved => "改善",
            Verdict::Declined if en => "declined",
            Verdict::Declined if hant => "下降",
            Verdict::Declined => "下降",
            Verdict::NoChange if en => "no change",
            Verdict::NoChange if hant => "無變化",
            Verdict::NoChange => "无变化",
            Verdict::Insufficient if en => "too few answers",
            Verdict::Insufficient if hant => "樣本不足",
            Verdict::Insufficient => "样本不足",
        }
    }

    pub(crate) fn quadrant(&self, quadrant: Quadrant) -> &'static str {
        let (en, hant) = (
            matches!(self.lang, Lang::En),
            matches!(self.lang, Lang::ZhHant),
        );
        match quadrant {
            Quadrant::FixFirst if en => "fix first",
            Quadrant::FixFirst if hant => "優先改進",
            Quadrant::FixFirst => "优先改进",
            Quadrant::KeepUp if en => "keep up",
            Quadrant::KeepUp if hant => "繼續保持",
            Quadrant::KeepUp => "继续保持",
            Quadrant::Secondary if en => "secondary",
            Quadrant::Secondary if hant => "次要",
            Quadrant::Secondary => "次要",
            Quadrant::Surplus if en => "surplus",
            Quadrant::Surplus if hant => "相對優勢",
            Quadrant::Surplus => "相对优势",
        }
    }
}
