//! Kiosk inactivity: after `idle` seconds without a touch, a warning
//! counts down `warning` seconds, then the kiosk resets. Phones never get
//! here (the hook is disabled for them).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::services::clock::now_ms;
use crate::survey::state::Action;

/// What the countdown shows after `idle_ms` of inactivity: nothing, the
/// seconds left, or time to reset (pure, for the tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    Active,
    Warning(u32),
    Expired,
}

pub fn idle_phase(idle_ms: f64, idle_secs: u32, warning_secs: u32) -> IdlePhase {
    let idle_limit = f64::from(idle_secs) * 1_000.0;
    let reset_at = idle_limit + f64::from(warning_secs) * 1_000.0;
    if idle_ms < idle_limit {
        IdlePhase::Active
    } else if idle_ms >= reset_at {
        IdlePhase::Expired
    } else {
        IdlePhase::Warning(((reset_at - idle_ms) / 1_000.0).ceil() as u32)
    }
}

#[hook]
pub fn use_idle(enabled: bool, idle_secs: u32, warning_secs: u32, dispatch: Callback<Action>) {
    use_effect_with(
        (enabled, idle_secs, warning_secs),
        move |&(enabled, idle_secs, warning_secs)| {
            let mut listeners = Vec::new();
            let mut interval = None;
            if enabled {
                let document = gloo::utils::document();
                let last = Rc::new(Cell::new(now_ms()));
                let options = EventListenerOptions::run_in_capture_phase();
                // Not `scroll`: focusing the warning's button may scroll the
                // page, and that is not the patient coming back.
                for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
                    let last = last.clone();
                    listeners.push(EventListener::new_with_options(
                        &document,
                        event,
                        options,
                        move |_| last.set(now_ms()),
                    ));
                }
                let shown = Cell::new(IdlePhase::Active);
                interval = Some(Interval::new(250, move || {
                    let phase = idle_phase(now_ms() - last.get(), idle_secs, warning_secs);
                    if phase == shown.get() {
                        return;
                    }
                    shown.set(phase);
                    match phase {
                        IdlePhase::Active => dispatch.emit(Action::StillHere),
                        IdlePhase::Warning(secs) => dispatch.emit(Action::IdleWarning(secs)),
                        IdlePhase::Expired => {
                            last.set(now_ms());
                            dispatch.emit(Action::Reset);
                        }
                    }
                }));
            }
            move || {
                drop(interval);
                drop(listeners);
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_after_idle_then_counts_down_then_expires() {
        let phase = |s: f64| idle_phase(s * 1_000.0, 5, 5);
        assert_eq!(phase(0.0), IdlePhase::Active);
        assert_eq!(phase(4.9), IdlePhase::Active);
        assert_eq!(phase(5.0), IdlePhase::Warning(5));
        assert_eq!(phase(5.2), IdlePhase::Warning(5));
        assert_eq!(phase(9.1), IdlePhase::Warning(1));
        assert_eq!(phase(10.0), IdlePhase::Expired);
    }
}
