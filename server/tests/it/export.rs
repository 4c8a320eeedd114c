//! `GET /api/v1/export`: exactly docs/formats.md §3 as `scoring::export` writes
//! it, in export order, filtered, and per role.

use reqwest::StatusCode;
use scoring::export::{sort_for_export, write_jsonl_line, CsvWriter};
use scoring::instrument::default_instrument;
use scoring::response::Response;
use serde_json::{json, Value};
use server::auth::Role;

use crate::support::{generated, on_each_backend, response, submitted_json, uuid, TestServer};

/// What `scoring::export` writes for `responses`, sorted into export order,
/// with `submitted_at` in the canonical text the server stores
/// (docs/formats.md, "Submitting responses": `…00.10Z` is `…00.1Z`).
fn expected_exports(mut responses: Vec<Response>) -> (Vec<u8>, Vec<u8>) {
    for r in &mut responses {
        r.submitted_at = scoring::timestamp::Timestamp::parse(&r.submitted_at)
            .unwrap()
            .to_string();
    }
    sort_for_export(&mut responses);
    let instrument = default_instrument();
    let mut csv = CsvWriter::new(Vec::new(), &instrument).unwrap();
    let mut jsonl = Vec::new();
    for r in &responses {
        csv.write(r).unwrap();
        write_jsonl_line(&mut jsonl, r).unwrap();
    }
    (csv.into_inner().unwrap(), jsonl)
}

/// Submits `responses` in batches, in an order unlike the export order.
async fn submit_all(server: &TestServer, responses: &[Response]) {
    let mut shuffled: Vec<&Response> = responses.iter().collect();
    shuffled.reverse();
    shuffled.rotate_left(responses.len() / 3);
    for batch in shuffled.chunks(50) {
        let body = Value::Array(batch.iter().map(|r| submitted_json(r)).collect());
        let (status, answer) = server.submit_json(&body).await;
        assert_eq!(status, StatusCode::OK);
        for result in answer["results"].as_array().unwrap() {
            assert_eq!(result["status"], "stored", "{result}");
        }
    }
}

