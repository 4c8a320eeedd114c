//! The words of a report, in the three languages of the product: the
//! headings, column titles and enumeration names that the CLI's Markdown
//! and HTML reports and the dashboard both show, so a term reads the same
//! wherever a report is read. (Item and stage titles come from the
//! instrument; the dashboard's controls have their own words.)

use crate::lang::Lang;
use crate::report::{Band, GroupBy, Quadrant, Reference, Rule, Side, UnitVerdict, Verdict};

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
    // Methodology version 2 (docs/scoring.md §10–§11).
    /// Section: the units of the grouping against each other (docs/scoring.md §10).
    pub units: &'static str,
    pub units_note: &'static str,
    pub unit: &'static str,
    pub measure: &'static str,
    pub too_few_units: &'static str,
    pub funnel: &'static str,
    pub funnel_note: &'static str,
    pub limits95: &'static str,
    pub limits998: &'static str,
    /// The respondent-weighted mean of the units' means (docs/scoring.md §10).
    pub target: &'static str,
    pub sigma: &'static str,
    pub tau2: &'static str,
    pub icc: &'static str,
    pub n_needed: &'static str,
    pub difference: &'static str,
    pub difference_ci: &'static str,
    pub z: &'static str,
    /// A unit's funnel band (docs/scoring.md §10.2).
    pub band: &'static str,
    /// A unit's verdict against the rest (docs/scoring.md §10.1).
    pub unit_verdict: &'static str,
    pub reliability: &'static str,
    pub reliable: &'static str,
    /// Responses a unit still needs to reach the reliability target.
    pub still_needed: &'static str,
    /// The note of a unit marked as below the reliability target (docs/scoring.md §10.3).
    pub below_target: &'static str,
    pub over_dispersed: &'static str,
    pub not_over_dispersed: &'static str,
    /// Section: XmR charts over the months (docs/scoring.md §11).
    pub control_charts: &'static str,
    pub xmr_note: &'static str,
    pub month: &'static str,
    pub monthly_mean: &'static str,
    pub centre: &'static str,
    pub upper_limit: &'static str,
    pub lower_limit: &'static str,
    pub signals: &'static str,
    pub no_signal: &'static str,
    pub rule: &'static str,
    pub side: &'static str,
    pub reference_baseline: &'static str,
    pub reference_all: &'static str,
    pub no_chart: &'static str,
    pub what_this_means: &'static str,
    /// Plain-language reading of the unit verdicts (docs/methodology.md §14).
    pub means_verdict: &'static str,
    /// Plain-language reading of the funnel plot (docs/methodology.md §15).
    pub means_funnel: &'static str,
    /// Plain-language reading of reliability (docs/methodology.md §16).
    pub means_reliability: &'static str,
    /// Plain-language reading of an XmR chart (docs/methodology.md §17).
    pub means_xmr: &'static str,
    /// The compact table of items against units (docs/scoring.md §10.2).
    pub items_by_unit: &'static str,
    pub items_by_unit_note: &'static str,
    /// The options of docs/scoring.md §13, in a report's summary.
    pub min_difference: &'static str,
    pub target_reliability: &'static str,
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
    top_box: "最佳选项占比",
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
    units: "各单位比较",
    units_note: "各单位按编号排列，不是排名：请看每个单位的分级与结论，而不是先后顺序。",
    unit: "单位",
    measure: "指标",
    too_few_units: "有至少2份答卷的单位少于3个，无法比较。",
    funnel: "漏斗图",
    funnel_note: "每个点是一个单位（横轴为样本量，纵轴为均分）；实线为总体目标值θ₀，虚线为95%界限，点线为99.8%界限。",
    limits95: "95%界限",
    limits998: "99.8%界限",
    target: "目标值θ₀",
    sigma: "单位内标准差σ",
    tau2: "单位间方差τ²",
    icc: "组内相关系数ICC",
    n_needed: "达到目标可靠度所需样本量",
    difference: "与其余单位之差",
    difference_ci: "差值的95%置信区间",
    z: "z值",
    band: "漏斗图分级",
    unit_verdict: "与其余单位相比",
    reliability: "可靠度",
    reliable: "可靠",
    still_needed: "尚需样本量",
    below_target: "可靠度低于目标值：请勿据此排名",
    over_dispersed: "过度离散：各单位之间的差异大于随机波动，界限已按单位间方差τ²放宽。",
    not_over_dispersed: "未见过度离散：界限只反映随机波动。",
    control_charts: "控制图",
    xmr_note: "折线为各月均分，实线为中心线，虚线为上、下控制限；标记的点属于信号。",
    month: "月份",
    monthly_mean: "月均分",
    centre: "中心线",
    upper_limit: "上控制限",
    lower_limit: "下控制限",
    signals: "信号",
    no_signal: "没有信号：各月的起伏属于正常波动。",
    rule: "判异规则",
    side: "方向",
    reference_baseline: "中心线和控制限依据基线期各月计算。",
    reference_all: "中心线和控制限依据全部月份计算。",
    no_chart: "月份不足（至少需要6个月、每月至少2份答卷），无法绘制控制图。",
    what_this_means: "这意味着什么",
    means_verdict: "“优于其余单位”是指：本单位患者的评价明显高于其他单位患者的整体评价——差距大到不能用偶然解释，且至少相差3分（满分100）。“无明显差异”并不等于“一般”，而是调查无法把本单位与其他单位区分开。“样本不足”是指本单位答卷太少，无法判断。",
    means_funnel: "漏斗图显示：在各单位调查人数不同的情况下，真正水平相当的单位之间会有多大的分数差异。落在漏斗内的单位“符合预期”，它与平均值的距离属于偶然和单位间正常差异所能产生的范围。高于漏斗上缘，说明得分高出这一范围，某些做法可能确实有效；低于下缘，说明可能有需要关注的问题。“明显优于”或“明显低于”（在外侧线之外）是强有力的证据。",
    means_reliability: "可靠度说明本单位得分与其他单位比较时有多可信。达到0.7及以上，看到的差异大部分是真实的；低于0.7，换一批患者调查，得分可能明显不同：请勿据此排名或奖惩。“尚需样本量”是本单位在该指标上还需要收集的有效问卷数。",
    means_xmr: "控制图按月显示得分，两条控制限由本单位自己过去各月的数据算出。在控制限之间上下起伏的点属于正常波动，不必为每个月的变化找原因。出现信号——某点超出控制限、连续7个月高于中心线、或连续7个月逐月上升——说明过程确实发生了变化，信号所列的月份说明从何时开始。改进项目之后出现向上的信号，是项目见效的证据。",
    items_by_unit: "各题目的单位比较",
    items_by_unit_note: "各题目在各单位的均分与漏斗图分级：▲▲ 明显优于预期，▲ 优于预期，▼ 低于预期，▼▼ 明显低于预期，无标记为符合预期；† 可靠度低于目标值。",
    min_difference: "判定优于或低于所需的最小差值",
    target_reliability: "目标可靠度",
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
    top_box: "最佳選項佔比",
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
    units: "各單位比較",
    units_note: "各單位按編號排列，不是排名：請看每個單位的分級與結論，而不是先後順序。",
    unit: "單位",
    measure: "指標",
    too_few_units: "有至少2份答卷的單位少於3個，無法比較。",
    funnel: "漏斗圖",
    funnel_note: "每個點是一個單位（橫軸為樣本量，縱軸為均分）；實線為總體目標值θ₀，虛線為95%界限，點線為99.8%界限。",
    limits95: "95%界限",
    limits998: "99.8%界限",
    target: "目標值θ₀",
    sigma: "單位內標準差σ",
    tau2: "單位間方差τ²",
    icc: "組內相關係數ICC",
    n_needed: "達到目標可靠度所需樣本量",
    difference: "與其餘單位之差",
    difference_ci: "差值的95%信賴區間",
    z: "z值",
    band: "漏斗圖分級",
    unit_verdict: "與其餘單位相比",
    reliability: "可靠度",
    reliable: "可靠",
    still_needed: "尚需樣本量",
    below_target: "可靠度低於目標值：請勿據此排名",
    over_dispersed: "過度離散：各單位之間的差異大於隨機波動，界限已按單位間方差τ²放寬。",
    not_over_dispersed: "未見過度離散：界限只反映隨機波動。",
    control_charts: "控制圖",
    xmr_note: "折線為各月均分，實線為中心線，虛線為上、下控制限；標記的點屬於信號。",
    month: "月份",
    monthly_mean: "月均分",
    centre: "中心線",
    upper_limit: "上控制限",
    lower_limit: "下控制限",
    signals: "信號",
    no_signal: "沒有信號：各月的起伏屬於正常波動。",
    rule: "判異規則",
    side: "方向",
    reference_baseline: "中心線和控制限依據基線期各月計算。",
    reference_all: "中心線和控制限依據全部月份計算。",
    no_chart: "月份不足（至少需要6個月、每月至少2份答卷），無法繪製控制圖。",
    what_this_means: "這意味著什麼",
    means_verdict: "「優於其餘單位」是指：本單位患者的評價明顯高於其他單位患者的整體評價——差距大到不能用偶然解釋，且至少相差3分（滿分100）。「無明顯差異」並不等於「一般」，而是調查無法把本單位與其他單位區分開。「樣本不足」是指本單位答卷太少，無法判斷。",
    means_funnel: "漏斗圖顯示：在各單位調查人數不同的情況下，真正水準相當的單位之間會有多大的分數差異。落在漏斗內的單位「符合預期」，它與平均值的距離屬於偶然和單位間正常差異所能產生的範圍。高於漏斗上緣，說明得分高出這一範圍，某些做法可能確實有效；低於下緣，說明可能有需要關注的問題。「明顯優於」或「明顯低於」（在外側線之外）是強有力的證據。",
    means_reliability: "可靠度說明本單位得分與其他單位比較時有多可信。達到0.7及以上，看到的差異大部分是真實的；低於0.7，換一批患者調查，得分可能明顯不同：請勿據此排名或獎懲。「尚需樣本量」是本單位在該指標上還需要收集的有效問卷數。",
    means_xmr: "控制圖按月顯示得分，兩條控制限由本單位自己過去各月的資料算出。在控制限之間上下起伏的點屬於正常波動，不必為每個月的變化找原因。出現信號——某點超出控制限、連續7個月高於中心線、或連續7個月逐月上升——說明過程確實發生了變化，信號所列的月份說明從何時開始。改進項目之後出現向上的信號，是項目見效的證據。",
    items_by_unit: "各題目的單位比較",
    items_by_unit_note: "各題目在各單位的均分與漏斗圖分級：▲▲ 明顯優於預期，▲ 優於預期，▼ 低於預期，▼▼ 明顯低於預期，無標記為符合預期；† 可靠度低於目標值。",
    min_difference: "判定優於或低於所需的最小差值",
    target_reliability: "目標可靠度",
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
    units: "Units compared",
    units_note: "Units are listed by key, not ranked: read each unit's band and verdict, not its place in the list.",
    unit: "Unit",
    measure: "Measure",
    too_few_units: "Fewer than 3 units with at least 2 answers: no comparison.",
    funnel: "Funnel plot",
    funnel_note: "Each point is a unit (across: its responses, up: its mean); the solid line is the target θ₀, dashed lines the 95% limits, dotted lines the 99.8% limits.",
    limits95: "95% limits",
    limits998: "99.8% limits",
    target: "Target θ₀",
    sigma: "Within-unit SD σ",
    tau2: "Between-unit variance τ²",
    icc: "ICC",
    n_needed: "Responses needed for the reliability target",
    difference: "Difference from the rest",
    difference_ci: "95% CI of the difference",
    z: "z",
    band: "Band",
    unit_verdict: "Against the rest",
    reliability: "Reliability",
    reliable: "Reliable",
    still_needed: "Responses still needed",
    below_target: "below the reliability target: do not rank",
    over_dispersed: "Over-dispersed: the units differ more than chance allows, so the limits are widened by the between-unit variance τ².",
    not_over_dispersed: "Not over-dispersed: the limits reflect chance alone.",
    control_charts: "Control charts",
    xmr_note: "The line joins the monthly means; the solid line is the centre, dashed lines the upper and lower limits; marked points belong to a signal.",
    month: "Month",
    monthly_mean: "Monthly mean",
    centre: "Centre",
    upper_limit: "Upper limit",
    lower_limit: "Lower limit",
    signals: "Signals",
    no_signal: "No signal: the ups and downs are the process's usual variation.",
    rule: "Rule",
    side: "Direction",
    reference_baseline: "The centre and limits come from the baseline months.",
    reference_all: "The centre and limits come from all months.",
    no_chart: "Too few months for a control chart (at least 6 months with 2 or more answers each).",
    what_this_means: "What this means",
    means_verdict: "“Better than the rest” means your patients rated this clearly higher than the patients of the other units together: the gap is too large to be luck, and at least 3 points out of 100. “No clear difference” does not mean “average”: the survey cannot tell your unit apart from the others. “Too few answers” means too few of your patients answered to judge.",
    means_funnel: "The funnel shows how far apart the scores of units that are really alike can fall, given how many patients each surveyed. A unit inside the funnel is “as expected”: its distance from the average is the kind that chance and ordinary differences between units produce. Above the upper edge, the score is higher than that explains: something you do is likely working. Below the lower edge, something likely needs attention. “Much better” or “much worse” (outside the outer lines) is strong evidence.",
    means_reliability: "Reliability says how far you can trust a comparison between this unit's score and another's. At 0.7 or more, most of the difference you see is real. Below 0.7, the score could move noticeably with another sample of patients: do not rank or reward on it. “Responses still needed” is how many more completed surveys the unit needs for this measure.",
    means_xmr: "The chart shows your score month by month between two limits calculated from your own past months. Points between the limits, going up and down, are normal: do not look for a cause in each month. A signal (a point outside the limits, seven months in a row above the centre line, or seven months each better than the last) means the process has really changed; the months listed with the signal tell you since when. A rising signal after an improvement project is evidence that it worked.",
    items_by_unit: "Items by unit",
    items_by_unit_note: "Each item's mean per unit, with its funnel band: ▲▲ much better than expected, ▲ better, ▼ worse, ▼▼ much worse, no mark as expected; † below the reliability target.",
    min_difference: "Smallest difference called better or worse",
    target_reliability: "Target reliability",
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

