//! The survey as a patient meets it, rendered in Chromium: every step,
//! accessible radio groups, the language switch, the outbox write before
//! the thank-you, drafts that survive a reload, and the kiosk reset.
#![cfg(target_arch = "wasm32")]

#[path = "survey_support/mod.rs"]
mod survey_support;

use app::services::outbox::Outbox;
use app::services::storage::{load_outbox, DRAFT};
use app::survey::entry::{parse_entry, Entry};
use app::survey::instrument_ref::InstrumentRef;
use app::survey::{Survey, SurveyProps};
use scoring::instrument::default_instrument;
use scoring::response::{Answer, Channel};
use survey_support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn entry(url: &str) -> Entry {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    parse_entry(path, query).0
}

async fn render(url: &str) -> (Element, yew::AppHandle<Survey>) {
    let root = mount_point();
    let props = SurveyProps {
        entry: entry(url),
        instrument: InstrumentRef::ready(default_instrument()),
        api_base: "/api/v1".into(),
    };
    let handle = yew::Renderer::<Survey>::with_root_and_props(root.clone(), props).render();
    // The frame comes first, the screen one task later.
    assert!(
        wait_for(2_000, || query(&root, "#main h1").is_some()).await,
        "the first screen is drawn"
    );
    settle().await;
    (root, handle)
}

