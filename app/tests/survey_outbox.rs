//! The outbox on the device: confirmed writes survive a reload, an id is
//! kept once, an unreadable outbox is never overwritten; and the delivery
//! rules (batches, backoff, dedupe, kept aside) hold in the browser as they
//! do natively.

#[path = "survey_support/mod.rs"]
mod survey_support;

use std::collections::BTreeMap;

use app::services::outbox::{
    Backoff, BatchOutcome, Enqueued, NextStep, Outbox, SetAsideReason, SyncPolicy,
};
use scoring::instrument::VisitType;
use scoring::response::{Answer, Channel, Respondent, Response};
use wire::{SubmissionResult, SubmissionStatus};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn response(id: &str, rating: i64) -> Response {
    Response {
        id: id.to_owned(),
        instrument: "pxs-core".to_owned(),
        instrument_version: 1,
        hospital: "H001".to_owned(),
        department: String::new(),
        visit_type: VisitType::Emergency,
        channel: Channel::Kiosk,
        submitted_at: "2025-03-01T08:00:00Z".to_owned(),
        answers: BTreeMap::from([("overall.rating".to_owned(), Answer::Value(rating))]),
        respondent: Respondent::default(),
        comment: "候诊太久，\"护士\"很好".to_owned(),
    }
}

fn answered(ids: &[String], status: SubmissionStatus) -> BatchOutcome {
    BatchOutcome::Answered(
        ids.iter()
            .map(|id| SubmissionResult {
                id: Some(id.clone()),
                status,
                errors: Vec::new(),
                message: None,
            })
            .collect(),
    )
}

/// Drive a policy against a scripted server; returns what each request
/// carried and the waits in between.
fn exchange(
    outbox: &mut Outbox,
    policy: &mut SyncPolicy,
    mut server: impl FnMut(usize, &[String]) -> BatchOutcome,
) -> (Vec<Vec<String>>, Vec<u64>) {
    let (mut sent, mut waits) = (Vec::new(), Vec::new());
    for call in 0..50 {
        let ids: Vec<String> = outbox
            .batch(policy.batch_size())
            .iter()
            .map(|r| r.id.clone())
            .collect();
        sent.push(ids.clone());
        match policy.after(outbox, &ids, server(call, &ids), 0.5) {
            NextStep::Now => {}
            NextStep::After(ms) => waits.push(ms),
            NextStep::Idle => break,
        }
    }
    (sent, waits)
}

#[test]
fn a_flaky_server_gets_each_response_once_and_the_waits_grow_to_the_cap() {
    let mut outbox = Outbox::default();
    for id in ["a", "b", "c"] {
        outbox.enqueue(response(id, 8));
    }
    let mut policy = SyncPolicy::new(2, Backoff::new(1_000, 4_000));
    let mut stored: Vec<String> = Vec::new();
    let mut duplicates = 0;
    let (sent, waits) = exchange(&mut outbox, &mut policy, |call, ids| {
        if call < 3 {
            return BatchOutcome::Unavailable;
        }
        let results: Vec<SubmissionResult> = ids
            .iter()
            .map(|id| {
                let status = if stored.contains(id) {
                    duplicates += 1;
                    SubmissionStatus::Duplicate
                } else {
                    stored.push(id.clone());
                    SubmissionStatus::Stored
                };
                SubmissionResult {
                    id: Some(id.clone()),
                    status,
                    errors: Vec::new(),
                    message: None,
                }
            })
            .collect();
        if call == 3 {
            // Stored, but the answer is lost on the way back.
            return BatchOutcome::Unavailable;
        }
        BatchOutcome::Answered(results)
    });
    // jitter 0.5 waits three quarters of the nominal 1, 2, 4, 4 s.
    assert_eq!(waits, [750, 1_500, 3_000, 3_000]);
    assert_eq!(sent.len(), 6);
    // Sent again after the lost answer: the server says duplicate, and the
    // response still leaves the outbox — stored once.
    assert_eq!(stored, ["a", "b", "c"]);
    assert_eq!(duplicates, 2);
    assert!(outbox.pending.is_empty() && outbox.kept_aside.is_empty());
}