/// A unit's funnel band (docs/scoring.md §10.2), after the "expected
/// range" bands of England's CQC patient surveys.
pub fn band(lang: Lang, band: Band) -> &'static str {
    match band {
        Band::MuchBetter => {
            lang.choose("明显优于预期", "明顯優於預期", "much better than expected")
        }
        Band::Better => lang.choose("优于预期", "優於預期", "better than expected"),
        Band::AsExpected => lang.choose("符合预期", "符合預期", "as expected"),
        Band::Worse => lang.choose("低于预期", "低於預期", "worse than expected"),
        Band::MuchWorse => lang.choose("明显低于预期", "明顯低於預期", "much worse than expected"),
    }
}

/// A unit's verdict against the rest (docs/scoring.md §10.1). Worded apart
/// from the baseline verdicts of [`verdict`], which say how a group changed.
pub fn unit_verdict(lang: Lang, verdict: UnitVerdict) -> &'static str {
    match verdict {
        UnitVerdict::Better => lang.choose("优于其余单位", "優於其餘單位", "better than the rest"),
        UnitVerdict::Worse => lang.choose("低于其余单位", "低於其餘單位", "worse than the rest"),
        UnitVerdict::AsExpected => lang.choose("无明显差异", "無明顯差異", "no clear difference"),
        UnitVerdict::Insufficient => lang.choose("样本不足", "樣本不足", "too few answers"),
    }
}

