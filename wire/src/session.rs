//! `POST /login`, `GET /me`.

use serde::{Deserialize, Serialize};

/// The body of `POST /login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// What an account may see (docs/domain.md, Privacy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Every hospital (health commission, quality office).
    Admin,
    /// One hospital only.
    HospitalAdmin,
    /// One department of one hospital: its cases, reports and comments only.
    DepartmentHead,
}

/// Who is signed in: `GET /me`, and the answer to a login without its
/// token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub username: String,
    pub role: Role,
    /// A hospital administrator's own hospital: the server restricts every
    /// export and report to it. Written as `null` for an administrator.
    #[serde(default)]
    pub hospital: Option<String>,
    /// A department head's own department (with `hospital`): the server
    /// restricts every export, report, case and plan to it. `null` for the
    /// other roles.
    #[serde(default)]
    pub department: Option<String>,
}

/// The answer to a login: the session token (for `Authorization: Bearer`;
/// the dashboard uses the `HttpOnly` cookie set with it instead) and who
/// signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedIn {
    pub token: String,
    #[serde(flatten)]
    pub session: Session,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_answer_is_the_session_with_its_token() {
        let answer = LoggedIn {
            token: "ab12".to_owned(),
            session: Session {
                username: "h001".to_owned(),
                role: Role::HospitalAdmin,
                hospital: Some("H001".to_owned()),
                department: None,
            },
        };
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(
            text,
            r#"{"token":"ab12","username":"h001","role":"hospital_admin","hospital":"H001","department":null}"#
        );
        // The dashboard reads it as the session alone.
        let session: Session = serde_json::from_str(&text).unwrap();
        assert_eq!(session, answer.session);
        let admin: Session =
            serde_json::from_str(r#"{"username":"admin","role":"admin","hospital":null}"#).unwrap();
        assert_eq!(admin.hospital, None);
        assert_eq!(admin.department, None);
        let head: Session = serde_json::from_str(
            r#"{"username":"cardio","role":"department_head","hospital":"H001","department":"cardiology"}"#,
        )
        .unwrap();
        assert_eq!(head.role, Role::DepartmentHead);
        assert_eq!(head.department.as_deref(), Some("cardiology"));
    }
}
