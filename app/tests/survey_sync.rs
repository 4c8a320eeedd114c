//! The sync loop against a fake tiyan-server inside the page: batches,
//! retries with backoff while the server is down, exactly-once delivery,
//! conflicts kept aside.
#![cfg(target_arch = "wasm32")]

#[path = "survey_support/mod.rs"]
mod survey_support;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use app::services::outbox::{Backoff, SyncPolicy};
use app::services::storage::{
    add_to_outbox, keep_contact, load_contacts, load_outbox, CONTACTS, OUTBOX,
};
use app::services::sync::{OutboxStatus, SyncAgent};
use scoring::instrument::VisitType;
use scoring::response::{Answer, Channel, Respondent, Response};
use survey_support::*;
use wasm_bindgen_test::wasm_bindgen_test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn response(n: u8) -> Response {
    Response {
        id: format!("00000000-0000-4000-8000-0000000000{n:02}"),
        instrument: "pxs-core".to_owned(),
        instrument_version: 1,
        hospital: "H001".to_owned(),
        department: "er".to_owned(),
        visit_type: VisitType::Emergency,
        channel: Channel::Kiosk,
        submitted_at: "2025-03-01T08:00:00Z".to_owned(),
        answers: BTreeMap::from([(
            "overall.recommend".to_owned(),
            Answer::Value(i64::from(n % 11)),
        )]),
        respondent: Respondent::default(),
        comment: String::new(),
    }
}

fn start(max_batch: usize) -> (SyncAgent, Rc<RefCell<Vec<OutboxStatus>>>) {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let log = heard.clone();
    let agent = SyncAgent::start(
        "/api/v1",
        SyncPolicy::new(max_batch, Backoff::new(60, 240)),
        0,
        move |s| log.borrow_mut().push(s),
    );
    (agent, heard)
}

#[wasm_bindgen_test]
async fn sends_the_outbox_in_batches_on_start_and_empties_it() {
    clear_storage();
    install_fake_server("store");
    for n in 1..=5 {
        add_to_outbox(response(n)).unwrap();
    }
    let (_agent, heard) = start(2);
    assert!(wait_for(3_000, || load_outbox().pending.is_empty()).await);
    let sizes: Vec<usize> = posted_batches().iter().map(Vec::len).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(stored_ids().len(), 5);
    assert_eq!(heard.borrow().last(), Some(&OutboxStatus::default()));
}

#[wasm_bindgen_test]
async fn retries_with_growing_waits_while_down_then_delivers_exactly_once() {
    clear_storage();
    install_fake_server("down");
    add_to_outbox(response(1)).unwrap();
    add_to_outbox(response(2)).unwrap();
    let (_agent, heard) = start(20);
    sleep_ms(700).await;
    let tries_while_down = posted_batches().len();
    // 60 ms base doubling to a 240 ms cap (jittered to 50–100 %): several
    // tries in 0.7 s, but not a busy loop.
    assert!(
        (3..=12).contains(&tries_while_down),
        "{tries_while_down} tries"
    );
    assert_eq!(
        load_outbox().pending.len(),
        2,
        "nothing is dropped while down"
    );
    assert_eq!(heard.borrow().last().map(|s| s.pending), Some(2));

    set_server_mode("store");
    assert!(wait_for(3_000, || load_outbox().pending.is_empty()).await);
    sleep_ms(300).await;
    let after = posted_batches().len();
    assert_eq!(
        after,
        tries_while_down + 1,
        "one successful batch, then quiet"
    );
    assert_eq!(stored_ids().len(), 2);
}

#[wasm_bindgen_test]
async fn a_kick_sends_a_new_response_at_once() {
    clear_storage();
    install_fake_server("store");
    let (agent, _) = start(20);
    sleep_ms(100).await;
    assert!(posted_batches().is_empty(), "nothing to send, nothing sent");
    add_to_outbox(response(9)).unwrap();
    agent.kick();
    assert!(wait_for(1_000, || load_outbox().pending.is_empty()).await);
    assert_eq!(posted_batches().len(), 1);
}

#[wasm_bindgen_test]
async fn a_conflict_is_kept_aside_and_not_retried() {
    clear_storage();
    install_fake_server("conflict");
    add_to_outbox(response(3)).unwrap();
    let (_agent, heard) = start(20);
    assert!(wait_for(2_000, || load_outbox().kept_aside.len() == 1).await);
    sleep_ms(500).await;
    assert_eq!(posted_batches().len(), 1);
    let outbox = load_outbox();
    assert!(outbox.pending.is_empty());
    assert_eq!(outbox.kept_aside[0].message, "same id, other content");
    assert_eq!(
        heard.borrow().last(),
        Some(&OutboxStatus {
            pending: 0,
            kept_aside: 1
        })
    );
}

#[wasm_bindgen_test]
async fn responses_left_by_an_earlier_page_are_sent_after_a_reload() {
    clear_storage();
    install_fake_server("down");
    add_to_outbox(response(4)).unwrap();
    let (first, _) = start(20);
    sleep_ms(150).await;
    drop(first); // the page goes away with the response still pending
    assert_eq!(load_outbox().pending.len(), 1);
    set_server_mode("store");
    let (_second, _) = start(20); // the reloaded page
    assert!(wait_for(2_000, || load_outbox().pending.is_empty()).await);
    assert_eq!(stored_ids(), [response(4).id]);
}

#[wasm_bindgen_test]
async fn a_call_back_number_goes_beside_its_response_and_then_leaves_the_device() {
    clear_storage();
    install_fake_server("down");
    add_to_outbox(response(4)).unwrap();
    add_to_outbox(response(5)).unwrap();
    keep_contact(&response(5).id, "138 0013 8000").unwrap();
    let (_agent, _) = start(20);
    sleep_ms(200).await;
    // While the server is down the number waits, apart from the outbox.
    assert!(!OUTBOX.raw().unwrap().contains("138"));
    assert_eq!(
        load_contacts().phone_for(&response(5).id),
        Some("138 0013 8000")
    );

    set_server_mode("store");
    assert!(wait_for(3_000, || load_outbox().pending.is_empty()).await);
    assert_eq!(CONTACTS.raw(), None, "forgotten once delivered");
    let sent = js_sys::Function::new_no_args("return JSON.stringify(window.__tiyan.seen);")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
        .as_string()
        .unwrap();
    let sent: serde_json::Value = serde_json::from_str(&sent).unwrap();
    assert_eq!(
        sent[&response(5).id]["contact"],
        serde_json::json!({"phone": "138 0013 8000"})
    );
    assert!(sent[&response(4).id].get("contact").is_none());
}