/// An XmR signal rule (docs/scoring.md §11), as a legend names it.
pub fn rule(lang: Lang, rule: Rule) -> &'static str {
    match rule {
        Rule::Outside => lang.choose("超出控制限", "超出控制限", "point outside the limits"),
        Rule::Shift => lang.choose(
            "连续7点位于中心线同侧",
            "連續7點位於中心線同側",
            "7 points in a row on one side of the centre",
        ),
        Rule::Trend => lang.choose(
            "连续7点上升或下降",
            "連續7點上升或下降",
            "7 points in a row rising or falling",
        ),
        Rule::TwoOfThree => lang.choose(
            "3点中2点超出2σ",
            "3點中2點超出2σ",
            "2 of 3 points beyond 2σ",
        ),
    }
}

/// The side of a signal. Higher scores are better on every measure, so a
/// high signal is an improvement and a low one a deterioration.
pub fn side(lang: Lang, side: Side) -> &'static str {
    match side {
        Side::High => lang.choose("向上（改善）", "向上（改善）", "high (better)"),
        Side::Low => lang.choose("向下（变差）", "向下（變差）", "low (worse)"),
    }
}

/// A signal's rule and side in one phrase, for a list of signals.
pub fn signal(lang: Lang, rule: Rule, side: Side) -> &'static str {
    match (rule, side) {
        (Rule::Outside, Side::High) => {
            lang.choose("高于上控制限", "高於上控制限", "above the upper limit")
        }
        (Rule::Outside, Side::Low) => {
            lang.choose("低于下控制限", "低於下控制限", "below the lower limit")
        }
        (Rule::Shift, Side::High) => lang.choose(
            "连续7点以上高于中心线",
            "連續7點以上高於中心線",
            "7 or more points in a row above the centre",
        ),
        (Rule::Shift, Side::Low) => lang.choose(
            "连续7点以上低于中心线",
            "連續7點以上低於中心線",
            "7 or more points in a row below the centre",
        ),
        (Rule::Trend, Side::High) => lang.choose(
            "连续7点以上逐点上升",
            "連續7點以上逐點上升",
            "7 or more points in a row each higher than the last",
        ),
        (Rule::Trend, Side::Low) => lang.choose(
            "连续7点以上逐点下降",
            "連續7點以上逐點下降",
            "7 or more points in a row each lower than the last",
        ),
        (Rule::TwoOfThree, Side::High) => lang.choose(
            "3点中2点高于中心线+2σ",
            "3點中2點高於中心線+2σ",
            "2 of 3 points above the centre + 2σ",
        ),
        (Rule::TwoOfThree, Side::Low) => lang.choose(
            "3点中2点低于中心线−2σ",
            "3點中2點低於中心線−2σ",
            "2 of 3 points below the centre − 2σ",
        ),
    }
}