/// Choose the option with `value` in the `n`-th question of the screen.
fn answer(root: &Element, n: usize, value: &str) {
    let questions = query_all(root, "main fieldset.question");
    let input = query(&questions[n], &format!("input[value=\"{value}\"]"))
        .unwrap_or_else(|| panic!("question {n} has no option {value}"));
    input.dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

/// Press "next" and wait for the next screen.
async fn next(root: &Element) {
    let before = (text(root, ".progress-text"), text(root, "main h1"));
    click(root, ".step-nav .button-primary");
    let moved = wait_for(2_000, || {
        (text(root, ".progress-text"), text(root, "main h1")) != before
    })
    .await;
    assert!(moved, "\"next\" did not leave {before:?}");
    settle().await;
}

#[wasm_bindgen_test]
async fn a_phone_survey_goes_through_every_step_into_the_outbox() {
    clear_storage();
    install_fake_server("down"); // keep the response on the device to look at it
    let (root, handle) = render("/s/H001?dept=cardiology&visit=outpatient&channel=phone").await;
    assert_eq!(text(&root, "main h1"), "就医感受调查");
    assert!(
        query(&root, ".progress-text").is_none(),
        "no progress before the start"
    );

    click(&root, ".button-big");
    settle().await;
    assert_eq!(text(&root, ".progress-text"), "第 1 步，共 7 步");
    assert_eq!(text(&root, "main h1"), "诊前：预约与就诊准备");
    answer(&root, 0, "5");
    answer(&root, 3, "na");
    settle().await;
    let draft = DRAFT
        .raw()
        .expect("the draft is saved as the patient answers");
    assert!(draft.contains("pre_visit.booking_ease"));

    for expected in ["第 2 步，共 7 步", "第 3 步，共 7 步", "第 4 步，共 7 步"] {
        next(&root).await;
        assert_eq!(text(&root, ".progress-text"), expected);
    }
    next(&root).await;
    assert_eq!(text(&root, "main h1"), "总体评价");
    answer(&root, 0, "9");
    answer(&root, 1, "10");
    next(&root).await;
    type_into(&root, "#comment", "挂号很快，\"医生\"很耐心");
    answer(&root, 0, "65-74"); // age band
    settle().await;
    assert_eq!(text(&root, "#comment-count"), "还可输入 1988 字");
    next(&root).await;
    assert_eq!(text(&root, "main h1"), "请检查您的回答");
    let review = text(&root, "main");
    assert!(review.contains("不适用") && review.contains("65–74岁") && review.contains("\"医生\""));

    click(&root, ".button-submit");
    settle().await;
    assert_eq!(text(&root, "main h1"), "感谢您的参与！");
    let outbox: Outbox = load_outbox();
    assert_eq!(outbox.pending.len(), 1, "written before the thank-you");
    let r = &outbox.pending[0];
    assert!(scoring::validate::is_uuid(&r.id));
    assert_eq!(
        (r.hospital.as_str(), r.department.as_str(), r.channel),
        ("H001", "cardiology", Channel::Phone)
    );
    assert_eq!(
        r.answers.get("pre_visit.booking_ease"),
        Some(&Answer::Value(5))
    );
    assert_eq!(
        r.answers.get("pre_visit.return_visit_online"),
        Some(&Answer::Na)
    );
    assert_eq!(r.answers.get("overall.recommend"), Some(&Answer::Value(10)));
    assert_eq!(r.answers.len(), 4);
    assert_eq!(r.respondent.age_band.as_deref(), Some("65-74"));
    assert_eq!(r.comment, "挂号很快，\"医生\"很耐心");
    assert_eq!(
        DRAFT.raw(),
        None,
        "the draft is gone once the response is safe"
    );
    assert!(text(&root, ".upload-status").contains("1 份答卷等待上传"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn questions_are_labelled_radio_groups_with_faces_and_words() {
    clear_storage();
    install_fake_server("store");
    let (root, handle) = render("/s/H001?visit=emergency&lang=en").await;
    click(&root, ".button-big");
    settle().await;
    let first = &query_all(&root, "main fieldset.question")[0];
    let legend = query(first, "legend").expect("a legend");
    let group = query(first, "[role=radiogroup]").expect("a radiogroup");
    assert_eq!(group.get_attribute("aria-labelledby"), Some(legend.id()));
    let radios = query_all(first, "input[type=radio]");
    let values: Vec<String> = radios
        .iter()
        .map(|r| r.clone().dyn_into::<HtmlInputElement>().unwrap().value())
        .collect();
    assert_eq!(values, ["1", "2", "3", "4", "5", "na"]); // emergency.ambulance allows n/a
    for radio in &radios {
        let label = query(&root, &format!("label[for=\"{}\"]", radio.id()))
            .expect("each radio has a label");
        assert!(!label.text_content().unwrap_or_default().trim().is_empty());
    }
    assert_eq!(
        query_all(first, "svg.face").len(),
        5,
        "a face for each point of the scale"
    );
    assert_eq!(
        text(first, "label[for$=\"-1\"] .option-label"),
        "Very dissatisfied"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_text_and_the_page_language() {
    clear_storage();
    install_fake_server("store");
    let (root, handle) = render("/s/H001?visit=inpatient").await;
    click(&root, ".lang-switch button[lang=en]");
    settle().await;
    assert_eq!(text(&root, "main h1"), "Patient experience survey");
    let html = gloo::utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    click(&root, ".button-big");
    settle().await;
    assert_eq!(text(&root, ".progress-text"), "Step 1 of 7");
    click(&root, ".lang-switch button[lang=zh-Hant]");
    settle().await;
    assert_eq!(text(&root, ".progress-text"), "第 1 步，共 7 步");
    assert_eq!(text(&root, "main h1"), "診前：預約與就診準備");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-Hant"));
    click(&root, ".chip-large-text");
    settle().await;
    assert!(html.class_list().contains("large-text"));
    click(&root, ".chip-large-text");
    settle().await;
    assert!(!html.class_list().contains("large-text"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_phone_draft_survives_a_reload_with_the_same_id() {
    clear_storage();
    install_fake_server("store");
    let (root, first) = render("/s/H002?visit=emergency&channel=phone").await;
    click(&root, ".button-big");
    settle().await;
    answer(&root, 2, "2");
    settle().await;
    next(&root).await;
    let saved_id = DRAFT
        .raw()
        .and_then(|d| d.split("\"id\":\"").nth(1).map(|s| s[..36].to_owned()));
    first.destroy();

    let (root, second) = render("/s/H002?visit=emergency&channel=phone").await;
    assert_eq!(
        text(&root, ".progress-text"),
        "第 2 步，共 6 步",
        "back where the patient was"
    );
    click(&root, ".step-nav .button-secondary");
    settle().await;
    let checked = query(&root, "input[name=\"emergency.triage\"]:checked")
        .map(|e| e.dyn_into::<HtmlInputElement>().unwrap().value());
    assert_eq!(checked.as_deref(), Some("2"));
    let id_now = DRAFT
        .raw()
        .and_then(|d| d.split("\"id\":\"").nth(1).map(|s| s[..36].to_owned()));
    assert_eq!(
        id_now, saved_id,
        "the response keeps the id it got at the start"
    );
    second.destroy();
}

#[wasm_bindgen_test]
async fn an_idle_kiosk_warns_then_resets_leaving_no_trace() {
    clear_storage();
    install_fake_server("store");
    let history_before = gloo::utils::window().history().unwrap().length().unwrap();
    let (root, handle) = render("/s/H001?kiosk=1&idle=3&lang=en").await;
    assert!(
        query(&root, ".button-attract").is_some(),
        "a kiosk rests on its attract screen"
    );
    click(&root, ".button-attract");
    settle().await;
    click(&root, ".visit-button");
    settle().await;
    answer(&root, 0, "1");
    settle().await;
    assert!(DRAFT.raw().is_some());

    assert!(
        wait_for(5_000, || query(&root, "[role=alertdialog]").is_some()).await,
        "a warning after 3 s idle"
    );
    assert!(text(&root, "[role=alertdialog]").contains("Are you still there?"));
    assert!(
        wait_for(5_000, || query(&root, ".button-attract").is_some()).await,
        "reset after the countdown"
    );
    settle().await;
    assert_eq!(DRAFT.raw(), None, "no draft left in storage");
    assert!(
        query(&root, "input:checked").is_none(),
        "no answer left on screen"
    );
    assert!(query(&root, "[role=alertdialog]").is_none());
    let history_after = gloo::utils::window().history().unwrap().length().unwrap();
    assert_eq!(
        history_after, history_before,
        "a kiosk adds no history entries"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn touching_the_warning_keeps_the_answers() {
    clear_storage();
    install_fake_server("store");
    let (root, handle) = render("/s/H001?kiosk=1&idle=3").await;
    click(&root, ".button-attract");
    settle().await;
    click(&root, ".visit-button");
    settle().await;
    answer(&root, 1, "4");
    assert!(wait_for(5_000, || query(&root, "[role=alertdialog]").is_some()).await);
    click(&root, "[role=alertdialog] button");
    settle().await;
    assert!(query(&root, "[role=alertdialog]").is_none());
    assert!(
        query(&root, "input:checked").is_some(),
        "the answers are still there"
    );
    handle.destroy();
}

/// Make `localStorage.setItem` fail for the outbox, as a full or disabled
/// storage would; returns a function that undoes it.
fn break_outbox_storage() -> js_sys::Function {
    js_sys::Function::new_no_args(
        r#"
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key === 'tiyan.outbox.v1') throw new DOMException('full', 'QuotaExceededError');
            return original.call(this, key, value);
        };
        return () => { Storage.prototype.setItem = original; };
        "#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("patched")
    .dyn_into()
    .expect("a function")
}

async fn to_review(root: &Element) {
    click(root, ".button-big");
    settle().await;
    while query(root, ".button-submit").is_none() {
        next(root).await;
    }
}

#[wasm_bindgen_test]
async fn when_the_device_cannot_keep_it_the_response_goes_straight_to_the_server() {
    clear_storage();
    install_fake_server("store");
    let restore = break_outbox_storage();
    let (root, handle) = render("/s/H003?visit=emergency&channel=web").await;
    to_review(&root).await;
    click(&root, ".button-submit");
    let thanked = wait_for(2_000, || text(&root, "main h1") == "感谢您的参与！").await;
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(thanked, "thanked once the server has it");
    assert_eq!(posted_batches().len(), 1);
    assert_eq!(stored_ids().len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn when_neither_device_nor_server_can_keep_it_the_patient_is_told_and_nothing_is_lost() {
    clear_storage();
    install_fake_server("down");
    let restore = break_outbox_storage();
    let (root, handle) = render("/s/H003?visit=emergency&channel=web").await;
    to_review(&root).await;
    click(&root, ".button-submit");
    let told = wait_for(2_000, || query(&root, "[role=alert]").is_some()).await;
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(told, "an alert says it was not saved");
    assert_eq!(
        text(&root, "main h1"),
        "请检查您的回答",
        "no thank-you without a safe copy"
    );
    assert!(DRAFT.raw().is_some(), "the answers are still in the draft");
    // Storage works again: submitting now keeps it and thanks.
    click(&root, ".button-submit");
    settle().await;
    assert_eq!(text(&root, "main h1"), "感谢您的参与！");
    assert_eq!(load_outbox().pending.len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn without_a_hospital_the_page_says_where_to_find_the_code() {
    clear_storage();
    let (root, handle) = render("/").await;
    assert_eq!(text(&root, "main h1"), "请扫描医院提供的二维码");
    assert!(query(&root, "button.visit-button").is_none());
    handle.destroy();
}
