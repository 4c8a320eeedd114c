//! Runs the outbox sync loop while the survey is mounted.

use yew::prelude::*;

use crate::services::outbox::SyncPolicy;
use crate::services::sync::{OutboxStatus, SyncAgent};

/// The upload indicator's counts, and a way to ask for a sync now.
#[derive(Clone, PartialEq)]
pub struct SyncHandle {
    pub status: OutboxStatus,
    pub kick: Callback<()>,
}

/// The first sync runs this long after the page starts, in a task of its
/// own (a response added before then is sent at once by `kick`).
const FIRST_RUN_MS: u32 = 1_000;

#[hook]
pub fn use_sync(api_base: AttrValue) -> SyncHandle {
    // Known after the first sync run (a moment after load): reading the
    // outbox here would slow the first render.
    let status = use_state_eq(OutboxStatus::default);
    let agent = use_mut_ref(|| None::<SyncAgent>);
    {
        let setter = status.setter();
        let agent = agent.clone();
        use_effect_with(api_base, move |api_base| {
            let started =
                SyncAgent::start(api_base, SyncPolicy::default(), FIRST_RUN_MS, move |s| {
                    setter.set(s)
                });
            agent.replace(Some(started));
            move || drop(agent.take())
        });
    }
    let kick = Callback::from(move |()| {
        if let Some(agent) = agent.borrow().as_ref() {
            agent.kick();
        }
    });
    SyncHandle {
        status: *status,
        kick,
    }
}
