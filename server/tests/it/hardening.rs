//! The server under cheap attacks and buggy clients (README, "Operations"):
//! bounded batches and answers, a lockout that parallel guesses and a
//! second server cannot pass, bounded throttle keys, a submission limit
//! that counts responses, a plausible `submitted_at`, a demo seed that
//! leaves real accounts alone, trusted proxies, timeouts and a connection
//! cap, 4xx for bad periods, an Excel-safe export, clean comments, private
//! database files, unknown fields refused, one instant written two ways.
//! Each runs on SQLite and, with `TIYAN_TEST_PG=1`, on PostgreSQL.

use std::process::Command;
use std::time::Duration;

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::auth::Role;
use server::http::{RatePolicy, TrustedProxies};
use server::ingest::{SubmittedWindow, MAX_BATCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{on_each_backend, response, uuid, TestServer, PASSWORD};

const BINARY: &str = env!("CARGO_BIN_EXE_tiyan-server");

/// The test server's clock: 2025-06-01T00:00:00Z.
const NOW: &str = "2025-06-01T00:00:00Z";

/// A server with the default `submitted_at` window (the test harness opens
/// it wide for the other tests).
async fn with_default_window(url: &str) -> TestServer {
    TestServer::start_with(url, |config| {
        config.submitted_window = SubmittedWindow::DEFAULT;
    })
    .await
}

async fn post_raw(server: &TestServer, body: String) -> (StatusCode, String) {
    let answer = server
        .client
        .post(server.url("/api/v1/responses"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("a submission");
    let status = answer.status();
    (status, answer.text().await.expect("a body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_holds_at_most_100_responses_and_its_answer_stays_small() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        // A megabyte of empty objects: refused whole, before any is read.
        let flood = format!("[{}]", vec!["{}"; 300_000].join(","));
        let (status, body) = post_raw(&server, flood).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
        assert!(body.contains(&MAX_BATCH.to_string()), "{body}");
        let (status, _) = post_raw(&server, format!("[{}]", vec!["{}"; 101].join(","))).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

        // A full batch of nothing: one result each, a few hundred bytes each.
        let (status, body) = post_raw(&server, format!("[{}]", vec!["{}"; 100].join(","))).await;
        assert_eq!(status, StatusCode::OK);
        let answer: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(answer["results"].as_array().unwrap().len(), 100);
        assert!(body.len() < 100 * 1024, "{} bytes", body.len());
        assert_eq!(server.count().await, 0);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_check_no_more_passwords_than_the_policy_allows() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("alice", Role::Admin, None).await;
        let guesses = (0..40).map(|i| {
            let server = &server;
            async move {
                server
                    .try_login("alice", &format!("guess {i}"))
                    .await
                    .status()
            }
        });
        let statuses = join_all(guesses).await;
        let checked = statuses
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        let refused = statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count();
        // Five free failures and the sixth that locks: six passwords checked.
        assert_eq!(checked, 6, "{statuses:?}");
        assert_eq!(refused, 34, "{statuses:?}");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_usernames_are_refused_before_anything_is_counted() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("alice", Role::Admin, None).await;
        let huge = "x".repeat(512 * 1024);
        for _ in 0..30 {
            let answer = server.try_login(&huge, "guess").await;
            assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: Value = answer.json().await.unwrap();
            assert!(body["error"].as_str().unwrap().starts_with("username"));
        }
        let long = "y".repeat(65);
        assert_eq!(
            server.try_login(&long, "guess").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Thirty failures would have locked the address (20 are free): none
        // was counted.
        assert_eq!(
            server.try_login("alice", PASSWORD).await.status(),
            StatusCode::OK
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_submission_limit_counts_responses_not_requests() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.submit_rate = RatePolicy {
                per_minute: 6,
                burst: 150,
            };
        })
        .await;
        let batch = |n: usize| {
            Value::Array(
                (0..n)
                    .map(|_| response(&uuid(), "H001", "2025-05-20T10:00:00Z"))
                    .collect(),
            )
        };
        let (status, _) = server.submit_json(&batch(100)).await;
        assert_eq!(status, StatusCode::OK);
        // 50 tokens are left: a second batch of 100 is refused whole.
        let refused = server.submit(&batch(100)).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.headers().contains_key("retry-after"));
        assert_eq!(server.count().await, 100);
        let (status, _) = server.submit_json(&batch(40)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(server.count().await, 140);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submitted_at_must_be_plausible_against_the_servers_clock() {
    on_each_backend(|db| async move {
        let server = with_default_window(db.url()).await;
        for (at, accepted) in [
            (NOW, true),
            ("2025-05-01T00:00:00Z", true), // 31 days late: a kiosk back from a month off
            ("2025-04-30T23:59:59Z", false), // 31 days and a second
            ("2025-06-01T00:10:00Z", true), // a clock 10 minutes fast
            ("2025-06-01T00:10:01Z", false),
            ("0001-01-01T00:00:00Z", false),
            ("9999-12-31T23:59:59Z", false),
            ("2024-03-15T08:00:00Z", false), // the baseline year
        ] {
            let (status, answer) = server.submit_json(&response(&uuid(), "H001", at)).await;
            if accepted {
                assert_eq!(status, StatusCode::CREATED, "{at}: {answer}");
            } else {
                assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{at}: {answer}");
                assert_eq!(answer["errors"][0]["field"], "submitted_at", "{answer}");
            }
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_demo_never_touches_a_real_account() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        // A real administrator named like a demo account.
        server.add_account("admin", Role::Admin, None).await;
        server.stop().await;

        let seeded = Command::new(BINARY)
            .args(["seed-demo", "--database", db.url(), "--responses", "50"])
            .output()
            .unwrap();
        assert!(
            seeded.status.success(),
            "{}",
            String::from_utf8_lossy(&seeded.stderr)
        );
        let printed = String::from_utf8_lossy(&seeded.stdout);
        assert!(printed.contains("admin: a real account"), "{printed}");

        let server = TestServer::start(db.url()).await;
        assert_eq!(
            server.try_login("admin", "tiyan-demo").await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            server.try_login("admin", PASSWORD).await.status(),
            StatusCode::OK
        );
        // The names that were free became demo accounts.
        assert_eq!(
            server.try_login("h001", "tiyan-demo").await.status(),
            StatusCode::OK
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_one_clients_failures_lock_only_that_client() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.trusted_proxies = TrustedProxies::parse("127.0.0.1").unwrap();
        })
        .await;
        server.add_account("alice", Role::Admin, None).await;
        let login = |user: &'static str, password: &'static str, client: &'static str| {
            server
                .client
                .post(server.url("/api/v1/login"))
                .header("x-forwarded-for", format!("6.6.6.6, {client}"))
                .json(&json!({ "username": user, "password": password }))
                .send()
        };
        // An attacker tries many names from one address until it is locked.
        let mut locked = false;
        for i in 0..30 {
            let name: &'static str = Box::leak(format!("user{i}").into_boxed_str());
            if login(name, "guess", "203.0.113.66").await.unwrap().status()
                == StatusCode::TOO_MANY_REQUESTS
            {
                locked = true;
                break;
            }
        }
        assert!(locked, "the attacker's address is locked");
        // The administrator, through the same proxy, is not.
        let alice = login("alice", PASSWORD, "198.51.100.7").await.unwrap();
        assert_eq!(alice.status(), StatusCode::OK);
        server.stop().await;

        // Without trusted proxies the header is not believed: the peer is
        // locked, whatever address a client writes.
        let server = TestServer::start(db.url()).await;
        for i in 0..21 {
            server.try_login(&format!("other{i}"), "guess").await;
        }
        let spoofed = server
            .client
            .post(server.url("/api/v1/login"))
            .header("x-forwarded-for", "198.51.100.99")
            .json(&json!({ "username": "alice", "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(spoofed.status(), StatusCode::TOO_MANY_REQUESTS);
        server.stop().await;
    })
    .await;
}

/// Reads until the server closes the connection, or `limit` passes.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok().map(|()| got)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_and_stalled_connections_are_closed() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.http.header_read_timeout = Duration::from_secs(1);
            config.http.body_read_timeout = Duration::from_secs(1);
        })
        .await;
        let address = server.base.trim_start_matches("http://").to_owned();

        // Connected, never a byte: closed.
        let mut silent = TcpStream::connect(&address).await.unwrap();
        assert!(closed_within(&mut silent, Duration::from_secs(30))
            .await
            .is_some());

        // Kept alive after an answer, then idle: closed.
        let mut idle = TcpStream::connect(&address).await.unwrap();
        idle.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n")
            .await
            .unwrap();
        let got = closed_within(&mut idle, Duration::from_secs(30))
            .await
            .unwrap();
        assert!(
            got.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&got)
        );

        // Headers, then half a body and silence: 408 and closed.
        let mut stalled = TcpStream::connect(&address).await.unwrap();
        stalled
            .write_all(
                b"POST /api/v1/responses HTTP/1.1\r\nHost: t\r\n\
                  Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{\"id\":",
            )
            .await
            .unwrap();
        let got = closed_within(&mut stalled, Duration::from_secs(30))
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&got);
        assert!(text.starts_with("HTTP/1.1 408"), "{text}");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_past_the_cap_wait_for_a_place() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.http.max_connections = 2;
            config.http.header_read_timeout = Duration::from_secs(120);
        })
        .await;
        let address = server.base.trim_start_matches("http://").to_owned();
        let first = TcpStream::connect(&address).await.unwrap();
        let _second = TcpStream::connect(&address).await.unwrap();
        let mut third = TcpStream::connect(&address).await.unwrap();
        third
            .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        // Both places are taken by silent connections: no answer yet.
        assert!(
            closed_within(&mut third, Duration::from_millis(500))
                .await
                .is_none(),
            "answered past the cap"
        );
        drop(first);
        let got = closed_within(&mut third, Duration::from_secs(60))
            .await
            .unwrap();
        assert!(
            got.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&got)
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_period_is_a_400_naming_it() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;
        for (query, name) in [
            ("period=9999", "period"),
            ("period=9999-12", "period"),
            ("period=0000", "period"),
            ("period=2024-13", "period"),
            ("period=abcd", "period"),
            ("period=2025-01..2024-01", "period"),
            ("period=2025&baseline=9999", "baseline"),
            ("period=2025&baseline=x", "baseline"),
        ] {
            let (status, body) = server
                .get_json(&format!("/api/v1/report?{query}"), &token)
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
            let error = body["error"].as_str().unwrap();
            assert!(error.starts_with(name), "{query}: {error}");
        }
        let (status, _) = server
            .get_json("/api/v1/report?period=9999-11", &token)
            .await;
        assert_eq!(status, StatusCode::OK);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_excel_safe_export_defuses_formulas_and_the_default_is_unchanged() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;
        let mut risky = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
        risky["comment"] = json!("=HYPERLINK(\"http://evil\",\"详情\")");
        let mut plain = response(&uuid(), "H001", "2025-05-20T11:00:00Z");
        plain["comment"] = json!("a=b, 很好");
        for body in [&risky, &plain] {
            assert_eq!(server.submit_json(body).await.0, StatusCode::CREATED);
        }
        let default = server.get_text("/api/v1/export?format=csv", &token).await;
        let safe = server
            .get_text("/api/v1/export?format=csv&excel_safe=1", &token)
            .await;
        assert!(default.contains("\"=HYPERLINK("), "{default}");
        assert!(safe.contains("\"'=HYPERLINK("), "{safe}");
        // Only the formula-like cell differs.
        assert_eq!(safe.replace("\"'=HYPERLINK(", "\"=HYPERLINK("), default);
        let (status, _) = server
            .get_json("/api/v1/export?format=jsonl&excel_safe=1", &token)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comments_with_nul_or_bidi_controls_and_unknown_fields_are_refused_by_name() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        for (comment, field) in [("a\u{0}b", "comment"), ("\u{202E}fdp.exe", "comment")] {
            let mut body = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
            body["comment"] = json!(comment);
            let (status, answer) = server.submit_json(&body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
            assert_eq!(answer["errors"][0]["field"], field);
        }
        let mut typo = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
        let comment = typo.as_object_mut().unwrap().remove("comment").unwrap();
        typo["coment"] = comment;
        let (status, answer) = server.submit_json(&typo).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(answer["errors"][0]["field"], "coment");
        // `contact` is a field of a submission (docs/formats.md §6).
        let mut contact = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
        contact["contact"] = json!({"phone": "13800138000"});
        assert_eq!(server.submit_json(&contact).await.0, StatusCode::CREATED);
        assert_eq!(server.count().await, 1);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instant_written_two_ways_is_a_duplicate_not_a_conflict() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let id = uuid();
        let first = response(&id, "H001", "2025-05-20T10:00:00Z");
        let mut again = first.clone();
        again["submitted_at"] = json!("2025-05-20T10:00:00.000Z");
        assert_eq!(server.submit_json(&first).await.0, StatusCode::CREATED);
        let (status, answer) = server.submit_json(&again).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["status"], "duplicate");
        let mut fraction = response(&uuid(), "H001", "2025-05-20T10:00:00.50Z");
        let (status, _) = server.submit_json(&fraction).await;
        assert_eq!(status, StatusCode::CREATED);
        fraction["submitted_at"] = json!("2025-05-20T10:00:00.5000Z");
        assert_eq!(server.submit_json(&fraction).await.1["status"], "duplicate");
        server.stop().await;
    })
    .await;
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_sqlite_database_is_readable_by_its_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("new").join("tiyan.db");
    let url = format!("sqlite://{}", file.display());
    let server = TestServer::start(&url).await;
    assert_eq!(
        server.submit_json(&response(&uuid(), "H001", NOW)).await.0,
        StatusCode::CREATED
    );
    for path in [file.clone(), file.with_extension("db-wal")] {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
    let folder_mode = std::fs::metadata(file.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(folder_mode, 0o700);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_share_the_lockout_and_the_limits() {
    on_each_backend(|db| async move {
        let limits = |config: &mut server::Config| {
            config.submit_rate = RatePolicy {
                per_minute: 1,
                burst: 20,
            };
        };
        let a = TestServer::start_with(db.url(), limits).await;
        let b = TestServer::start_with(db.url(), limits).await;
        a.add_account("alice", Role::Admin, None).await;

        // Six failures on one server lock the name on the other at once.
        for _ in 0..6 {
            assert_eq!(
                a.try_login("alice", "guess").await.status(),
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            b.try_login("alice", PASSWORD).await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );

        // One server spends the address's burst; the other learns it when
        // both settle with the database (each does every second; here at
        // once), and refuses.
        let one = || response(&uuid(), "H001", "2025-05-20T10:00:00Z");
        assert_eq!(b.submit_json(&one()).await.0, StatusCode::CREATED);
        let batch = Value::Array((0..19).map(|_| one()).collect());
        assert_eq!(a.submit_json(&batch).await.0, StatusCode::OK);
        a.settle_limits().await;
        b.settle_limits().await;
        assert_eq!(
            b.submit(&one()).await.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "b knows what a spent"
        );
        assert_eq!(a.count().await, 20);

        // A restart forgets nothing: the lock is in the database.
        a.stop().await;
        b.stop().await;
        let c = TestServer::start_with(db.url(), limits).await;
        assert_eq!(
            c.try_login("alice", PASSWORD).await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );
        c.clock.advance(Duration::from_secs(2));
        assert_eq!(
            c.try_login("alice", PASSWORD).await.status(),
            StatusCode::OK
        );
        c.stop().await;
    })
    .await;
}
