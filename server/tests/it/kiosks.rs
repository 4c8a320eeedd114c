//! The kiosk fleet (docs/formats.md §7): registration within scope, the
//! one-time setup link, heartbeats signed with the kiosk's secret, and the
//! states staff read, on a clock the test moves.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use server::auth::Role;
use server::rollout::PublicUrl;

use crate::support::{on_each_backend, TestServer};

const BASE: &str = "https://survey.example.org";

/// A server with H001 (cardiology) and H002 registered, an admin and the
/// two hospitals' administrators; their tokens in that order.
async fn fleet_server(
    url: &str,
    adjust: impl FnOnce(&mut server::Config),
) -> (TestServer, [String; 3]) {
    let server = TestServer::start_with(url, |config| {
        config.public_url = PublicUrl::parse(BASE).unwrap();
        adjust(config);
    })
    .await;
    server.add_account("admin", Role::Admin, None).await;
    server
        .add_account("h001", Role::HospitalAdmin, Some("H001"))
        .await;
    server
        .add_account("h002", Role::HospitalAdmin, Some("H002"))
        .await;
    let admin = server.login("admin").await;
    for body in [
        json!({"code": "H001", "names": {"zh-CN": "市第一人民医院"},
               "departments": [{"code": "cardiology", "names": {"zh-CN": "心内科"}}]}),
        json!({"code": "H002", "names": {"zh-CN": "市中医院"}}),
    ] {
        let path = format!("/api/v1/hospitals/{}", body["code"].as_str().unwrap());
        let (status, _) = server
            .send_json(Method::PUT, &path, Some(&admin), &body)
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let h001 = server.login("h001").await;
    let h002 = server.login("h002").await;
    (server, [admin, h001, h002])
}

/// Registers a kiosk: its id and setup URL.
async fn create(server: &TestServer, token: &str, body: Value) -> (String, String) {
    let (status, answer) = server
        .send_json(Method::POST, "/api/v1/kiosks", Some(token), &body)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    (
        answer["id"].as_str().unwrap().to_owned(),
        answer["setup_url"].as_str().unwrap().to_owned(),
    )
}

/// The `setup` parameter of a setup URL.
fn setup_code(url: &str) -> String {
    let url = url::Url::parse(url).unwrap();
    url.query_pairs()
        .find(|(k, _)| k == "setup")
        .map(|(_, v)| v.into_owned())
        .expect("a setup code")
}

async fn claim(server: &TestServer, id: &str, code: &str) -> (StatusCode, Value) {
    let path = format!("/api/v1/kiosks/{id}/claim");
    server
        .send_json(Method::POST, &path, None, &json!({ "code": code }))
        .await
}

async fn heartbeat(
    server: &TestServer,
    id: &str,
    secret: &str,
    body: Value,
) -> (StatusCode, Value) {
    let path = format!("/api/v1/kiosks/{id}/heartbeat");
    server
        .send_json(Method::POST, &path, Some(secret), &body)
        .await
}

fn beat(pending: u32, rejected: u32, oldest_seconds: Option<u64>) -> Value {
    json!({"app_version": "0.1.0", "outbox_pending": pending, "outbox_rejected": rejected,
           "last_delivered_at": "2025-06-01T00:00:00Z", "oldest_pending_seconds": oldest_seconds})
}

async fn state_of(server: &TestServer, token: &str, id: &str) -> Value {
    let (status, list) = server.get_json("/api/v1/kiosks", token).await;
    assert_eq!(status, StatusCode::OK);
    list.as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id)
        .cloned()
        .expect("the kiosk is listed")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_setup_link_makes_one_device_the_kiosk() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = fleet_server(db.url(), |_| {}).await;
        let (id, url) = create(
            &server,
            &admin,
            json!({"hospital": "H001", "department": "cardiology", "name": "门诊大厅 1号机", "location": "门诊楼一层"}),
        )
        .await;
        let code = setup_code(&url);
        assert_eq!(
            url,
            format!("{BASE}/s/H001?dept=cardiology&kiosk=1&kiosk_id={id}&setup={code}")
        );
        let listed = state_of(&server, &admin, &id).await;
        assert_eq!(listed["set_up_at"], Value::Null);
        assert_eq!(listed["state"], "silent", "never heard from");

        let (status, claimed) = claim(&server, &id, &code).await;
        assert_eq!(status, StatusCode::OK, "{claimed}");
        let secret = claimed["secret"].as_str().unwrap().to_owned();
        assert_eq!(
            claimed,
            json!({"id": id, "hospital": "H001", "department": "cardiology",
                   "name": "门诊大厅 1号机", "location": "门诊楼一层", "secret": secret})
        );
        let (status, again) = claim(&server, &id, &code).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "the link works once");
        assert!(again["error"].as_str().unwrap().starts_with("code: "), "{again}");
        let (status, _) = claim(&server, &id, "not hex").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        let (status, reply) = heartbeat(&server, &id, &secret, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(reply, json!({"state": "ok"}));
        let listed = state_of(&server, &admin, &id).await;
        assert_eq!(listed["last_seen"], "2025-06-01T00:00:00Z");
        assert_eq!(listed["set_up_at"], "2025-06-01T00:00:00Z");
        assert_eq!(listed["app_version"], "0.1.0");
        assert_eq!(listed["last_delivered_at"], "2025-06-01T00:00:00Z");

        // A new link for a replaced tablet: the old secret stops once the
        // new device claims it.
        let (status, renewed) = server
            .send_json(Method::POST, &format!("/api/v1/kiosks/{id}/setup"), Some(&admin), &json!({}))
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, fresh) = claim(&server, &id, &setup_code(renewed["setup_url"].as_str().unwrap())).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = heartbeat(&server, &id, &secret, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let new_secret = fresh["secret"].as_str().unwrap();
        let (status, _) = heartbeat(&server, &id, new_secret, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::OK);

        let (status, _) = server
            .send_json(Method::DELETE, &format!("/api/v1/kiosks/{id}"), Some(&admin), &json!({}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = heartbeat(&server, &id, new_secret, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_need_the_secret_of_that_kiosk() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = fleet_server(db.url(), |_| {}).await;
        let (a, url_a) = create(&server, &admin, json!({"hospital": "H001", "name": "A"})).await;
        let (b, url_b) = create(&server, &admin, json!({"hospital": "H001", "name": "B"})).await;
        assert!(!url_a.contains("dept="), "{url_a}");
        let (_, claimed_a) = claim(&server, &a, &setup_code(&url_a)).await;
        let secret_a = claimed_a["secret"].as_str().unwrap().to_owned();

        let (status, _) = heartbeat(&server, &b, &secret_a, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "another kiosk's secret");
        let (status, _) = heartbeat(&server, &b, &"0".repeat(64), beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "b is not claimed yet");
        let (status, _) = heartbeat(&server, &b, &setup_code(&url_b), beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "the setup code is no secret");
        let no_auth = server
            .client
            .post(server.url(&format!("/api/v1/kiosks/{a}/heartbeat")))
            .json(&beat(0, 0, None))
            .send()
            .await
            .unwrap();
        assert_eq!(no_auth.status(), StatusCode::UNAUTHORIZED);
        let admin_session = heartbeat(&server, &a, &admin, beat(0, 0, None)).await;
        assert_eq!(admin_session.0, StatusCode::UNAUTHORIZED, "a session token is no kiosk secret");

        for (body, field) in [
            (json!({"app_version": "1", "outbox_pending": -1, "outbox_rejected": 0}), "outbox_pending: "),
            (json!({"app_version": "1", "outbox_pending": 0, "outbox_rejected": 0, "last_delivered_at": "today"}), "last_delivered_at: "),
            (json!({"app_version": "x".repeat(121), "outbox_pending": 0, "outbox_rejected": 0}), "app_version: "),
            (json!({"outbox_pending": 0, "outbox_rejected": 0}), "body: missing field `app_version`"),
        ] {
            let (status, error) = heartbeat(&server, &a, &secret_a, body).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{error}");
            assert!(error["error"].as_str().unwrap().starts_with(field), "{error}");
        }
        let huge = json!({"app_version": "x".repeat(5000), "outbox_pending": 0, "outbox_rejected": 0});
        let (status, _) = heartbeat(&server, &a, &secret_a, huge).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(state_of(&server, &admin, &a).await["last_seen"], Value::Null, "nothing recorded");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn states_follow_the_outbox_and_the_clock() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = fleet_server(db.url(), |_| {}).await;
        let (id, url) = create(&server, &admin, json!({"hospital": "H001", "name": "A"})).await;
        let (_, claimed) = claim(&server, &id, &setup_code(&url)).await;
        let secret = claimed["secret"].as_str().unwrap().to_owned();
        let minutes = |m: u64| Duration::from_secs(60 * m);
        let state = || async { state_of(&server, &admin, &id).await["state"].clone() };

        let (_, reply) = heartbeat(&server, &id, &secret, beat(2, 0, Some(60))).await;
        assert_eq!(reply["state"], "ok", "answers waiting a minute");
        assert_eq!(
            state_of(&server, &admin, &id).await["oldest_pending_at"],
            "2025-05-31T23:59:00Z"
        );
        // The kiosk goes offline holding them: they keep ageing.
        server.clock.advance(minutes(29));
        assert_eq!(state().await, "ok");
        server.clock.advance(minutes(1));
        assert_eq!(state().await, "backlog", "waited 31 minutes");
        server.clock.advance(minutes(60));
        assert_eq!(
            state().await,
            "backlog",
            "silent, but known to hold answers"
        );

        // Back online: the outbox empties.
        let (_, reply) = heartbeat(&server, &id, &secret, beat(0, 0, None)).await;
        assert_eq!(reply["state"], "ok");
        assert_eq!(state().await, "ok");
        let listed = state_of(&server, &admin, &id).await;
        assert_eq!(
            (
                listed["outbox_pending"].clone(),
                listed["oldest_pending_at"].clone()
            ),
            (json!(0), Value::Null)
        );
        server.clock.advance(minutes(60));
        assert_eq!(state().await, "ok", "60 minutes is not yet silent");
        server.clock.advance(Duration::from_secs(1));
        assert_eq!(state().await, "silent");

        let (_, reply) = heartbeat(&server, &id, &secret, beat(3, 1, Some(7200))).await;
        assert_eq!(
            reply["state"], "rejects",
            "refused answers need staff first"
        );
        assert_eq!(state().await, "rejects");
        let listed = state_of(&server, &admin, &id).await;
        assert_eq!(
            (
                listed["outbox_pending"].clone(),
                listed["outbox_rejected"].clone()
            ),
            (json!(3), json!(1))
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosks_are_managed_within_scope() {
    on_each_backend(|db| async move {
        let (server, [admin, h001, h002]) = fleet_server(db.url(), |_| {}).await;
        let (own, _) = create(&server, &h001, json!({"hospital": "H001", "name": "一楼"})).await;
        let (other, _) = create(&server, &admin, json!({"hospital": "H002", "name": "二楼"})).await;
        let (status, _) = server
            .send_json(
                Method::POST,
                "/api/v1/kiosks",
                Some(&h001),
                &json!({"hospital": "H002", "name": "x"}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let ids = |list: Value| -> Vec<String> {
            list.as_array()
                .unwrap()
                .iter()
                .map(|k| k["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let (_, mine) = server.get_json("/api/v1/kiosks", &h001).await;
        assert_eq!(ids(mine), [own]);
        let (_, theirs) = server.get_json("/api/v1/kiosks", &h002).await;
        assert_eq!(ids(theirs), [other.as_str()]);
        let (_, all) = server.get_json("/api/v1/kiosks", &admin).await;
        assert_eq!(ids(all).len(), 2);
        let (_, filtered) = server
            .get_json("/api/v1/kiosks?hospital=H002", &admin)
            .await;
        assert_eq!(ids(filtered), [other.as_str()]);
        let (status, _) = server.get_json("/api/v1/kiosks?hospital=H002", &h001).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        for (method, path) in [
            (Method::POST, format!("/api/v1/kiosks/{other}/setup")),
            (Method::DELETE, format!("/api/v1/kiosks/{other}")),
        ] {
            let (status, _) = server
                .send_json(method, &path, Some(&h001), &json!({}))
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        let (_, all) = server.get_json("/api/v1/kiosks", &admin).await;
        assert_eq!(ids(all).len(), 2, "nothing deleted");
        let (status, _) = server.get_json("/api/v1/kiosks", "nobody").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_kiosks_are_refused_naming_the_field_and_nothing_is_stored() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = fleet_server(db.url(), |_| {}).await;
        for (body, field) in [
            (
                json!({"hospital": "H404", "name": "A"}),
                "hospital: H404 is not registered",
            ),
            (
                json!({"hospital": "H001", "department": "ent", "name": "A"}),
                "department: ent is not a registered",
            ),
            (
                json!({"hospital": "H002", "department": "cardiology", "name": "A"}),
                "department: ",
            ),
            (json!({"hospital": "H 1", "name": "A"}), "hospital: "),
            (json!({"hospital": "H001", "name": ""}), "name: "),
            (
                json!({"hospital": "H001", "name": "机".repeat(121)}),
                "name: has 121 characters",
            ),
            (
                json!({"hospital": "H001", "name": "A", "location": "x".repeat(121)}),
                "location: ",
            ),
            (json!({"hospital": "H001"}), "body: missing field `name`"),
            (json!({"hospital": "H001", "name": 7}), "name: "),
        ] {
            let (status, error) = server
                .send_json(Method::POST, "/api/v1/kiosks", Some(&admin), &body)
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {error}");
            let message = error["error"].as_str().unwrap();
            assert!(
                message.starts_with(field),
                "{message} should start with {field}"
            );
        }
        let (_, all) = server.get_json("/api/v1/kiosks", &admin).await;
        assert_eq!(all, json!([]));
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_and_heartbeats_are_rate_limited_per_address() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = fleet_server(db.url(), |config| {
            config.submit_rate = server::http::RatePolicy {
                per_minute: 1,
                burst: 3,
            };
        })
        .await;
        let (id, url) = create(&server, &admin, json!({"hospital": "H001", "name": "A"})).await;
        let (_, claimed) = claim(&server, &id, &setup_code(&url)).await;
        let secret = claimed["secret"].as_str().unwrap().to_owned();
        for _ in 0..2 {
            let (status, _) = heartbeat(&server, &id, &secret, beat(0, 0, None)).await;
            assert_eq!(status, StatusCode::OK);
        }
        let (status, _) = heartbeat(&server, &id, &secret, beat(0, 0, None)).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        // Submissions have their own budget.
        let body =
            crate::support::response(&crate::support::uuid(), "H001", "2025-05-03T09:12:44Z");
        assert_eq!(server.submit_json(&body).await.0, StatusCode::CREATED);
        server.stop().await;
    })
    .await;
}
