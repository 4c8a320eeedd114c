//! The list's filters as the account may set them: an administrator
//! picks a hospital, a department head sees its department only.

use wire::{CaseStatus, Hospital, Role, Session};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// `""`: every status.
    pub status: String,
    /// `""`: every hospital in scope.
    pub hospital: String,
    /// `""`: every department in scope.
    pub department: String,
}

impl Filters {
    /// The statuses offered, as the query string spells them.
    pub fn statuses() -> impl Iterator<Item = CaseStatus> {
        CaseStatus::ALL.into_iter()
    }

    /// Whether the account picks a hospital (only an administrator has
    /// more than one).
    pub fn picks_hospital(session: &Session) -> bool {
        session.role == Role::Admin
    }

    /// Whether the account picks a department.
    pub fn picks_department(session: &Session) -> bool {
        session.role != Role::DepartmentHead
    }

    /// The hospital whose departments are offered: the account's own, or
    /// the one picked.
    pub fn hospital_of<'a>(&'a self, session: &'a Session) -> &'a str {
        session.hospital.as_deref().unwrap_or(&self.hospital)
    }

    /// The departments offered for the hospital, in the registry's order.
    pub fn departments<'a>(&self, session: &Session, registry: &'a [Hospital]) -> Vec<&'a str> {
        let hospital = self.hospital_of(session);
        registry
            .iter()
            .filter(|h| hospital.is_empty() || h.code == hospital)
            .flat_map(|h| h.departments.iter().map(|d| d.code.as_str()))
            .fold(Vec::new(), |mut codes, code| {
                if !codes.contains(&code) {
                    codes.push(code);
                }
                codes
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::{Department, Names};

    fn session(role: Role, hospital: Option<&str>) -> Session {
        Session {
            username: "u".to_owned(),
            role,
            hospital: hospital.map(str::to_owned),
            department: None,
        }
    }

    fn hospital(code: &str, departments: &[&str]) -> Hospital {
        Hospital {
            code: code.to_owned(),
            names: Names::default(),
            level: None,
            kind: None,
            region: None,
            departments: departments
                .iter()
                .map(|d| Department {
                    code: (*d).to_owned(),
                    names: Names::default(),
                    active: true,
                })
                .collect(),
        }
    }

    #[test]
    fn departments_of_the_hospital_in_scope() {
        let registry = [
            hospital("H001", &["cardiology", "er"]),
            hospital("H002", &["er", "icu"]),
        ];
        let mut filters = Filters::default();
        let admin = session(Role::Admin, None);
        assert_eq!(
            filters.departments(&admin, &registry),
            ["cardiology", "er", "icu"]
        );
        filters.hospital = "H002".to_owned();
        assert_eq!(filters.departments(&admin, &registry), ["er", "icu"]);
        let h001 = session(Role::HospitalAdmin, Some("H001"));
        assert_eq!(filters.departments(&h001, &registry), ["cardiology", "er"]);
        assert!(Filters::picks_hospital(&admin) && !Filters::picks_hospital(&h001));
        assert!(!Filters::picks_department(&session(
            Role::DepartmentHead,
            Some("H001")
        )));
    }
}
