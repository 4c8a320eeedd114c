//! `POST /api/v1/responses`: stored, duplicate, conflict, rejected, and the
//! limits (malformed, oversized, rate).

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{on_each_backend, response, uuid, TestServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_response_is_stored_and_a_repeat_is_a_duplicate() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let id = uuid();
        let body = response(&id, "H001", "2024-05-03T09:12:44Z");

        let (status, answer) = server.submit_json(&body).await;
        assert_eq!(status, StatusCode::CREATED, "{}", db.backend());
        assert_eq!(answer, json!({ "id": id, "status": "stored" }));

        // The same response again, as a kiosk retrying after a lost answer,
        // with its keys in another order: the same content.
        let text = serde_json::to_string_pretty(&body).unwrap();
        let mut reordered: Vec<(String, Value)> =
            serde_json::from_str::<serde_json::Map<_, _>>(&text)
                .unwrap()
                .into_iter()
                .collect();
        reordered.reverse();
        let reordered = Value::Object(reordered.into_iter().collect());
        let (status, answer) = server.submit_json(&reordered).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(answer, json!({ "id": id, "status": "duplicate" }));
        assert_eq!(server.count().await, 1);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_id_with_other_content_is_a_conflict_and_changes_nothing() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server
            .add_account("admin", server::auth::Role::Admin, None)
            .await;
        let id = uuid();
        let first = response(&id, "H001", "2024-05-03T09:12:44Z");
        let mut other = first.clone();
        other["answers"]["overall.rating"] = json!(2);

        assert_eq!(server.submit_json(&first).await.0, StatusCode::CREATED);
        let (status, answer) = server.submit_json(&other).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(answer["id"], json!(id));
        assert_eq!(answer["status"], "conflict");
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));

        let token = server.login("admin").await;
        let export = server.get_text("/api/v1/export?format=jsonl", &token).await;
        let stored: Value = serde_json::from_str(export.trim_end()).unwrap();
        assert_eq!(
            stored["answers"]["overall.rating"], 9,
            "the first version stays"
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_response_is_rejected_with_every_field_named() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let id = uuid();
        let mut body = response(&id, "H001", "2024-05-03T09:12:44Z");
        body["answers"]["outpatient.wait_time"] = json!(6);
        body["answers"]["emergency.triage"] = json!(3);
        body["submitted_at"] = json!("2024-05-03T09:12:44+08:00");

        let (status, answer) = server.submit_json(&body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer["id"], json!(id));
        assert_eq!(answer["status"], "rejected");
        let fields: Vec<&str> = answer["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert!(fields.contains(&"submitted_at"), "{fields:?}");
        assert!(fields.contains(&"outpatient.wait_time"), "{fields:?}");
        assert!(fields.contains(&"emergency.triage"), "{fields:?}");
        for error in answer["errors"].as_array().unwrap() {
            assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
        }

        // A response with a field of the wrong shape is rejected, not a 400.
        let mut wrong_shape = response(&uuid(), "H001", "2024-05-03T09:12:44Z");
        wrong_shape.as_object_mut().unwrap().remove("visit_type");
        let (status, answer) = server.submit_json(&wrong_shape).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer["errors"][0]["field"], "visit_type");
        assert_eq!(
            server.count().await,
            0,
            "nothing of an invalid response is stored"
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_answers_for_each_response_and_stores_the_valid_ones() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let (a, b, c) = (uuid(), uuid(), uuid());
        let stored_before = response(&c, "H002", "2024-06-01T08:00:00Z");
        assert_eq!(
            server.submit_json(&stored_before).await.0,
            StatusCode::CREATED
        );
        let mut invalid = response(&b, "H001", "2024-05-03T09:12:44Z");
        invalid["channel"] = json!("fax");
        let mut conflicting = stored_before.clone();
        conflicting["comment"] = json!("changed");
        let batch = json!([
            response(&a, "H001", "2024-05-03T09:12:44Z"),
            invalid,
            response(&a, "H001", "2024-05-03T09:12:44Z"),
            stored_before,
            conflicting,
            42,
        ]);

        let (status, answer) = server.submit_json(&batch).await;
        assert_eq!(status, StatusCode::OK);
        let results = answer["results"].as_array().unwrap();
        let statuses: Vec<&str> = results
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            [
                "stored",
                "rejected",
                "duplicate",
                "duplicate",
                "conflict",
                "rejected"
            ]
        );
        let ids: Vec<&Value> = results.iter().map(|r| &r["id"]).collect();
        assert_eq!(
            ids,
            [
                &json!(a),
                &json!(b),
                &json!(a),
                &json!(c),
                &json!(c),
                &Value::Null
            ]
        );
        assert_eq!(results[1]["errors"][0]["field"], "channel");
        assert!(results[4]["message"].is_string());
        assert!(results[0].get("errors").is_none() && results[0].get("message").is_none());
        assert_eq!(server.count().await, 2);

        let (status, answer) = server.submit_json(&json!([])).await;
        assert_eq!((status, answer), (StatusCode::OK, json!({ "results": [] })));
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_a_400_with_a_reason() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        for body in ["{\"id\": ", "not json", "", "\"a string\"", "[1, 2"] {
            let response = server
                .client
                .post(server.url("/api/v1/responses"))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body:?}");
            let answer: Value = response.json().await.unwrap();
            assert!(
                answer["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{body:?}"
            );
        }
        assert_eq!(server.count().await, 0);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_a_413() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        // The default limit: 1 MiB. A batch just over it, of valid responses.
        let one =
            serde_json::to_string(&response(&uuid(), "H001", "2024-05-03T09:12:44Z")).unwrap();
        let copies = (1024 * 1024) / one.len() + 1;
        let body = format!("[{}]", vec![one.as_str(); copies].join(","));
        assert!(body.len() > 1024 * 1024);
        let response = server
            .client
            .post(server.url("/api/v1/responses"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let answer: Value = response.json().await.unwrap();
        assert!(answer["error"].as_str().unwrap().contains("1048576"));
        assert_eq!(server.count().await, 0);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_headers_are_refused_with_431() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        // No body, so the client has written everything before the server
        // answers and closes.
        let response = server
            .client
            .get(server.url("/api/v1/health"))
            .header("x-padding", "x".repeat(32 * 1024))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
        );
        let normal = server
            .client
            .get(server.url("/api/v1/health"))
            .send()
            .await
            .unwrap();
        assert_eq!(normal.status(), StatusCode::OK);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_submissions_from_one_address_get_429_with_retry_after() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.submit_rate = server::http::RatePolicy {
                per_minute: 6,
                burst: 3,
            };
        })
        .await;
        for _ in 0..3 {
            let (status, _) = server
                .submit_json(&response(&uuid(), "H001", "2024-05-03T09:12:44Z"))
                .await;
            assert_eq!(status, StatusCode::CREATED);
        }
        let refused = server
            .submit(&response(&uuid(), "H001", "2024-05-03T09:12:44Z"))
            .await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry_after: u64 = refused.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=10).contains(&retry_after), "{retry_after}");
        assert_eq!(server.count().await, 3);

        // Reading is not limited.
        let health = server
            .client
            .get(server.url("/api/v1/health"))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), StatusCode::OK);
        server.stop().await;
    })
    .await;
}