/// Where an XmR chart's centre and limits come from (docs/scoring.md §11).
pub fn reference(lang: Lang, reference: Reference) -> &'static str {
    let w = ReportWords::of(lang);
    match reference {
        Reference::Baseline => w.reference_baseline,
        Reference::All => w.reference_all,
    }
}

/// Yes or no, as a table cell.
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    if yes {
        lang.choose("是", "是", "yes")
    } else {
        lang.choose("否", "否", "no")
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
    /// Every version 2 word is there in each language, and the unit
    /// verdicts never read like the baseline verdicts.
    #[test]
    fn every_language_has_the_version_2_words() {
        let bands = [
            Band::MuchBetter,
            Band::Better,
            Band::AsExpected,
            Band::Worse,
            Band::MuchWorse,
        ];
        let unit_verdicts = [
            UnitVerdict::Better,
            UnitVerdict::Worse,
            UnitVerdict::AsExpected,
            UnitVerdict::Insufficient,
        ];
        let rules = [Rule::Outside, Rule::Shift, Rule::Trend, Rule::TwoOfThree];
        for lang in Lang::ALL {
            let w = ReportWords::of(lang);
            for word in [
                w.units,
                w.funnel,
                w.control_charts,
                w.band,
                w.unit_verdict,
                w.reliability,
                w.still_needed,
                w.below_target,
                w.what_this_means,
                w.means_verdict,
                w.means_funnel,
                w.means_reliability,
                w.means_xmr,
            ] {
                assert!(!word.is_empty(), "{lang:?}");
            }
            let mut names: Vec<&str> = bands.iter().map(|&b| band(lang, b)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), bands.len(), "{lang:?}: two bands share a name");
            for v in unit_verdicts {
                let name = unit_verdict(lang, v);
                for old in [Verdict::Improved, Verdict::Declined, Verdict::NoChange] {
                    assert_ne!(name, verdict(lang, old), "{lang:?}");
                }
            }
            let mut phrases: Vec<&str> = rules
                .iter()
                .flat_map(|&r| [signal(lang, r, Side::High), signal(lang, r, Side::Low)])
                .collect();
            phrases.sort_unstable();
            phrases.dedup();
            assert_eq!(phrases.len(), 2 * rules.len(), "{lang:?}");
        }
        assert_eq!(band(Lang::ZhCn, Band::MuchBetter), "明显优于预期");
        assert_eq!(rule(Lang::ZhCn, Rule::Outside), "超出控制限");
        assert_eq!(rule(Lang::ZhHant, Rule::TwoOfThree), "3點中2點超出2σ");
        assert_eq!(ReportWords::of(Lang::ZhCn).funnel, "漏斗图");
    }
}
