//! The examples of docs/scoring.md §14–§17, and the aggregates.

use super::*;
use crate::instrument::VisitType;
use crate::report::{GroupBy, Period};
use crate::response::Channel;
use crate::tally::{RespondentRef, ResponseRow};

fn taxonomy() -> Taxonomy {
    Taxonomy::campaign_v1().expect("the lexicons compile")
}

fn themes(t: &Taxonomy, comment: &str) -> Vec<(String, &'static str)> {
    t.analyse(comment)
        .themes
        .iter()
        .map(|&(i, s)| (t.themes()[i].id.clone(), s.as_str()))
        .collect()
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|&(a, b)| (a.to_owned(), b)).collect()
}

#[test]
fn campaign_v1_has_twenty_themes_on_the_six_stages() {
    let t = taxonomy();
    assert_eq!(t.name(), "campaign-v1");
    assert_eq!(t.themes().len(), 20);
    let stages: std::collections::BTreeSet<_> = t.themes().iter().map(|x| x.stage).collect();
    assert_eq!(stages.len(), 6);
}

#[test]
fn the_examples_of_section_15() {
    let t = taxonomy();
    assert_eq!(themes(&t, "态度不好"), pairs(&[("attitude", "negative")]));
    assert_eq!(themes(&t, "护士不耐烦"), pairs(&[("attitude", "negative")]));
    assert_eq!(themes(&t, "没有等很久"), pairs(&[("waiting", "positive")]));
    assert_eq!(
        themes(&t, "医生很好，就是排队太久"),
        pairs(&[("waiting", "negative"), ("consultation", "positive")])
    );
    assert_eq!(
        themes(&t, "为什么做个CT要等一个星期？？？"),
        pairs(&[("waiting", "negative"), ("tests", "negative")])
    );
    assert_eq!(
        themes(&t, "服务态度还行"),
        pairs(&[("attitude", "positive")])
    );
    assert_eq!(themes(&t, "态度一般"), pairs(&[("attitude", "negative")]));
    assert_eq!(
        themes(&t, "建议多开几个缴费窗口"),
        pairs(&[("payment", "neutral")])
    );
}

#[test]
fn the_boundaries_of_section_14() {
    let t = taxonomy();
    assert!(themes(&t, "感谢医生护士的辛苦付出").is_empty());
    assert!(themes(&t, "挺好的").is_empty());
    assert!(themes(&t, "好像还行").is_empty());
    assert_eq!(
        themes(&t, "等了三个小时"),
        pairs(&[("waiting", "negative")])
    );
    assert_eq!(
        themes(&t, "药房排队太久"),
        pairs(&[("waiting", "negative")])
    );
    assert_eq!(
        themes(&t, "护士态度很好"),
        pairs(&[("attitude", "positive")])
    );
    assert_eq!(
        themes(&t, "晚上病房太吵"),
        pairs(&[("environment", "negative"), ("ward_care", "negative")])
    );
    assert_eq!(
        themes(&t, "停车费太贵"),
        pairs(&[("parking", "negative"), ("cost", "negative")])
    );
    // 120 is the ambulance only where the comment speaks of an emergency.
    assert_eq!(
        themes(&t, "挂号费120元，太贵了"),
        pairs(&[("cost", "negative")])
    );
    assert_eq!(
        themes(&t, "半夜打了120，救护车很快就到了"),
        pairs(&[("emergency_care", "positive")])
    );
    assert!(themes(&t, "5号楼").is_empty());
}

#[test]
fn zh_hant_full_width_and_english_read_alike() {
    let t = taxonomy();
    let expected = pairs(&[("waiting", "negative"), ("consultation", "positive")]);
    assert_eq!(themes(&t, "醫生很好，就是排隊太久"), expected);
    assert_eq!(themes(&t, "医生很好，就是排队太久！"), expected);
    assert_eq!(
        themes(&t, "The doctor was great but the queue took forever."),
        expected
    );
}

