//! Login, cookie and bearer sessions, expiry, logout, and the slow-down of
//! repeated failures.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};
use server::auth::Role;

use crate::support::{on_each_backend, TestServer, PASSWORD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_answers_a_token_and_sets_a_strict_http_only_cookie() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("h001", Role::HospitalAdmin, Some("H001")).await;
        let response = server.try_login("h001", PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
        let body: Value = response.json().await.unwrap();
        let token = body["token"].as_str().unwrap();
        assert_eq!(token.len(), 64);
        assert_eq!(
            body,
            json!({ "token": token, "username": "h001", "role": "hospital_admin", "hospital": "H001", "department": null })
        );
        assert!(cookie.starts_with(&format!("tiyan_session={token};")), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Strict", "Max-Age=43200"] {
            assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cookie_and_the_bearer_token_both_authenticate() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;
        let expected =
            json!({ "username": "admin", "role": "admin", "hospital": null, "department": null });

        let by_bearer = server.get("/api/v1/me", &token).await;
        assert_eq!(by_bearer.status(), StatusCode::OK);
        assert_eq!(by_bearer.json::<Value>().await.unwrap(), expected);

        let by_cookie = server
            .client
            .get(server.url("/api/v1/me"))
            .header("cookie", format!("lang=zh-CN; tiyan_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(by_cookie.status(), StatusCode::OK);
        assert_eq!(by_cookie.json::<Value>().await.unwrap(), expected);

        let forged = server.get("/api/v1/me", &"0".repeat(64)).await;
        assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_and_an_unknown_user_get_the_same_401() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let wrong_password = server.try_login("admin", "not the password").await;
        let unknown_user = server.try_login("nobody", PASSWORD).await;
        assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(unknown_user.status(), StatusCode::UNAUTHORIZED);
        assert!(wrong_password.headers().get("set-cookie").is_none());
        let a: Value = wrong_password.json().await.unwrap();
        let b: Value = unknown_user.json().await.unwrap();
        assert_eq!(a, json!({ "error": "invalid username or password" }));
        assert_eq!(a, b);

        let not_json = server
            .client
            .post(server.url("/api/v1/login"))
            .header("content-type", "text/plain")
            .body(format!(
                "{{\"username\":\"admin\",\"password\":\"{PASSWORD}\"}}"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_expire_after_twelve_hours() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;
        server.clock.advance(Duration::from_secs(12 * 3600 - 1));
        assert_eq!(
            server.get("/api/v1/me", &token).await.status(),
            StatusCode::OK
        );
        server.clock.advance(Duration::from_secs(1));
        let expired = server.get("/api/v1/me", &token).await;
        assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            server.get("/api/v1/export", &token).await.status(),
            StatusCode::UNAUTHORIZED
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_ends_the_session_and_clears_the_cookie() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;
        let other = server.login("admin").await;
        let logout = server
            .client
            .post(server.url("/api/v1/logout"))
            .header("cookie", format!("tiyan_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(logout.status(), StatusCode::NO_CONTENT);
        assert!(logout.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
        assert_eq!(
            server.get("/api/v1/me", &token).await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            server.get("/api/v1/me", &other).await.status(),
            StatusCode::OK,
            "other sessions live on"
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_endpoints_need_a_session() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        for path in [
            "/api/v1/me",
            "/api/v1/export?format=csv",
            "/api/v1/report?period=2024",
        ] {
            let response = server.client.get(server.url(path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
            let body: Value = response.json().await.unwrap();
            assert!(body["error"].is_string());
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_lock_the_username_for_a_doubling_delay() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        for attempt in 1..=5 {
            let response = server.try_login("admin", "guess").await;
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "attempt {attempt}"
            );
        }
        // The sixth failure locks the name for 1 s, the seventh for 2 s…
        assert_eq!(
            server.try_login("admin", "guess").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let locked = server.try_login("admin", PASSWORD).await;
        assert_eq!(
            locked.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "even the right password waits"
        );
        assert_eq!(locked.headers()["retry-after"], "1");

        server.clock.advance(Duration::from_secs(1));
        assert_eq!(
            server.try_login("admin", "guess").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let locked = server.try_login("admin", PASSWORD).await;
        assert_eq!(locked.headers()["retry-after"], "2");

        // An unknown name is slowed down the same way: the lock tells nothing.
        for _ in 0..6 {
            server.try_login("ghost", "guess").await;
        }
        assert_eq!(
            server.try_login("ghost", "guess").await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );

        server.clock.advance(Duration::from_secs(2));
        assert_eq!(
            server.try_login("admin", PASSWORD).await.status(),
            StatusCode::OK
        );
        server.stop().await;
    })
    .await;
}