#[test]
fn refused_responses_are_kept_aside_for_staff_and_never_sent_again() {
    let mut outbox = Outbox::default();
    outbox.enqueue(response("a", 1));
    outbox.enqueue(response("b", 2));
    let mut policy = SyncPolicy::default();
    let (sent, _) = exchange(&mut outbox, &mut policy, |_, ids| {
        BatchOutcome::Answered(vec![
            SubmissionResult {
                id: Some(ids[0].clone()),
                status: SubmissionStatus::Rejected,
                errors: Vec::new(),
                message: None,
            },
            SubmissionResult {
                id: Some(ids[1].clone()),
                status: SubmissionStatus::Conflict,
                errors: Vec::new(),
                message: Some("same id".to_owned()),
            },
        ])
    });
    assert_eq!(sent.len(), 1);
    let reasons: Vec<_> = outbox.kept_aside.iter().map(|k| k.reason).collect();
    assert_eq!(
        reasons,
        [SetAsideReason::Rejected, SetAsideReason::Conflict]
    );
    assert_eq!(outbox.enqueue(response("a", 1)), Enqueued::AlreadyQueued);
    let (sent, _) = exchange(&mut outbox, &mut policy, |_, ids| {
        answered(ids, SubmissionStatus::Stored)
    });
    assert_eq!(sent, [Vec::<String>::new()]);
}

#[cfg(target_arch = "wasm32")]
mod in_the_browser {
    use app::services::storage::{add_to_outbox, load_outbox, update_outbox, OUTBOX};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::survey_support::clear_storage;
    use super::*;

    const ID: &str = "3f0c2a8e-5b1d-4c7e-9a2f-6d8b1e0c4a57";

    #[wasm_bindgen_test]
    fn a_confirmed_write_survives_a_reload() {
        clear_storage();
        assert_eq!(add_to_outbox(response(ID, 7)), Ok(Enqueued::Added));
        // A reload starts from nothing but localStorage.
        let text = OUTBOX.raw().expect("stored");
        let reread: Outbox = serde_json::from_str(&text).expect("the stored outbox is JSON");
        assert_eq!(reread.pending, [response(ID, 7)]);
        assert_eq!(load_outbox(), reread);
    }

    #[wasm_bindgen_test]
    fn the_same_id_twice_is_one_entry() {
        clear_storage();
        assert_eq!(add_to_outbox(response(ID, 7)), Ok(Enqueued::Added));
        assert_eq!(add_to_outbox(response(ID, 3)), Ok(Enqueued::AlreadyQueued));
        let outbox = load_outbox();
        assert_eq!(outbox.pending.len(), 1);
        assert_eq!(
            outbox.pending[0].answers["overall.rating"],
            Answer::Value(7)
        );
    }

    #[wasm_bindgen_test]
    #[allow(clippy::disallowed_methods, clippy::disallowed_types)] // the test breaks the stored outbox
    fn an_unreadable_outbox_is_moved_aside_not_overwritten() {
        clear_storage();
        let storage = gloo::utils::window().local_storage().unwrap().unwrap();
        storage
            .set_item(OUTBOX.key, "{\"pending\": [ broken")
            .unwrap();
        assert_eq!(add_to_outbox(response(ID, 5)), Ok(Enqueued::Added));
        let keys: Vec<String> = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with("tiyan.outbox.v1.unreadable."))
            .collect();
        assert_eq!(
            keys.len(),
            1,
            "the unreadable text is kept under its own key"
        );
        assert_eq!(
            storage.get_item(&keys[0]).unwrap().as_deref(),
            Some("{\"pending\": [ broken")
        );
        assert_eq!(load_outbox().pending.len(), 1);
    }

    #[wasm_bindgen_test]
    fn applying_results_is_one_read_modify_write() {
        clear_storage();
        add_to_outbox(response(ID, 5)).unwrap();
        add_to_outbox(response("b", 6)).unwrap();
        let ids = vec![ID.to_owned()];
        let (next, outbox) = update_outbox(|o| {
            SyncPolicy::default().after(o, &ids, answered(&ids, SubmissionStatus::Stored), 0.0)
        })
        .unwrap();
        assert_eq!(next, NextStep::Now);
        assert_eq!(load_outbox(), outbox);
        assert_eq!(
            outbox
                .pending
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["b"]
        );
    }
}
