//! The application served in-process on 127.0.0.1:<free port>, with a
//! clock the test moves.

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use server::auth::{hash_password, Role};
use server::clock::ManualClock;
use server::ingest::SubmittedWindow;
use server::store::Account;
use server::{Config, Server};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The password of every test account.
pub(crate) const PASSWORD: &str = "correct horse battery";

pub(crate) struct TestServer {
    pub(crate) base: String,
    pub(crate) clock: Arc<ManualClock>,
    pub(crate) client: Client,
    store: server::store::Store,
    state: server::AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Serves the defaults (no built app) on `database_url`.
    pub(crate) async fn start(database_url: &str) -> TestServer {
        TestServer::start_with(database_url, |_| {}).await
    }

    pub(crate) async fn start_with(
        database_url: &str,
        adjust: impl FnOnce(&mut Config),
    ) -> TestServer {
        let mut config = Config::new(database_url);
        config.dist = std::path::PathBuf::from("/nonexistent/tiyan-dist");
        // The clock below stands still in 2025 while the tests submit
        // responses of 2024 and 2025 (generated ones too): the window of
        // `submitted_at` is opened wide here, and `hardening.rs` tests the
        // default one.
        config.submitted_window = SubmittedWindow {
            late: Duration::from_secs(36_500 * 86_400),
            early: Duration::from_secs(36_500 * 86_400),
        };
        adjust(&mut config);
        // 2025-06-01T00:00:00Z: any fixed instant does.
        let clock = Arc::new(ManualClock::at(Duration::from_secs(1_748_736_000)));
        let server = Server::open(config, clock.clone())
            .await
            .expect("the server opens its database");
        let store = server.state().store.clone();
        let state = server.state().clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let base = format!("http://{}", listener.local_addr().expect("bound"));
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run(listener, async {
            let _ = stop.await;
        }));
        let client = Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .expect("an HTTP client");
        TestServer {
            base,
            clock,
            client,
            store,
            state,
            shutdown: Some(shutdown),
            task: Some(task),
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub(crate) async fn add_account(&self, username: &str, role: Role, hospital: Option<&str>) {
        self.add_scoped_account(username, role, hospital, None)
            .await;
    }

    /// A department head of `department` in `hospital`.
    pub(crate) async fn add_department_head(
        &self,
        username: &str,
        hospital: &str,
        department: &str,
    ) {
        self.add_scoped_account(
            username,
            Role::DepartmentHead,
            Some(hospital),
            Some(department),
        )
        .await;
    }

    async fn add_scoped_account(
        &self,
        username: &str,
        role: Role,
        hospital: Option<&str>,
        department: Option<&str>,
    ) {
        let account = Account {
            username: username.into(),
            password_hash: hash_password(PASSWORD).expect("hash"),
            role,
            hospital: hospital.map(str::to_owned),
            department: department.map(str::to_owned),
        };
        self.store
            .upsert_account(&account, 0)
            .await
            .expect("account stored");
    }

    /// Logs in with [`PASSWORD`] and returns the token.
    pub(crate) async fn login(&self, username: &str) -> String {
        let response = self.try_login(username, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login of {username}");
        let body: Value = response.json().await.expect("login JSON");
        body["token"].as_str().expect("a token").to_owned()
    }

    pub(crate) async fn try_login(&self, username: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("login request")
    }

    pub(crate) async fn submit(&self, body: &Value) -> Response {
        self.client
            .post(self.url("/api/v1/responses"))
            .json(body)
            .send()
            .await
            .expect("submission request")
    }

    /// Submits and returns the status and JSON answer.
    pub(crate) async fn submit_json(&self, body: &Value) -> (StatusCode, Value) {
        let response = self.submit(body).await;
        let status = response.status();
        (status, response.json().await.expect("JSON answer"))
    }

    /// `GET path` with the bearer token.
    pub(crate) async fn get(&self, path: &str, token: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET request")
    }

    /// `method path` with a JSON body and the bearer token, if any; the
    /// status and the JSON answer (`null` for an empty body).
    pub(crate) async fn send_json_maybe_signed(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> (StatusCode, Value) {
        let mut request = self.client.request(method, self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("a JSON answer")
        };
        (status, json)
    }

    /// `GET path` as text, asserting 200.
    pub(crate) async fn get_text(&self, path: &str, token: &str) -> String {
        let response = self.get(path, token).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.text().await.expect("body")
    }

    /// Settles the per-address limits with the database now, as the
    /// server does every second.
    pub(crate) async fn settle_limits(&self) {
        self.state.settle_limits().await.expect("limits settled");
    }

    pub(crate) fn store(&self) -> &server::store::Store {
        &self.store
    }

    /// `method path` with the bearer token and a JSON body.
    pub(crate) async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let response = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, value)
    }

    /// `GET path` with the bearer token: the status and the JSON body.
    pub(crate) async fn get_json(&self, path: &str, token: &str) -> (StatusCode, Value) {
        let response = self.get(path, token).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, value)
    }

    pub(crate) async fn count(&self) -> i64 {
        self.store.count_responses().await.expect("count")
    }

    /// Graceful shutdown, as on SIGTERM.
    pub(crate) async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            tokio::time::timeout(Duration::from_secs(60), task)
                .await
                .expect("the server stops within a minute")
                .expect("the server task ends cleanly");
        }
    }
}
