//! A kiosk's state in words, and what it asks of staff.

use wire::KioskState;

use crate::rollout::i18n::T;

/// The state's name as staff read it.
pub fn state_text(state: KioskState) -> T {
    match state {
        KioskState::Ok => T::StateOk,
        KioskState::Silent => T::StateSilent,
        KioskState::Backlog => T::StateBacklog,
        KioskState::Rejects => T::StateRejects,
    }
}

/// What staff should do about a kiosk in `state`.
pub fn advice(state: KioskState) -> T {
    match state {
        KioskState::Ok => T::AdviceOk,
        KioskState::Silent => T::AdviceSilent,
        KioskState::Backlog => T::AdviceBacklog,
        KioskState::Rejects => T::AdviceRejects,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollout::i18n::Lang;

    #[test]
    fn each_state_has_its_own_words_and_advice() {
        let states = [
            KioskState::Ok,
            KioskState::Silent,
            KioskState::Backlog,
            KioskState::Rejects,
        ];
        for (i, a) in states.iter().enumerate() {
            for b in &states[i + 1..] {
                assert_ne!(state_text(*a), state_text(*b));
                assert_ne!(advice(*a).in_(Lang::En), advice(*b).in_(Lang::En));
            }
        }
        assert!(advice(KioskState::Backlog)
            .in_(Lang::En)
            .contains("30 minutes"));
        assert!(advice(KioskState::Silent)
            .in_(Lang::En)
            .contains("60 minutes"));
    }
}
