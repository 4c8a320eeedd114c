//! The real `tiyan-server` binary as a process: a SIGKILL in the middle of
//! a load loses no acknowledged response, SIGTERM finishes the writes in
//! flight and exits cleanly, and the administration subcommands work.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use server::store::{ResponseFilter, Store};
use tokio::sync::watch;

use crate::support::{on_each_backend, response, uuid, TestServer, PASSWORD};

const BINARY: &str = env!("CARGO_BIN_EXE_tiyan-server");

/// A `tiyan-server serve` child process.
struct Running {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
}

impl Running {
    /// Starts the server on a free port and waits until it answers health.
    async fn start(database_url: &str) -> Running {
        Running::start_with(database_url, &[], "info").await
    }

    /// … with more arguments and a log filter.
    async fn start_with(database_url: &str, extra: &[&str], log_filter: &str) -> Running {
        let mut child = Command::new(BINARY)
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--dist",
                "/nonexistent/tiyan-dist",
            ])
            .args(["--database", database_url])
            .args(extra)
            .env("TIYAN_SUBMIT_RATE", "0")
            // The responses are of 2024 and 2025; the clock is the system's.
            .env("TIYAN_ACCEPT_LATE_DAYS", "36500")
            .env("RUST_LOG", log_filter)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("tiyan-server starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (address_tx, address_rx) = std::sync::mpsc::channel();
        let log_writer = log.clone();
        // Reads the log for the listening address, then keeps draining it
        // so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on http://").nth(1) {
                    let address = rest.split('/').next().unwrap_or_default().to_owned();
                    let _ = address_tx.send(address);
                }
                let mut log = log_writer.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let address =
            tokio::task::spawn_blocking(move || address_rx.recv_timeout(Duration::from_secs(60)))
                .await
                .unwrap()
                .unwrap_or_else(|_| panic!("the server did not start:\n{}", log.lock().unwrap()));
        let running = Running {
            child,
            base: format!("http://{address}"),
            log,
        };
        running.wait_healthy().await;
        running
    }

    /// Polls health, at most 200 times 50 ms apart.
    async fn wait_healthy(&self) {
        let client = Client::new();
        for _ in 0..200 {
            let health = client
                .get(format!("{}/api/v1/health", self.base))
                .send()
                .await;
            if health.is_ok_and(|r| r.status() == StatusCode::OK) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the server never answered health:\n{}",
            self.log.lock().unwrap()
        );
    }

    fn signal(&self, signal: Signal) {
        let pid = Pid::from_raw(i32::try_from(self.child.id()).expect("a pid"));
        kill(pid, signal).expect("signal sent");
    }

    /// Waits (at most a minute) for the process to end.
    async fn wait(mut self) -> ExitStatus {
        let log = self.log.clone();
        let waiting = tokio::task::spawn_blocking(move || self.child.wait());
        match tokio::time::timeout(Duration::from_secs(60), waiting).await {
            Ok(status) => status.unwrap().expect("exit status"),
            Err(_) => panic!("the server did not exit:\n{}", log.lock().unwrap()),
        }
    }
}

/// A load of submissions in progress.
struct Load {
    /// Ids the server answered "stored" for, as they come.
    acknowledged: Arc<Mutex<Vec<String>>>,
    /// How many so far, to wait on.
    count: watch::Receiver<usize>,
    clients: Vec<tokio::task::JoinHandle<()>>,
}

impl Load {
    /// Waits (at most two minutes) for `n` acknowledgements.
    async fn wait_for(&mut self, n: usize) {
        tokio::time::timeout(Duration::from_secs(120), self.count.wait_for(|c| *c >= n))
            .await
            .unwrap_or_else(|_| panic!("{n} acknowledgements within two minutes"))
            .expect("clients running");
    }

    /// Waits for every client to stop, and returns the acknowledged ids.
    async fn finish(self) -> Vec<String> {
        for client in self.clients {
            client.await.unwrap();
        }
        let acknowledged = self.acknowledged.lock().unwrap().clone();
        acknowledged
    }
}