async fn export_bytes(server: &TestServer, token: &str, query: &str) -> Vec<u8> {
    let response = server.get(&format!("/api/v1/export?{query}"), token).await;
    assert_eq!(response.status(), StatusCode::OK, "export?{query}");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_is_the_stored_responses_in_formats_md_order_and_shape() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let mut responses = generated(400, 7);
        // Two responses at the same instant (ordered by id) and fractions of
        // a second (ordered as time, not as text).
        let mut same_time = response(&uuid(), "H001", "2024-03-01T10:00:00Z");
        let twin = response(&uuid(), "H001", "2024-03-01T10:00:00Z");
        same_time["comment"] = json!("");
        let tenth = response(&uuid(), "H002", "2024-03-01T10:00:00.10Z");
        let half = response(&uuid(), "H002", "2024-03-01T10:00:00.5Z");
        for extra in [same_time, twin, half, tenth] {
            responses.push(serde_json::from_value(extra).unwrap());
        }
        submit_all(&server, &responses).await;
        let token = server.login("admin").await;

        let (csv, jsonl) = expected_exports(responses);
        let got_csv = export_bytes(&server, &token, "format=csv").await;
        assert!(got_csv.starts_with(b"\xEF\xBB\xBFid,instrument,instrument_version,hospital,"));
        assert_eq!(
            String::from_utf8(got_csv).unwrap(),
            String::from_utf8(csv).unwrap()
        );
        let got_jsonl = export_bytes(&server, &token, "format=jsonl").await;
        assert_eq!(
            String::from_utf8(got_jsonl).unwrap(),
            String::from_utf8(jsonl).unwrap()
        );

        let response = server.get("/api/v1/export?format=csv", &token).await;
        assert_eq!(
            response.headers()["content-type"],
            "text/csv; charset=utf-8"
        );
        assert_eq!(response.headers()["cache-control"], "no-store");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_to_and_hospital_filter_the_export() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let responses = generated(300, 11);
        submit_all(&server, &responses).await;
        let token = server.login("admin").await;

        let chosen: Vec<Response> = responses
            .iter()
            .filter(|r| r.hospital == "H002")
            .filter(|r| ("2024-04-01".."2025-02-01").contains(&&r.submitted_at[..10]))
            .cloned()
            .collect();
        assert!(!chosen.is_empty());
        let (_, expected) = expected_exports(chosen);
        let got = export_bytes(
            &server,
            &token,
            "format=jsonl&from=2024-04-01&to=2025-02-01&hospital=H002",
        )
        .await;
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );

        // `to` is exclusive: a response at midnight of `to` is not in.
        let midnight = response(&uuid(), "H009", "2025-02-01T00:00:00Z");
        server.submit_json(&midnight).await;
        let got = export_bytes(
            &server,
            &token,
            "format=jsonl&from=2025-01-31&to=2025-02-01&hospital=H009",
        )
        .await;
        assert!(got.is_empty());
        let got = export_bytes(
            &server,
            &token,
            "format=jsonl&from=2025-02-01&to=2025-02-02&hospital=H009",
        )
        .await;
        assert_eq!(got.iter().filter(|b| **b == b'\n').count(), 1);

        for bad in [
            "format=xml",
            "from=2024-13-01",
            "to=yesterday",
            "hospital=H%20001",
            "from=2025-01-02&to=2025-01-01",
        ] {
            let response = server.get(&format!("/api/v1/export?{bad}"), &token).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hospital_admin_never_sees_another_hospital() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server
            .add_account("h001", Role::HospitalAdmin, Some("H001"))
            .await;
        let responses = generated(300, 5);
        assert!(responses.iter().any(|r| r.hospital == "H002"));
        submit_all(&server, &responses).await;
        let token = server.login("h001").await;

        let own: Vec<Response> = responses
            .iter()
            .filter(|r| r.hospital == "H001")
            .cloned()
            .collect();
        let (csv, jsonl) = expected_exports(own);
        assert_eq!(export_bytes(&server, &token, "format=csv").await, csv);
        assert_eq!(
            export_bytes(&server, &token, "format=jsonl&hospital=H001").await,
            jsonl
        );

        let other = server
            .get("/api/v1/export?format=csv&hospital=H002", &token)
            .await;
        assert_eq!(other.status(), StatusCode::FORBIDDEN);
        let other = server
            .get("/api/v1/report?period=2025&hospital=H002", &token)
            .await;
        assert_eq!(other.status(), StatusCode::FORBIDDEN);

        let report: Value = server
            .get(
                "/api/v1/report?period=2025&group_by=hospital&suppress_below=1",
                &token,
            )
            .await
            .json()
            .await
            .unwrap();
        let keys: Vec<&str> = report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, ["all", "H001"]);
        assert_eq!(report["options"]["filters"]["hospital"], "H001");
        server.stop().await;
    })
    .await;
}

/// SQLite's time indexes hold `submitted_at` only (migration 0002): the
/// database sorts each group of responses sharing one instant by id. Here
/// 30 such responses, over two hospitals, arrive in descending id order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_of_one_instant_are_exported_in_id_order() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let mut ids: Vec<String> = (0..30).map(|_| uuid()).collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        let mut responses = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let hospital = if i % 3 == 0 { "H002" } else { "H001" };
            let json = response(id, hospital, "2024-06-01T08:30:00Z");
            server.submit_json(&json).await;
            responses.push(serde_json::from_value::<Response>(json).unwrap());
        }
        // Neighbours in time on both sides, stored before and after.
        for at in ["2024-06-01T08:29:59.999Z", "2024-06-01T08:30:00.001Z"] {
            let json = response(&uuid(), "H001", at);
            server.submit_json(&json).await;
            responses.push(serde_json::from_value::<Response>(json).unwrap());
        }
        let token = server.login("admin").await;

        let (_, expected) = expected_exports(responses.clone());
        let got = export_bytes(&server, &token, "format=jsonl").await;
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        let of_h001: Vec<Response> = responses
            .into_iter()
            .filter(|r| r.hospital == "H001")
            .collect();
        let (_, expected) = expected_exports(of_h001);
        let got = export_bytes(&server, &token, "format=jsonl&hospital=H001").await;
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        server.stop().await;
    })
    .await;
}