#[test]
fn masked_data_is_neither_shown_nor_read() {
    let t = taxonomy();
    let a = t.analyse("我的手机13812345678，急诊等了很久");
    assert_eq!(a.masked, "我的手机[手机号]，急诊等了很久");
    let ids: Vec<&str> = a
        .themes
        .iter()
        .map(|&(i, _)| t.themes()[i].id.as_str())
        .collect();
    assert_eq!(ids, vec!["waiting", "emergency_care"]);
}

fn row<'a>(hospital: &'a str, department: &'a str, at: &'a str) -> ResponseRow<'a> {
    ResponseRow {
        instrument: "pxs-core",
        instrument_version: 1,
        hospital,
        department,
        visit_type: VisitType::Outpatient,
        channel: Channel::Kiosk,
        submitted_at: at,
        answers: &[],
        respondent: RespondentRef::default(),
    }
}

fn options(group_by: Option<GroupBy>, suppress_below: u64) -> CommentOptions {
    CommentOptions {
        current: Period::parse("2025").expect("a year"),
        baseline: Some(Period::parse("2024").expect("a year")),
        group_by,
        suppress_below,
        filters: Default::default(),
    }
}

#[test]
fn aggregates_count_share_and_change_since_the_baseline() {
    let t = taxonomy();
    let mut tally = CommentTally::new(&t, options(None, 1));
    let comments = [
        ("2024-03-01T08:00:00Z", "排队太久"),
        ("2024-03-02T08:00:00Z", "挺好的"),
        ("2024-03-03T08:00:00Z", "挺好的"),
        ("2024-03-04T08:00:00Z", "挺好的"),
        ("2025-03-01T08:00:00Z", "排队太久"),
        ("2025-03-02T08:00:00Z", "等了很久"),
        ("2025-03-03T08:00:00Z", "没有等很久"),
        ("2025-03-04T08:00:00Z", "挺好的"),
        ("2025-03-05T08:00:00Z", ""),
        ("2023-03-05T08:00:00Z", "排队太久"),
    ];
    for (i, (at, comment)) in comments.iter().enumerate() {
        let id = format!("id{i}");
        tally
            .add(&t, &row("H001", "cardiology", at), &id, comment)
            .expect("valid timestamps");
    }
    let report = tally.report(&t);
    let all = report.groups[0].counts.as_ref().expect("shown");
    assert_eq!((all.n, all.n_comments), (5, 4));
    let waiting = all
        .themes
        .iter()
        .find(|x| x.id == "waiting")
        .expect("listed");
    assert_eq!(
        (waiting.mentions, waiting.positive, waiting.negative),
        (3, 1, 2)
    );
    assert_eq!(waiting.share, Some(0.75));
    // Complaints: 2 of 4 commenters now, 1 of 4 in the baseline.
    assert_eq!(waiting.negative_share_diff, Some(0.25));
    assert!(waiting.z.is_some() && waiting.p.is_some());
    // Under 3 mentions: counts only.
    let booking = all
        .themes
        .iter()
        .find(|x| x.id == "booking")
        .expect("listed");
    assert_eq!(
        (booking.mentions, booking.share, booking.z),
        (0, None, None)
    );
    assert_eq!(all.themes.len(), 20);
    assert_eq!(report.responses.len(), 4);
    assert_eq!(report.responses[0].id, "id4");
}