/// Submits from `clients` concurrent clients, each at most `per_client`
/// times (one response, or a batch of three every fourth time), until the
/// server stops answering.
fn load(base: &str, clients: usize, per_client: usize) -> Load {
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let (count_tx, count_rx) = watch::channel(0usize);
    let count_tx = Arc::new(count_tx);
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let tasks = (0..clients)
        .map(|c| {
            let (client, acknowledged, count_tx) =
                (client.clone(), acknowledged.clone(), count_tx.clone());
            let url = format!("{base}/api/v1/responses");
            tokio::spawn(async move {
                for i in 0..per_client {
                    let ids: Vec<String> = (0..if i % 4 == 3 { 3 } else { 1 })
                        .map(|_| uuid())
                        .collect();
                    let bodies: Vec<Value> = ids
                        .iter()
                        .map(|id| {
                            response(id, &format!("H00{}", c % 3 + 1), "2025-03-04T05:06:07Z")
                        })
                        .collect();
                    let body = if ids.len() == 1 {
                        bodies[0].clone()
                    } else {
                        Value::Array(bodies)
                    };
                    let Ok(answer) = client.post(&url).json(&body).send().await else {
                        return; // the server is gone
                    };
                    let status = answer.status();
                    let Ok(answer) = answer.json::<Value>().await else {
                        return; // cut off mid-answer: not acknowledged
                    };
                    let stored: Vec<String> = if ids.len() == 1 {
                        assert_eq!(status, StatusCode::CREATED, "{answer}");
                        ids
                    } else {
                        let results = answer["results"].as_array().expect("batch results");
                        ids.into_iter()
                            .zip(results)
                            .filter(|(_, r)| r["status"] == "stored")
                            .map(|(id, _)| id)
                            .collect()
                    };
                    let total = {
                        let mut acknowledged = acknowledged.lock().unwrap();
                        acknowledged.extend(stored);
                        acknowledged.len()
                    };
                    count_tx.send_replace(total);
                }
            })
        })
        .collect();
    Load {
        acknowledged,
        count: count_rx,
        clients: tasks,
    }
}

