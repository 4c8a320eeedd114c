//! The three staff roles and what each may see (docs/formats.md §6,
//! docs/domain.md Privacy).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Role {
    /// Sees every hospital (health commission, quality office).
    Admin,
    /// Sees one hospital only.
    HospitalAdmin,
    /// Sees one department of one hospital only: its reports, exports,
    /// comments, cases and action plans.
    DepartmentHead,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::HospitalAdmin, Role::DepartmentHead];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::HospitalAdmin => "hospital_admin",
            Role::DepartmentHead => "department_head",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The role as the API writes it.
    pub fn to_wire(self) -> wire::Role {
        match self {
            Role::Admin => wire::Role::Admin,
            Role::HospitalAdmin => wire::Role::HospitalAdmin,
            Role::DepartmentHead => wire::Role::DepartmentHead,
        }
    }
}

/// The responses, cases and plans an account may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everything,
    Hospital(String),
    Department {
        hospital: String,
        department: String,
    },
}

/// Which rows a request reads: a hospital (None: all) and, within it, a
/// department (None: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restriction {
    pub hospital: Option<String>,
    pub department: Option<String>,
}

impl Scope {
    /// `hospital` and `department` are the account's; a scoped role
    /// without them (which the database refuses) would see nothing rather
    /// than everything.
    pub fn of(role: Role, hospital: Option<&str>, department: Option<&str>) -> Scope {
        let hospital = hospital.unwrap_or_default().to_owned();
        match role {
            Role::Admin => Scope::Everything,
            Role::HospitalAdmin => Scope::Hospital(hospital),
            Role::DepartmentHead => Scope::Department {
                hospital,
                department: department.unwrap_or_default().to_owned(),
            },
        }
    }

    /// The hospital filter for a request asking for `requested` (None: all
    /// it may see), or `Err` when it asks for another hospital than its own.
    pub fn restrict(&self, requested: Option<&str>) -> Result<Option<String>, String> {
        let own = match self {
            Scope::Everything => return Ok(requested.map(str::to_owned)),
            Scope::Hospital(own) | Scope::Department { hospital: own, .. } => own,
        };
        match requested {
            None => Ok(Some(own.clone())),
            Some(asked) if asked == own => Ok(Some(own.clone())),
            Some(asked) => Err(format!(
                "this account may read hospital {own} only, not {asked}"
            )),
        }
    }

    /// The hospital and department filters for a request asking for them,
    /// or `Err` naming what it may not read.
    pub fn restrict_to(
        &self,
        hospital: Option<&str>,
        department: Option<&str>,
    ) -> Result<Restriction, String> {
        let hospital = self.restrict(hospital)?;
        let department = match (self, department) {
            (
                Scope::Department {
                    department: own, ..
                },
                Some(asked),
            ) if asked != own => {
                return Err(format!(
                    "this account may read department {own} only, not {asked}"
                ))
            }
            (
                Scope::Department {
                    department: own, ..
                },
                _,
            ) => Some(own.clone()),
            (_, asked) => asked.map(str::to_owned),
        };
        Ok(Restriction {
            hospital,
            department,
        })
    }

    /// Whether a row of `hospital` and `department` is in scope.
    pub fn covers(&self, hospital: &str, department: &str) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Hospital(own) => own == hospital,
            Scope::Department {
                hospital: own,
                department: own_department,
            } => own == hospital && own_department == department,
        }
    }

    /// Whether the account may change a hospital's settings (alert rules,
    /// webhook): administrators and that hospital's administrator.
    pub fn administers(&self, hospital: &str) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Hospital(own) => own == hospital,
            Scope::Department { .. } => false,
        }
    }

    /// Whether the account may read a hospital's settings.
    pub fn reads_hospital(&self, hospital: &str) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Hospital(own) | Scope::Department { hospital: own, .. } => own == hospital,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_what_they_write() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn an_admin_reads_what_it_asks_for() {
        let scope = Scope::of(Role::Admin, None, None);
        assert_eq!(scope.restrict(None), Ok(None));
        assert_eq!(scope.restrict(Some("H002")), Ok(Some("H002".into())));
        assert!(scope.covers("H009", "x"));
        assert!(scope.administers("H009"));
    }

    #[test]
    fn a_hospital_admin_reads_its_own_hospital_only() {
        let scope = Scope::of(Role::HospitalAdmin, Some("H001"), None);
        assert_eq!(scope.restrict(None), Ok(Some("H001".into())));
        assert_eq!(scope.restrict(Some("H001")), Ok(Some("H001".into())));
        assert!(scope.restrict(Some("H002")).is_err());
        assert_eq!(
            Scope::of(Role::HospitalAdmin, None, None).restrict(None),
            Ok(Some(String::new()))
        );
        assert!(scope.covers("H001", "any"));
        assert!(!scope.covers("H002", "any"));
        assert!(scope.administers("H001"));
        assert_eq!(
            scope.restrict_to(None, Some("cardiology")),
            Ok(Restriction {
                hospital: Some("H001".into()),
                department: Some("cardiology".into())
            })
        );
    }

    #[test]
    fn a_department_head_reads_its_own_department_only() {
        let scope = Scope::of(Role::DepartmentHead, Some("H001"), Some("cardiology"));
        let own = Restriction {
            hospital: Some("H001".into()),
            department: Some("cardiology".into()),
        };
        assert_eq!(scope.restrict_to(None, None), Ok(own.clone()));
        assert_eq!(scope.restrict_to(Some("H001"), Some("cardiology")), Ok(own));
        assert!(scope.restrict_to(None, Some("surgery")).is_err());
        assert!(scope.restrict_to(Some("H002"), None).is_err());
        assert!(scope.covers("H001", "cardiology"));
        assert!(!scope.covers("H001", "surgery"));
        assert!(!scope.covers("H002", "cardiology"));
        assert!(!scope.administers("H001"));
        assert!(scope.reads_hospital("H001"));
        assert!(!scope.reads_hospital("H002"));
    }
}