#[test]
fn suppressed_groups_show_neither_counts_nor_quotes() {
    let t = taxonomy();
    let mut tally = CommentTally::new(&t, options(Some(GroupBy::Department), 3));
    let rows = [
        ("cardiology", "排队太久"),
        ("cardiology", "排队太久"),
        ("cardiology", "排队太久"),
        ("surgery", "停车太难"),
        ("surgery", "停车太难"),
        ("surgery", "停车太难"),
        ("eye", "医生很好"),
    ];
    for (i, (dept, comment)) in rows.iter().enumerate() {
        let at = format!("2025-01-{:02}T08:00:00Z", i + 1);
        tally
            .add(&t, &row("H001", dept, &at), &format!("id{i}"), comment)
            .expect("valid");
    }
    let report = tally.report(&t);
    let keys: Vec<(&str, bool)> = report
        .groups
        .iter()
        .map(|g| (g.key.as_str(), g.suppressed))
        .collect();
    // eye (1) is below 3, and surgery (greater key of the tie) goes too (§12).
    assert_eq!(
        keys,
        vec![
            ("all", false),
            ("cardiology", false),
            ("eye", true),
            ("surgery", true)
        ]
    );
    assert!(report.groups[2].counts.is_none());
    let depts: Vec<&str> = report
        .responses
        .iter()
        .map(|r| r.department.as_str())
        .collect();
    assert_eq!(depts, vec!["cardiology"; 3]);
    let json = comments_to_json(&report);
    assert!(json.contains(r#"{"key":"eye","suppressed":true}"#));
    assert!(json.starts_with(r#"{"comment_method":{"taxonomy":"campaign-v1","version":1},"#));
}

#[test]
fn merged_pieces_give_the_whole() {
    let t = taxonomy();
    let comments = ["排队太久", "医生很好", "停车太难", "", "态度不好"];
    let mut whole = CommentTally::new(&t, options(Some(GroupBy::Hospital), 1));
    let mut a = CommentTally::new(&t, options(Some(GroupBy::Hospital), 1));
    let mut b = CommentTally::new(&t, options(Some(GroupBy::Hospital), 1));
    for (i, c) in comments.iter().enumerate() {
        let at = format!("2025-02-{:02}T08:00:00Z", 10 - i);
        let hospital = if i % 2 == 0 { "H001" } else { "H002" };
        let r = row(hospital, "", &at);
        let id = format!("id{i}");
        whole.add(&t, &r, &id, c).expect("valid");
        let piece = if i < 2 { &mut b } else { &mut a };
        piece.add(&t, &r, &id, c).expect("valid");
    }
    a.merge(b);
    assert_eq!(
        comments_to_json(&a.report(&t)),
        comments_to_json(&whole.report(&t))
    );
}

#[test]
fn responses_and_analysed_comments_count_as_add_does() {
    let t = taxonomy();
    let comments = ["排队太久", "", "医生很好，停车太难", "态度不好"];
    let mut whole = CommentTally::new(&t, options(Some(GroupBy::Hospital), 1));
    let mut split = CommentTally::new(&t, options(Some(GroupBy::Hospital), 1));
    for (i, c) in comments.iter().enumerate() {
        let at = format!("202{}-02-{:02}T08:00:00Z", 4 + i % 2, i + 1);
        let r = row(if i < 2 { "H001" } else { "H002" }, "", &at);
        let id = format!("id{i}");
        whole.add(&t, &r, &id, c).expect("valid");
        split.add_response(&r).expect("valid");
        if !c.is_empty() {
            split
                .add_analysed(&t, &r, &id, &t.analyse(c))
                .expect("valid");
        }
    }
    assert_eq!(
        comments_to_json(&split.report(&t)),
        comments_to_json(&whole.report(&t))
    );
}

#[test]
fn the_document_travels_in_bincode_and_json() {
    let t = taxonomy();
    let mut tally = CommentTally::new(&t, options(Some(GroupBy::Hospital), 2));
    for (i, c) in ["排队太久", "医生很好", "停车太难"].iter().enumerate() {
        let at = format!("2025-02-{:02}T08:00:00Z", i + 1);
        let hospital = if i == 0 { "H009" } else { "H001" };
        tally
            .add(&t, &row(hospital, "", &at), &format!("id{i}"), c)
            .expect("valid");
    }
    let report = tally.report(&t);
    let bytes = bincode::serialize(&report).expect("bincode");
    let back: CommentReport = bincode::deserialize(&bytes).expect("read back");
    assert_eq!(back, report);
    let json = comments_to_json(&report);
    let back: CommentReport = serde_json::from_str(&json).expect("JSON read back");
    assert_eq!(comments_to_json(&back), json);
}
