//! The two administrator roles and what each may see.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Role {
    /// Sees every hospital (health commission, quality office).
    Admin,
    /// Sees one hospital only.
    HospitalAdmin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::HospitalAdmin => "hospital_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::Admin, Role::HospitalAdmin]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// The responses an account may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everything,
    Hospital(String),
}

impl Scope {
    /// `hospital` is the account's hospital; a `hospital_admin` without one
    /// (which the database refuses) would see nothing rather than everything.
    pub fn of(role: Role, hospital: Option<&str>) -> Scope {
        match role {
            Role::Admin => Scope::Everything,
            Role::HospitalAdmin => Scope::Hospital(hospital.unwrap_or_default().to_owned()),
        }
    }

    /// The hospital filter for a request asking for `requested` (None: all
    /// it may see), or `Err` when it asks for another hospital than its own.
    pub fn restrict(&self, requested: Option<&str>) -> Result<Option<String>, String> {
        match (self, requested) {
            (Scope::Everything, requested) => Ok(requested.map(str::to_owned)),
            (Scope::Hospital(own), None) => Ok(Some(own.clone())),
            (Scope::Hospital(own), Some(asked)) if asked == own => Ok(Some(own.clone())),
            (Scope::Hospital(own), Some(asked)) => Err(format!(
                "this account may read hospital {own} only, not {asked}"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_what_they_write() {
        for role in [Role::Admin, Role::HospitalAdmin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn an_admin_reads_what_it_asks_for() {
        let scope = Scope::of(Role::Admin, None);
        assert_eq!(scope.restrict(None), Ok(None));
        assert_eq!(scope.restrict(Some("H002")), Ok(Some("H002".into())));
    }

    #[test]
    fn a_hospital_admin_reads_its_own_hospital_only() {
        let scope = Scope::of(Role::HospitalAdmin, Some("H001"));
        assert_eq!(scope.restrict(None), Ok(Some("H001".into())));
        assert_eq!(scope.restrict(Some("H001")), Ok(Some("H001".into())));
        assert!(scope.restrict(Some("H002")).is_err());
        assert_eq!(
            Scope::of(Role::HospitalAdmin, None).restrict(None),
            Ok(Some(String::new()))
        );
    }
}