/// The answer to a batch, byte for byte as sent, reads as the `wire` types
/// the app reads it with (the survey's own reader is checked against their
/// serde form in `app/tests/survey_json.rs`): a rejected element without an
/// id included, as `"id": null`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_answer_reads_as_the_clients_wire_types() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        let id = uuid();
        let mut no_id = response(&uuid(), "H001", "2024-05-03T09:12:44Z");
        no_id.as_object_mut().unwrap().remove("id");
        let batch = json!([response(&id, "H001", "2024-05-03T09:12:44Z"), no_id]);
        let answer = server
            .client
            .post(server.url("/api/v1/responses"))
            .header("content-type", "application/json")
            .body(batch.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        let text = answer.text().await.unwrap();

        let reply: wire::BatchReply = serde_json::from_str(&text).unwrap();
        assert_eq!(reply.results[0].id.as_deref(), Some(id.as_str()));
        assert_eq!(reply.results[0].status, wire::SubmissionStatus::Stored);
        assert_eq!(reply.results[1].id, None);
        assert_eq!(reply.results[1].status, wire::SubmissionStatus::Rejected);
        assert_eq!(reply.results[1].errors[0].field, "id");
        // The type holds everything the server said: nothing is lost on
        // the client's side.
        assert_eq!(
            serde_json::to_value(&reply).unwrap(),
            serde_json::from_str::<Value>(&text).unwrap()
        );
        assert!(text.contains(r#""id":null"#), "{text}");
        server.stop().await;
    })
    .await;
}
