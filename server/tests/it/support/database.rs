//! A fresh database per test: a SQLite file in a temporary folder, and a
//! new PostgreSQL database when `TIYAN_TEST_PG=1`.

use std::future::Future;

use sqlx::postgres::PgConnectOptions;

use super::uuid;
use sqlx::{ConnectOptions, Connection, Executor};

pub(crate) enum TestDb {
    Sqlite {
        _folder: tempfile::TempDir,
        url: String,
    },
    Postgres {
        url: String,
        name: String,
    },
}

impl TestDb {
    pub(crate) fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url, .. } | TestDb::Postgres { url, .. } => url,
        }
    }

    pub(crate) fn backend(&self) -> &'static str {
        match self {
            TestDb::Sqlite { .. } => "sqlite",
            TestDb::Postgres { .. } => "postgres",
        }
    }

    pub(crate) fn sqlite() -> TestDb {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let url = format!("sqlite://{}", folder.path().join("tiyan.db").display());
        TestDb::Sqlite {
            _folder: folder,
            url,
        }
    }

    /// A new, empty database on the server the `PG*` variables name.
    pub(crate) async fn postgres() -> TestDb {
        let name = format!("tiyan_test_{}", uuid().replace('-', ""));
        let mut admin = admin_options()
            .connect()
            .await
            .expect("PostgreSQL from PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE");
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("CREATE DATABASE");
        admin.close().await.ok();
        TestDb::Postgres {
            url: postgres_url(&name),
            name,
        }
    }

    /// Drops a PostgreSQL test database (SQLite's folder goes by itself).
    async fn remove(self) {
        if let TestDb::Postgres { name, .. } = self {
            if let Ok(mut admin) = admin_options().connect().await {
                let _ = admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await;
                admin.close().await.ok();
            }
        }
    }
}

fn postgres_enabled() -> bool {
    std::env::var("TIYAN_TEST_PG").is_ok_and(|v| v == "1")
}

/// The `PG*` variables, as libpq reads them (sqlx does the same).
fn admin_options() -> PgConnectOptions {
    PgConnectOptions::new()
}

/// A URL for `database` on the server of the `PG*` variables.
fn postgres_url(database: &str) -> String {
    let var =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let host = var("PGHOST", "localhost");
    let port = var("PGPORT", "5432");
    let user = var("PGUSER", "postgres");
    let password = std::env::var("PGPASSWORD").ok();
    let credentials = match password {
        Some(p) => format!("{}:{}", encode(&user), encode(&p)),
        None => encode(&user),
    };
    if host.starts_with('/') {
        // A Unix socket folder goes in the query string.
        format!(
            "postgres://{credentials}@localhost:{port}/{database}?host={}",
            encode(&host)
        )
    } else {
        format!("postgres://{credentials}@{host}:{port}/{database}")
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs `test` on a fresh SQLite database, then (with `TIYAN_TEST_PG=1`)
/// on a fresh PostgreSQL database.
pub(crate) async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestDb) -> Fut,
    Fut: Future<Output = ()>,
{
    eprintln!("on sqlite");
    test(TestDb::sqlite()).await;
    if postgres_enabled() {
        eprintln!("on postgres");
        let db = TestDb::postgres().await;
        let copy = match &db {
            TestDb::Postgres { url, name } => TestDb::Postgres {
                url: url.clone(),
                name: name.clone(),
            },
            TestDb::Sqlite { .. } => unreachable!("postgres() makes a PostgreSQL database"),
        };
        test(db).await;
        copy.remove().await;
    }
}