/// Every stored id, straight from the database.
async fn stored_ids(database_url: &str) -> Vec<String> {
    let store = Store::connect(database_url)
        .await
        .expect("the database opens");
    let filter = ResponseFilter::default();
    let mut rows = store.response_bodies(&filter);
    let mut ids = Vec::new();
    while let Some(row) = rows.next().await {
        let body: Value = serde_json::from_str(&row.unwrap()).unwrap();
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    drop(rows);
    store.close().await;
    ids
}

fn assert_each_once(acknowledged: &[String], stored: &[String]) {
    let unique: HashSet<&String> = stored.iter().collect();
    assert_eq!(unique.len(), stored.len(), "an id is stored twice");
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !unique.contains(id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged responses were lost, e.g. {:?}",
        lost.len(),
        lost.first()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_kill_mid_load_loses_no_acknowledged_response() {
    on_each_backend(|db| async move {
        let server = Running::start(db.url()).await;
        let mut load = load(&server.base, 16, 200);
        load.wait_for(300).await;
        server.signal(Signal::SIGKILL);
        let status = server.wait().await;
        assert!(!status.success(), "killed, not exited: {status:?}");
        let acknowledged = load.finish().await;
        assert!(acknowledged.len() >= 300);

        // The restarted server serves them all, each once.
        let restarted = Running::start(db.url()).await;
        let created = Command::new(BINARY)
            .args([
                "create-admin",
                "--database",
                db.url(),
                "--username",
                "auditor",
                "--role",
                "admin",
            ])
            .env("TIYAN_ADMIN_PASSWORD", PASSWORD)
            .output()
            .unwrap();
        assert!(
            created.status.success(),
            "{}",
            String::from_utf8_lossy(&created.stderr)
        );
        let client = Client::new();
        let login: Value = client
            .post(format!("{}/api/v1/login", restarted.base))
            .json(&serde_json::json!({ "username": "auditor", "password": PASSWORD }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let export = client
            .get(format!("{}/api/v1/export?format=jsonl", restarted.base))
            .bearer_auth(login["token"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let exported: Vec<String> = export
            .lines()
            .map(|line| {
                serde_json::from_str::<Value>(line).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_each_once(&acknowledged, &exported);
        restarted.signal(Signal::SIGTERM);
        assert!(restarted.wait().await.success());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_the_writes_in_flight_and_exits_cleanly() {
    on_each_backend(|db| async move {
        let server = Running::start(db.url()).await;
        let mut load = load(&server.base, 16, 100);
        load.wait_for(200).await;
        server.signal(Signal::SIGTERM);
        let log = server.log.clone();
        let status = server.wait().await;
        assert!(status.success(), "{status:?}\n{}", log.lock().unwrap());
        assert!(log
            .lock()
            .unwrap()
            .contains("every queued response is committed"));
        let acknowledged = load.finish().await;
        assert_each_once(&acknowledged, &stored_ids(db.url()).await);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_admin_reads_the_password_from_stdin() {
    on_each_backend(|db| async move {
        let mut child = Command::new(BINARY)
            .args(["create-admin", "--database", db.url(), "--username", "h002"])
            .args(["--role", "hospital_admin", "--hospital", "H002"])
            .env_remove("TIYAN_ADMIN_PASSWORD")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout)
            .contains("h002 created: hospital_admin of H002"));

        let refused = Command::new(BINARY)
            .args([
                "create-admin",
                "--database",
                db.url(),
                "--username",
                "x",
                "--role",
                "hospital_admin",
            ])
            .env("TIYAN_ADMIN_PASSWORD", PASSWORD)
            .output()
            .unwrap();
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains("needs --hospital"));

        let server = TestServer::start(db.url()).await;
        let me: Value = server
            .get("/api/v1/me", &server.login("h002").await)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            me,
            serde_json::json!({ "username": "h002", "role": "hospital_admin", "hospital": "H002", "department": null })
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_demo_is_idempotent_and_prints_the_demo_accounts() {
    on_each_backend(|db| async move {
        let seed = || {
            let output = Command::new(BINARY)
                .args(["seed-demo", "--database", db.url(), "--responses", "500"])
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8(output.stdout).unwrap()
        };
        let first = seed();
        assert!(
            first.contains("500 responses stored, 0 already there"),
            "{first}"
        );
        assert!(first.contains("tiyan-demo") && first.contains("admin") && first.contains("h001"));
        let second = seed();
        assert!(
            second.contains("0 responses stored, 500 already there"),
            "{second}"
        );

        assert!(first.contains("5 demo cases"), "{first}");
        assert!(second.contains("0 demo cases"), "{second}");

        let server = TestServer::start(db.url()).await;
        // The generated responses and the five behind the demo cases.
        assert_eq!(server.count().await, 505);
        // The demo's deadlines are set from the wall clock.
        server.clock.set(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap(),
        );
        let head = server.try_login("cardio", "tiyan-demo").await;
        assert_eq!(head.status(), StatusCode::OK);
        let head = head.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned();
        let cases: Value = server
            .get("/api/v1/cases", &head)
            .await
            .json()
            .await
            .unwrap();
        let cases = cases["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 4, "cardiology's demo cases");
        assert_eq!(cases[0]["overdue"], true, "the overdue one first");
        let statuses: HashSet<&str> = cases
            .iter()
            .map(|c| c["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, HashSet::from(["open", "in_progress", "resolved"]));
        assert!(cases.iter().any(|c| c["callback"]["phone"].is_string()));
        let public: Value = server
            .client
            .get(server.url("/api/v1/public/H001/actions"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public["callback_offered"], true);
        assert_eq!(public["actions"].as_array().unwrap().len(), 3);
        let token = match server.try_login("h001", "tiyan-demo").await {
            r if r.status() == StatusCode::OK => r.json::<Value>().await.unwrap()["token"]
                .as_str()
                .unwrap()
                .to_owned(),
            r => panic!("demo login: {}", r.status()),
        };
        let export = server.get_text("/api/v1/export?format=jsonl", &token).await;
        assert!(export.lines().count() > 0);
        assert!(export.lines().all(|l| l.contains("\"hospital\":\"H001\"")));

        // The registry names every code the demo responses carry, and the
        // kiosk's link printed last works (once).
        let (_, unknown) = server
            .get_json("/api/v1/hospitals/unregistered", &token)
            .await;
        assert_eq!(
            unknown,
            serde_json::json!({"hospitals": [], "departments": []})
        );
        let (_, hospital) = server.get_json("/api/v1/hospitals/H001", &token).await;
        assert_eq!(hospital["names"]["zh-CN"], "江州市第一人民医院");
        assert_eq!(hospital["level"], "三级");
        let (_, kiosks) = server.get_json("/api/v1/kiosks", &token).await;
        assert_eq!(kiosks[0]["name"], "门诊大厅 1号机");
        let link = second.lines().last().unwrap().trim();
        assert!(
            link.starts_with("http://127.0.0.1:8080/s/H001?kiosk=1&kiosk_id="),
            "{link}"
        );
        let (id, code) = link
            .split_once("kiosk_id=")
            .and_then(|(_, rest)| rest.split_once("&setup="))
            .unwrap();
        let path = format!("/api/v1/kiosks/{id}/claim");
        let body = serde_json::json!({ "code": code });
        let (status, _) = server
            .send_json_maybe_signed(reqwest::Method::POST, &path, None, &body)
            .await;
        assert_eq!(status, StatusCode::OK);
        server.stop().await;
    })
    .await;
}

/// Creates account `username` with the test password through the
/// `create-admin` subcommand.
fn create_account(database_url: &str, username: &str, scope: &[&str]) {
    let created = Command::new(BINARY)
        .args([
            "create-admin",
            "--database",
            database_url,
            "--username",
            username,
        ])
        .args(scope)
        .env("TIYAN_ADMIN_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
}

async fn login(client: &Client, base: &str, username: &str) -> String {
    let login: Value = client
        .post(format!("{base}/api/v1/login"))
        .json(&serde_json::json!({ "username": username, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    login["token"].as_str().expect("a token").to_owned()
}

/// An alerting response of H001 cardiology with a call-back number.
fn alerting_with_phone(phone: &str) -> Value {
    let mut body = response(&uuid(), "H001", "2025-05-20T10:00:00Z");
    body["answers"]["overall.rating"] = serde_json::json!(1);
    body["contact"] = serde_json::json!({ "phone": phone });
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn webhooks_reach_a_receiver_that_was_down_across_a_restart_and_no_log_has_the_phone() {
    const PHONE: &str = "13712345678";
    const SECRET: &str = "relay-secret";
    on_each_backend(|db| async move {
        // A port with nothing listening: every delivery is refused.
        let address = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap()
        };
        let args = [
            "--webhook-poll-millis",
            "100",
            "--webhook-max-backoff",
            "1",
            "--case-sweep-seconds",
            "1",
        ];
        let server = Running::start_with(db.url(), &args, "debug").await;
        create_account(
            db.url(),
            "h001",
            &["--role", "hospital_admin", "--hospital", "H001"],
        );
        create_account(
            db.url(),
            "cardio",
            &[
                "--role",
                "department_head",
                "--hospital",
                "H001",
                "--department",
                "cardiology",
            ],
        );
        let client = Client::new();
        let token = login(&client, &server.base, "h001").await;
        let settings = serde_json::json!({
            "rules": {"overall_rating_at_most": 4, "item_lowest": true, "keywords": []},
            "sla_hours": 72,
            "webhook": {"url": format!("http://{address}/hook"), "secret": SECRET},
            "callback_offered": true
        });
        let put = client
            .put(format!("{}/api/v1/hospitals/H001/alerting", server.base))
            .bearer_auth(&token)
            .json(&settings)
            .send()
            .await
            .unwrap();
        assert_eq!(put.status(), StatusCode::OK);
        let submit = |base: String| {
            let client = client.clone();
            async move {
                let status = client
                    .post(format!("{base}/api/v1/responses"))
                    .json(&alerting_with_phone(PHONE))
                    .send()
                    .await
                    .unwrap()
                    .status();
                assert_eq!(status, StatusCode::CREATED);
            }
        };
        for _ in 0..4 {
            submit(server.base.clone()).await;
        }
        // Refused attempts, then the server dies mid-retry.
        let first_log = server.log.clone();
        let refused = || {
            first_log
                .lock()
                .unwrap()
                .matches("webhook not delivered")
                .count()
        };
        for _ in 0..600 {
            if refused() >= 6 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(refused() >= 6, "the receiver was down and refused");
        server.signal(Signal::SIGKILL);
        server.wait().await;

        let restarted = Running::start_with(db.url(), &args, "debug").await;
        for _ in 0..2 {
            submit(restarted.base.clone()).await;
        }
        // The cardiology head sees the cases and resolves one (its number
        // goes with it).
        let head = login(&client, &restarted.base, "cardio").await;
        let cases: Value = client
            .get(format!("{}/api/v1/cases", restarted.base))
            .bearer_auth(&head)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let listed = cases["cases"].as_array().unwrap();
        assert_eq!(listed.len(), 6);
        let resolved = client
            .post(format!(
                "{}/api/v1/cases/{}/events",
                restarted.base, listed[0]["id"]
            ))
            .bearer_auth(&head)
            .json(&serde_json::json!({"action": "resolve", "root_cause": "候诊流程"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resolved.status(), StatusCode::OK);

        // The receiver comes up: every event arrives, signed.
        let receiver =
            crate::support::Receiver::start(tokio::net::TcpListener::bind(address).await.unwrap());
        receiver
            .wait_until("six case.opened events", |d| {
                let keys: HashSet<String> = d
                    .iter()
                    .map(|x| {
                        x.json()["idempotency_key"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned()
                    })
                    .collect();
                keys.len() == 6
            })
            .await;
        let ids: HashSet<i64> = listed.iter().map(|c| c["id"].as_i64().unwrap()).collect();
        for delivery in receiver.deliveries() {
            assert!(delivery.signed_with(SECRET), "{delivery:?}");
            assert!(!delivery.body.contains(PHONE));
            let event = delivery.json();
            assert_eq!(event["event"], "case.opened");
            assert!(ids.contains(&event["case"]["id"].as_i64().unwrap()));
        }
        receiver.stop();

        restarted.signal(Signal::SIGTERM);
        let second_log = restarted.log.clone();
        assert!(restarted.wait().await.success());
        for log in [first_log, second_log] {
            let log = log.lock().unwrap();
            assert!(log.contains("webhook"), "the log covers deliveries");
            assert!(
                !log.contains(PHONE),
                "a log line has the phone number:\n{log}"
            );
            assert!(!log.contains(SECRET), "a log line has the webhook secret");
        }
    })
    .await;
}
