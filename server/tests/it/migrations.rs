//! Migration 0003 on a database made by the earlier migrations, with an
//! account, its session and responses in it: the session still signs in,
//! the responses get their department, the roles' CHECK holds, and the
//! session still follows its account (foreign key).

use std::borrow::Cow;
use std::path::Path;

use server::auth::token_hash;
use server::store::Store;
use sqlx::migrate::Migrator;

use crate::support::{on_each_backend, response, uuid};

/// The migrations of `backend` before 0003.
async fn earlier(backend: &str) -> Migrator {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut migrator = Migrator::new(folder).await.expect("the migrations");
    let before: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|m| m.version < 3)
        .cloned()
        .collect();
    migrator.migrations = Cow::Owned(before);
    migrator
}

const ACCOUNT: &str = "INSERT INTO accounts (username, password_hash, role, hospital, created_at) \
     VALUES ('h001', 'x', 'hospital_admin', 'H001', 0)";
const SESSION: &str =
    "INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES ($1, 'h001', 0, $2)";
const RESPONSE: &str =
    "INSERT INTO responses (id, hospital, submitted_key, content_hash, body, received_at) \
     VALUES ($1, 'H001', '2025-05-20T10:00:00.000000000Z', $2, $3, 0)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_older_database_keeps_its_sessions_and_gains_departments() {
    on_each_backend(|db| async move {
        let token = token_hash("an-old-session");
        let body = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
        let id = body["id"].as_str().unwrap().to_owned();
        let text = body.to_string();
        let far = i64::MAX / 2;
        // The database as the previous release left it.
        match db.backend() {
            "sqlite" => {
                let options = db.url().parse::<sqlx::sqlite::SqliteConnectOptions>().unwrap()
                    .create_if_missing(true)
                    .foreign_keys(true);
                let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
                earlier("sqlite").await.run(&pool).await.unwrap();
                sqlx::query(ACCOUNT).execute(&pool).await.unwrap();
                sqlx::query(SESSION).bind(&token[..]).bind(far).execute(&pool).await.unwrap();
                sqlx::query(RESPONSE).bind(&id).bind(&[0u8; 32][..]).bind(&text).execute(&pool).await.unwrap();
                pool.close().await;
            }
            _ => {
                let pool = sqlx::PgPool::connect(db.url()).await.unwrap();
                earlier("postgres").await.run(&pool).await.unwrap();
                sqlx::query(ACCOUNT).execute(&pool).await.unwrap();
                sqlx::query(SESSION).bind(&token[..]).bind(far).execute(&pool).await.unwrap();
                sqlx::query(RESPONSE).bind(&id).bind(&[0u8; 32][..]).bind(&text).execute(&pool).await.unwrap();
                pool.close().await;
            }
        }

        let store = Store::connect(db.url()).await.expect("migration 0003 applies");
        let account = store.session_account(&token, 0).await.unwrap().expect("the session survives");
        assert_eq!(account.username, "h001");
        assert_eq!(account.department, None);

        let head = "INSERT INTO accounts (username, password_hash, role, hospital, created_at, department) \
             VALUES ($1, 'x', $2, $3, 0, $4)";
        let insert = |username: &'static str, role: &'static str, hospital: Option<&'static str>, department: Option<&'static str>| {
            let store = store.clone();
            async move {
                match &store {
                    Store::Sqlite(pool) => sqlx::query(head).bind(username).bind(role).bind(hospital).bind(department).execute(pool).await.is_ok(),
                    Store::Postgres(pool) => sqlx::query(head).bind(username).bind(role).bind(hospital).bind(department).execute(pool).await.is_ok(),
                }
            }
        };
        assert!(insert("cardio", "department_head", Some("H001"), Some("cardiology")).await);
        assert!(!insert("nodept", "department_head", Some("H001"), None).await, "a head needs a department");
        assert!(!insert("nohosp", "department_head", None, Some("cardiology")).await, "a head needs a hospital");
        assert!(!insert("both", "hospital_admin", Some("H001"), Some("cardiology")).await);
        assert!(!insert("root", "root", None, None).await);

        let (department, sessions_after_delete) = match &store {
            Store::Sqlite(pool) => {
                let d: String = sqlx::query_scalar("SELECT department FROM responses").fetch_one(pool).await.unwrap();
                sqlx::query("DELETE FROM accounts WHERE username = 'h001'").execute(pool).await.unwrap();
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(pool).await.unwrap();
                (d, n)
            }
            Store::Postgres(pool) => {
                let d: String = sqlx::query_scalar("SELECT department FROM responses").fetch_one(pool).await.unwrap();
                sqlx::query("DELETE FROM accounts WHERE username = 'h001'").execute(pool).await.unwrap();
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(pool).await.unwrap();
                (d, n)
            }
        };
        assert_eq!(department, "cardiology", "taken from the stored body");
        assert_eq!(sessions_after_delete, 0, "sessions still follow their account");
        store.close().await;
    })
    .await;
}
