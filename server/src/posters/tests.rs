use scoring::instrument::VisitType;
use scoring::lang::Lang;

use super::*;

const URL: &str = "https://tiyan.example.cn/s/H001?dept=cardiology&visit=outpatient&channel=phone";

fn names(zh_cn: &str, zh_hant: &str, en: &str) -> Names {
    Names {
        zh_cn: zh_cn.into(),
        zh_hant: zh_hant.into(),
        en: en.into(),
    }
}

fn poster() -> Poster {
    Poster {
        url: URL.into(),
        hospital_code: "H001".into(),
        hospital: names(
            "市第一人民医院",
            "市第一人民醫院",
            "First People's Hospital",
        ),
        department_code: "cardiology".into(),
        department: names("心内科", "心內科", "Cardiology"),
        visit: VisitType::Outpatient,
    }
}

/// The sheet parses as SVG (usvg, the renderer of the decode test).
fn parses(svg: &str) {
    resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("not valid SVG: {e}\n{svg}"));
}

#[test]
fn a_sheet_is_an_a4_svg_with_names_instruction_and_both_qr_codes() {
    let svg = sheet_svg(&poster()).unwrap();
    parses(&svg);
    assert!(svg.starts_with(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297""#
    ));
    for text in [
        ">市第一人民医院<",
        ">心内科<",
        ">心內科<",
        ">Cardiology<",
        ">扫码评价<",
        ">匿名 · 约 2 分钟<",
        ">掃碼評價 · 匿名 · 約 2 分鐘<",
        "门诊 · 門診 · Outpatient",
        "First People&#39;s Hospital",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    // The wall poster's code and the tent's two faces.
    assert_eq!(svg.matches("<svg").count(), 1 + 3);
    assert!(!svg.contains("<?xml"));
    assert!(!svg.contains("@import") && !svg.contains("url("));
}

#[test]
fn names_are_escaped_and_long_names_stay_on_the_paper() {
    let mut poster = poster();
    poster.hospital = names(
        "<script>alert(1)</script>&\"医院\"",
        "",
        "The Second Affiliated Hospital of the University of Traditional Chinese Medicine & Pharmacology",
    );
    poster.department = names(&"很长的科室名称".repeat(8), "", "");
    let svg = sheet_svg(&poster).unwrap();
    parses(&svg);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;医院&quot;"));
    assert!(
        svg.contains("lengthAdjust=\"spacingAndGlyphs\""),
        "the longest name is squeezed"
    );
    // Every baseline stays inside its half of the sheet.
    for y in attribute_values(&svg, "<text x=\"", " y=\"") {
        assert!((0.0..=297.0).contains(&y), "text at y = {y}");
    }
}

#[test]
fn the_sheet_speaks_the_hospitals_languages_only() {
    let mut poster = poster();
    poster.hospital = names("县医院", "", "");
    poster.department = names("急诊科", "急診科", "Emergency Department");
    poster.visit = VisitType::Emergency;
    assert_eq!(poster.languages(), vec![Lang::ZhCn]);
    let svg = sheet_svg(&poster).unwrap();
    assert!(svg.contains(">急诊科<") && svg.contains(">急诊<"));
    assert!(!svg.contains("Emergency") && !svg.contains("掃碼") && !svg.contains("Scan"));

    poster.hospital = names("", "", "");
    assert_eq!(poster.languages(), vec![Lang::ZhCn]);
    assert!(
        sheet_svg(&poster).unwrap().contains(">H001<"),
        "the code stands in for no name"
    );
}

#[test]
fn the_print_page_puts_each_sheet_on_its_own_a4_page() {
    let mut second = poster();
    second.department_code = "er".into();
    second.department = names("急诊科", "急診科", "Emergency");
    let html = print_page(&[poster(), second]).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("@page { size: A4; margin: 0; }"));
    assert!(
        html.contains("缩放 100%"),
        "the screen tells staff how to print"
    );
    assert_eq!(html.matches("<section class=\"sheet\">").count(), 2);
    assert!(html.contains(">心内科<") && html.contains(">急诊科<"));
    assert!(!html.contains("<script") && !html.contains("<link"));
}

/// The numbers after each `key` that follows `prefix` in `svg`.
fn attribute_values(svg: &str, prefix: &str, key: &str) -> Vec<f64> {
    svg.split(prefix)
        .skip(1)
        .filter_map(|rest| rest.split_once(key))
        .filter_map(|(_, value)| value.split('"').next()?.parse().ok())
        .collect()
}
