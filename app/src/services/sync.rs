//! The sync loop: sends the outbox to the server one batch at a time — just
//! after load, on the `online` event, when a response is added, after the
//! backoff delay, and every half minute while idle.
//!
//! All decisions are [`SyncPolicy`]'s (pure, tested); this file only wires
//! it to `fetch`, timers and events. One request at a time: a kick that
//! arrives while a batch is in flight runs as soon as it returns.
//!
//! A response goes with the call-back number its patient left, if any;
//! a number is forgotten on the device as soon as its response has left
//! the outbox (`outbox::Contacts`).
//!
//! On a device set up as a kiosk, each run also sends the kiosk's
//! heartbeat when the outbox's counts changed or [`HEARTBEAT_MS`] have
//! passed, so staff see what it holds (docs/formats.md §7).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;

use super::kiosk::{heartbeat_of, KioskDevice};
use super::outbox::{NextStep, Outbox, SyncPolicy};
use super::{clock, http, random, storage};

/// What the upload indicator shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxStatus {
    /// Responses waiting to upload.
    pub pending: usize,
    /// Responses the server refused, kept for staff.
    pub kept_aside: usize,
}

impl OutboxStatus {
    pub fn of(outbox: &Outbox) -> Self {
        OutboxStatus {
            pending: outbox.pending.len(),
            kept_aside: outbox.kept_aside.len(),
        }
    }
}

/// Check again this often when nothing is pending (another tab may have
/// queued something; the outbox is shared by the origin).
const IDLE_CHECK_MS: u64 = 30_000;

/// A kiosk's heartbeat at least this often while the survey runs (a
/// kiosk is `silent` after an hour without one).
pub const HEARTBEAT_MS: f64 = 5.0 * 60_000.0;

/// A running sync loop; dropping it stops the loop.
pub struct SyncAgent {
    inner: Rc<Inner>,
}

struct Inner {
    api_base: String,
    policy: RefCell<SyncPolicy>,
    timer: RefCell<Option<Timeout>>,
    online: RefCell<Option<EventListener>>,
    in_flight: Cell<bool>,
    kicked_in_flight: Cell<bool>,
    stopped: Cell<bool>,
    on_status: Box<dyn Fn(OutboxStatus)>,
    /// When the last heartbeat was taken, and the counts it reported.
    last_beat: Cell<Option<(f64, OutboxStatus)>>,
}

impl SyncAgent {
    /// Start syncing in `first_run_ms` (a page starts it a moment after load
    /// so that its first render is not slowed). `on_status` hears the
    /// outbox counts after every change.
    pub fn start(
        api_base: &str,
        policy: SyncPolicy,
        first_run_ms: u32,
        on_status: impl Fn(OutboxStatus) + 'static,
    ) -> Self {
        let inner = Rc::new(Inner {
            api_base: api_base.to_owned(),
            policy: RefCell::new(policy),
            timer: RefCell::new(None),
            online: RefCell::new(None),
            in_flight: Cell::new(false),
            kicked_in_flight: Cell::new(false),
            stopped: Cell::new(false),
            on_status: Box::new(on_status),
            last_beat: Cell::new(None),
        });
        if let Some(window) = web_sys::window() {
            let weak = Rc::downgrade(&inner);
            let listener = EventListener::new(&window, "online", move |_| run(&weak));
            inner.online.replace(Some(listener));
        }
        schedule(&inner, u64::from(first_run_ms));
        SyncAgent { inner }
    }

    /// Try now (a response was just added, or the user asked).
    pub fn kick(&self) {
        run(&Rc::downgrade(&self.inner));
    }
}

impl Drop for SyncAgent {
    fn drop(&mut self) {
        self.inner.stopped.set(true);
        self.inner.timer.take();
        self.inner.online.take();
    }
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn run(weak: &Weak<Inner>) {
    let Some(inner) = weak.upgrade() else { return };
    if inner.stopped.get() {
        return;
    }
    if inner.in_flight.get() {
        inner.kicked_in_flight.set(true);
        return;
    }
    inner.timer.take();

    let outbox = storage::load_outbox();
    // Numbers of responses that left the outbox are forgotten here too (a
    // page closed just after a delivery, before it could forget them).
    let contacts = storage::contacts_of_pending(&outbox);
    (inner.on_status)(OutboxStatus::of(&outbox));
    heartbeat(&inner, &outbox);
    if outbox.pending.is_empty() {
        schedule(&inner, IDLE_CHECK_MS);
        return;
    }
    if !is_online() {
        // The `online` event will wake us; the timer is a safety net.
        let next = inner.policy.borrow_mut().offline(random::jitter());
        follow(&inner, next);
        return;
    }

    let batch = outbox.batch(inner.policy.borrow().batch_size()).to_vec();
    let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
    inner.in_flight.set(true);
    let weak = weak.clone();
    spawn_local(async move {
        let api_base = match weak.upgrade() {
            Some(inner) => inner.api_base.clone(),
            None => return,
        };
        let outcome = http::post_batch(&api_base, &batch, &contacts).await;
        let Some(inner) = weak.upgrade() else { return };
        inner.in_flight.set(false);
        let updated = storage::update_outbox(|outbox| {
            inner
                .policy
                .borrow_mut()
                .after(outbox, &ids, outcome, random::jitter())
        });
        let next = match updated {
            Ok((next, outbox)) => {
                if ids.iter().any(|id| !outbox.contains(id)) {
                    let _ = storage::LAST_DELIVERED.set_raw(&clock::now_rfc3339());
                }
                // The server has these responses, or will never take them:
                // their call-back numbers leave the device.
                storage::contacts_of_pending(&outbox);
                (inner.on_status)(OutboxStatus::of(&outbox));
                heartbeat(&inner, &outbox);
                next
            }
            // Could not record the outcome: what the server has is sent
            // again later and answered `duplicate`. Wait like a failure.
            Err(_) => inner.policy.borrow_mut().offline(random::jitter()),
        };
        if inner.kicked_in_flight.replace(false) && next != NextStep::Now {
            run(&weak);
        } else {
            follow(&inner, next);
        }
    });
}

/// Sends the kiosk's heartbeat if this device is a kiosk, it is online,
/// and the counts changed or the last one is [`HEARTBEAT_MS`] old (so a
/// lost one is followed by another within that time).
fn heartbeat(inner: &Rc<Inner>, outbox: &Outbox) {
    let Some(device) = KioskDevice::on_device() else {
        return;
    };
    let now = clock::now_ms();
    let status = OutboxStatus::of(outbox);
    let due = inner
        .last_beat
        .get()
        .is_none_or(|(at, sent)| sent != status || now - at >= HEARTBEAT_MS);
    if !due || !is_online() {
        return;
    }
    inner.last_beat.set(Some((now, status)));
    let beat = heartbeat_of(outbox, now, storage::LAST_DELIVERED.raw(), clock::parse_ms);
    http::send_heartbeat(&inner.api_base, &device, &beat);
}

fn follow(inner: &Rc<Inner>, next: NextStep) {
    match next {
        NextStep::Now => run(&Rc::downgrade(inner)),
        NextStep::After(ms) => schedule(inner, ms),
        NextStep::Idle => schedule(inner, IDLE_CHECK_MS),
    }
}

fn schedule(inner: &Rc<Inner>, ms: u64) {
    if inner.stopped.get() {
        return;
    }
    let weak = Rc::downgrade(inner);
    let millis = u32::try_from(ms).unwrap_or(u32::MAX);
    inner
        .timer
        .replace(Some(Timeout::new(millis, move || run(&weak))));
}
