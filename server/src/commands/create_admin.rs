//! `tiyan-server create-admin --database URL --username U --role admin|hospital_admin|department_head
//! [--hospital H] [--department D]`,
//! the password from `TIYAN_ADMIN_PASSWORD` or the first line of stdin.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{bail, Context};
use clap::Args;
use scoring::validate::is_hospital_code;

use crate::auth::{hash_password, Role, MAX_USERNAME_CHARS};
use crate::clock::{Clock, SystemClock};
use crate::store::{Account, Store};

#[derive(Debug, Args)]
pub struct CreateAdminArgs {
    #[arg(long, env = "TIYAN_DATABASE", default_value = "sqlite://data/tiyan.db")]
    pub database: String,
    #[arg(long)]
    pub username: String,
    #[arg(long, value_enum)]
    pub role: Role,
    /// The hospital a hospital_admin or department_head may see (required
    /// for those roles only).
    #[arg(long)]
    pub hospital: Option<String>,
    /// The department a department_head may see (required for that role
    /// only), as responses name it (`"department"`).
    #[arg(long)]
    pub department: Option<String>,
}

/// Longest department name accepted.
const MAX_DEPARTMENT_CHARS: usize = 64;

/// The account to store, or why the arguments do not make one.
pub(super) fn account(args: &CreateAdminArgs, password_hash: String) -> anyhow::Result<Account> {
    let username = args.username.as_str();
    if username.is_empty()
        || username.chars().count() > MAX_USERNAME_CHARS
        || username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        bail!("the username must have 1 to {MAX_USERNAME_CHARS} characters and no spaces");
    }
    let hospital = match (args.role, args.hospital.as_deref()) {
        (Role::Admin, None) => None,
        (Role::Admin, Some(_)) => bail!("an admin sees every hospital: drop --hospital"),
        (role, None) => bail!("a {} needs --hospital", role.as_str()),
        (_, Some(code)) if !is_hospital_code(code) => {
            bail!("{code:?} is not a hospital code (1 to 32 letters, digits, - or _)")
        }
        (_, Some(code)) => Some(code.to_owned()),
    };
    let department = match (args.role, args.department.as_deref()) {
        (Role::DepartmentHead, None) => bail!("a department_head needs --department"),
        (Role::DepartmentHead, Some(d))
            if d.trim().is_empty() || d != d.trim() || d.chars().count() > MAX_DEPARTMENT_CHARS =>
        {
            bail!("--department must have 1 to {MAX_DEPARTMENT_CHARS} characters, no leading or trailing spaces")
        }
        (Role::DepartmentHead, Some(d)) => Some(d.to_owned()),
        (role, Some(_)) => bail!(
            "a {} sees every department: drop --department",
            role.as_str()
        ),
        (_, None) => None,
    };
    Ok(Account {
        username: username.to_owned(),
        password_hash,
        role: args.role,
        hospital,
        department,
    })
}

fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("TIYAN_ADMIN_PASSWORD") {
        return Ok(password);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("password (shown as typed; or set TIYAN_ADMIN_PASSWORD): ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("could not read the password from stdin")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub(super) async fn create_admin(args: CreateAdminArgs) -> anyhow::Result<()> {
    // Check the arguments before asking for a password.
    account(&args, String::new())?;
    let password = read_password()?;
    let hash = tokio::task::spawn_blocking(move || hash_password(&password)).await??;
    let account = account(&args, hash)?;
    let store = Store::connect(&args.database).await.with_context(|| {
        format!(
            "could not open the database {}",
            crate::server::redact(&args.database)
        )
    })?;
    let existed = store.find_account(&account.username).await?.is_some();
    store
        .upsert_account(&account, SystemClock.unix_seconds())
        .await?;
    let ended = store.end_sessions_of(&account.username).await?;
    store.close().await;
    let what = if existed { "updated" } else { "created" };
    let scope = account
        .hospital
        .as_deref()
        .map(|h| format!(" of {h}"))
        .unwrap_or_default();
    println!(
        "account {} {what}: {}{scope}{}",
        account.username,
        account.role.as_str(),
        if ended > 0 {
            format!(" ({ended} sessions ended)")
        } else {
            String::new()
        }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(username: &str, role: Role, hospital: Option<&str>) -> CreateAdminArgs {
        CreateAdminArgs {
            database: "sqlite://unused.db".into(),
            username: username.into(),
            role,
            hospital: hospital.map(str::to_owned),
            department: None,
        }
    }

    #[test]
    fn a_department_head_needs_a_hospital_and_a_department() {
        let head = |hospital: Option<&str>, department: Option<&str>| {
            let mut a = args("cardio", Role::DepartmentHead, hospital);
            a.department = department.map(str::to_owned);
            account(&a, String::new())
        };
        let ok = head(Some("H001"), Some("cardiology")).unwrap();
        assert_eq!(ok.hospital.as_deref(), Some("H001"));
        assert_eq!(ok.department.as_deref(), Some("cardiology"));
        assert!(head(None, Some("cardiology")).is_err());
        assert!(head(Some("H001"), None).is_err());
        assert!(head(Some("H001"), Some(" ")).is_err());
        let mut admin = args("h001", Role::HospitalAdmin, Some("H001"));
        admin.department = Some("cardiology".into());
        assert!(account(&admin, String::new()).is_err());
    }

    #[test]
    fn roles_and_hospitals_go_together() {
        assert!(account(&args("admin", Role::Admin, None), String::new()).is_ok());
        assert!(account(&args("admin", Role::Admin, Some("H001")), String::new()).is_err());
        let h = account(
            &args("h001", Role::HospitalAdmin, Some("H001")),
            String::new(),
        )
        .unwrap();
        assert_eq!(h.hospital.as_deref(), Some("H001"));
        assert!(account(&args("h001", Role::HospitalAdmin, None), String::new()).is_err());
        assert!(account(
            &args("h001", Role::HospitalAdmin, Some("H 1")),
            String::new()
        )
        .is_err());
    }

    #[test]
    fn usernames_are_short_and_without_spaces() {
        assert!(account(&args("", Role::Admin, None), String::new()).is_err());
        assert!(account(&args("a b", Role::Admin, None), String::new()).is_err());
        assert!(account(&args(&"a".repeat(65), Role::Admin, None), String::new()).is_err());
    }
}
