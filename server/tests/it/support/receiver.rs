//! A webhook receiver on 127.0.0.1 that records every POST (its signature
//! header and body) and answers 200, or 503 while told to fail.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// One POST received.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    pub(crate) signature: String,
    pub(crate) body: String,
}

impl Delivery {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }

    /// Whether the signature is `sha256=<hex HMAC-SHA256 of the body>`
    /// with `secret`, computed here independently of the server.
    pub(crate) fn signed_with(&self, secret: &str) -> bool {
        let Some(hex_mac) = self.signature.strip_prefix("sha256=") else {
            return false;
        };
        let Ok(mac_bytes) = hex::decode(hex_mac) else {
            return false;
        };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("a key");
        mac.update(self.body.as_bytes());
        mac.verify_slice(&mac_bytes).is_ok()
    }
}

#[derive(Clone, Default)]
struct Shared {
    got: Arc<Mutex<Vec<Delivery>>>,
    failing: Arc<AtomicBool>,
}

pub(crate) struct Receiver {
    pub(crate) url: String,
    shared: Shared,
    task: JoinHandle<()>,
}

async fn record(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> StatusCode {
    if shared.failing.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let signature = headers
        .get("x-tiyan-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = String::from_utf8_lossy(&body).into_owned();
    shared
        .got
        .lock()
        .unwrap()
        .push(Delivery { signature, body });
    StatusCode::OK
}

impl Receiver {
    /// Listens on `listener` at `/hook`.
    pub(crate) fn start(listener: TcpListener) -> Receiver {
        let address = listener.local_addr().expect("bound");
        let shared = Shared::default();
        let app = Router::new()
            .route("/hook", post(record))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver {
            url: format!("http://{address}/hook"),
            shared,
            task,
        }
    }

    pub(crate) async fn bind() -> Receiver {
        Receiver::start(TcpListener::bind("127.0.0.1:0").await.expect("a free port"))
    }

    pub(crate) fn set_failing(&self, failing: bool) {
        self.shared.failing.store(failing, Ordering::SeqCst);
    }

    pub(crate) fn deliveries(&self) -> Vec<Delivery> {
        self.shared.got.lock().unwrap().clone()
    }

    /// Waits (at most a minute) until `done` holds for the deliveries.
    pub(crate) async fn wait_until(&self, what: &str, done: impl Fn(&[Delivery]) -> bool) {
        for _ in 0..600 {
            if done(&self.deliveries()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("{what}: not within a minute; got {:?}", self.deliveries());
    }

    pub(crate) fn stop(self) {
        self.task.abort();
    }
}
