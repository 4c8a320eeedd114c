//! Which actions a case's status allows (the table of docs/formats.md §6;
//! the server refuses the others with 409).

use wire::CaseStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed {
    pub assign: bool,
    pub resolve: bool,
    pub close: bool,
    pub reopen: bool,
}

/// A note is always allowed; the rest depend on the status.
pub fn allowed(status: CaseStatus) -> Allowed {
    let active = matches!(status, CaseStatus::Open | CaseStatus::InProgress);
    Allowed {
        assign: active,
        resolve: active,
        close: status != CaseStatus::Closed,
        reopen: status.is_finished(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contracts_table() {
        let open = allowed(CaseStatus::Open);
        assert!(open.assign && open.resolve && open.close && !open.reopen);
        assert_eq!(allowed(CaseStatus::InProgress), open);
        let resolved = allowed(CaseStatus::Resolved);
        assert!(!resolved.assign && !resolved.resolve && resolved.close && resolved.reopen);
        let closed = allowed(CaseStatus::Closed);
        assert!(!closed.assign && !closed.resolve && !closed.close && closed.reopen);
    }
}
