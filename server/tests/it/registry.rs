//! The registry (docs/formats.md §7): `GET /hospitals`, `GET|PUT
//! /hospitals/{hospital}`, `GET /public/{hospital}`, `GET
//! /hospitals/unregistered`: who may read and write what, refusals that
//! name the field and store nothing, and codes responses carry that the
//! registry lacks.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use server::auth::Role;

use crate::support::{on_each_backend, response, uuid, TestServer};

fn first_hospital() -> Value {
    json!({
        "code": "H001",
        "names": {"zh-CN": "市第一人民医院", "zh-Hant": "市第一人民醫院", "en": "First People's Hospital"},
        "level": "三级", "kind": "general", "region": "东城区",
        "departments": [
            {"code": "cardiology", "names": {"zh-CN": "心内科", "zh-Hant": "心內科", "en": "Cardiology"}, "active": true},
            {"code": "ent", "names": {"zh-CN": "耳鼻喉科", "zh-Hant": "耳鼻喉科", "en": "ENT"}, "active": false}
        ]
    })
}

fn second_hospital() -> Value {
    json!({"code": "H002", "names": {"zh-CN": "市中医院", "zh-Hant": "市中醫院", "en": "Municipal TCM Hospital"}, "level": "二级", "kind": "tcm",
           "region": null, "departments": []})
}

/// A server with an admin, H001's administrator, H002's administrator and
/// H001 and H002 registered; the tokens in that order.
async fn registered(url: &str) -> (TestServer, [String; 3]) {
    let server = TestServer::start(url).await;
    server.add_account("admin", Role::Admin, None).await;
    server
        .add_account("h001", Role::HospitalAdmin, Some("H001"))
        .await;
    server
        .add_account("h002", Role::HospitalAdmin, Some("H002"))
        .await;
    let admin = server.login("admin").await;
    for body in [first_hospital(), second_hospital()] {
        let path = format!("/api/v1/hospitals/{}", body["code"].as_str().unwrap());
        let (status, stored) = server
            .send_json(Method::PUT, &path, Some(&admin), &body)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{stored}");
        assert_eq!(stored, body);
    }
    let h001 = server.login("h001").await;
    let h002 = server.login("h002").await;
    (server, [admin, h001, h002])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_registers_and_replaces_hospitals() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = registered(db.url()).await;
        let (status, list) = server.get_json("/api/v1/hospitals", &admin).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list, json!([first_hospital(), second_hospital()]));

        let mut changed = first_hospital();
        changed["departments"] = json!([
            {"code": "ent", "names": {"zh-CN": "耳鼻喉科"}, "active": true},
            {"code": "oncology", "names": {"zh-CN": "肿瘤科"}, "active": true}
        ]);
        changed["level"] = Value::Null;
        let (status, stored) = server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H001",
                Some(&admin),
                &changed,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{stored}");
        let expected = {
            let mut e = changed.clone();
            e["departments"][0]["names"] = json!({"zh-CN": "耳鼻喉科", "zh-Hant": "", "en": ""});
            e["departments"][1]["names"] = json!({"zh-CN": "肿瘤科", "zh-Hant": "", "en": ""});
            e
        };
        assert_eq!(
            stored, expected,
            "cardiology left out is gone, the order kept"
        );
        let (_, read) = server.get_json("/api/v1/hospitals/H001", &admin).await;
        assert_eq!(read, expected);
        let (status, _) = server.get_json("/api/v1/hospitals/H404", &admin).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hospital_administrator_reads_and_edits_its_own_only() {
    on_each_backend(|db| async move {
        let (server, [admin, h001, _]) = registered(db.url()).await;
        let (status, list) = server.get_json("/api/v1/hospitals", &h001).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list, json!([first_hospital()]));
        let (status, _) = server
            .get_json("/api/v1/hospitals?hospital=H002", &h001)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = server.get_json("/api/v1/hospitals/H002", &h001).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // Names and departments of its own: yes.
        let mut renamed = first_hospital();
        renamed["names"]["en"] = json!("No. 1 People's Hospital");
        renamed["departments"][1]["active"] = json!(true);
        let (status, stored) = server
            .send_json(Method::PUT, "/api/v1/hospitals/H001", Some(&h001), &renamed)
            .await;
        assert_eq!(status, StatusCode::OK, "{stored}");
        assert_eq!(stored, renamed);

        // Level, kind, region, another hospital, a new hospital: no.
        for (field, value) in [
            ("level", json!("二级")),
            ("kind", json!("specialist")),
            ("region", json!("西城区")),
        ] {
            let mut body = renamed.clone();
            body[field] = value;
            let (status, error) = server
                .send_json(Method::PUT, "/api/v1/hospitals/H001", Some(&h001), &body)
                .await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{field}");
            assert!(
                error["error"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{field}: ")),
                "{error}"
            );
        }
        let (status, _) = server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H002",
                Some(&h001),
                &second_hospital(),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        server
            .add_account("h005", Role::HospitalAdmin, Some("H005"))
            .await;
        let h005 = server.login("h005").await;
        let mut own_new = second_hospital();
        own_new["code"] = json!("H005");
        let (status, error) = server
            .send_json(Method::PUT, "/api/v1/hospitals/H005", Some(&h005), &own_new)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(
            error["error"]
                .as_str()
                .unwrap()
                .contains("only an admin may register"),
            "{error}"
        );

        let (_, all) = server.get_json("/api/v1/hospitals", &admin).await;
        assert_eq!(
            all,
            json!([renamed, second_hospital()]),
            "nothing else changed"
        );
        let (status, _) = server
            .send_json(Method::PUT, "/api/v1/hospitals/H001", None, &renamed)
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = server.get_json("/api/v1/hospitals", "not-a-token").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_entries_are_refused_naming_the_field_and_nothing_is_stored() {
    on_each_backend(|db| async move {
        let (server, [admin, ..]) = registered(db.url()).await;
        let (_, before) = server.get_json("/api/v1/hospitals", &admin).await;
        let long = "医".repeat(121);
        let with = |path: &str, value: Value| {
            let mut body = first_hospital();
            let mut target = &mut body;
            let parts: Vec<&str> = path.split('.').collect();
            for part in &parts[..parts.len() - 1] {
                target = match part.parse::<usize>() {
                    Ok(i) => &mut target[i],
                    Err(_) => &mut target[*part],
                };
            }
            target[parts[parts.len() - 1]] = value;
            body
        };
        let mut new_with_bad_level = with("code", json!("H003"));
        new_with_bad_level["level"] = json!("特级");
        let cases = [
            ("H001", with("level", json!("四级")), "level: "),
            ("H001", with("kind", json!("clinic")), "kind: "),
            (
                "H001",
                with("names.zh-CN", json!(long)),
                "names.zh-CN: has 121 characters",
            ),
            (
                "H001",
                with("departments.1.code", json!("cardiology")),
                "departments[1].code: ",
            ),
            (
                "H001",
                with("departments.0.names.en", json!(long)),
                "departments[0].names.en: ",
            ),
            (
                "H001",
                with("departments.0.code", json!("心 内")),
                "departments[0].code: ",
            ),
            (
                "H001",
                with("departments.0.active", json!("yes")),
                "departments[0].active: ",
            ),
            ("H001", with("code", json!("H002")), "code: "),
            ("H001", with("names", json!({})), "names: "),
            ("H003", new_with_bad_level, "level: "),
        ];
        for (code, body, field) in cases {
            let path = format!("/api/v1/hospitals/{code}");
            let (status, error) = server
                .send_json(Method::PUT, &path, Some(&admin), &body)
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {error}");
            let message = error["error"].as_str().unwrap();
            assert!(
                message.starts_with(field),
                "{message} should start with {field}"
            );
        }
        let (status, error) = server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H%201",
                Some(&admin),
                &first_hospital(),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            error["error"].as_str().unwrap().starts_with("hospital: "),
            "{error}"
        );
        let not_json = server
            .client
            .put(server.url("/api/v1/hospitals/H001"))
            .bearer_auth(&admin)
            .body(first_hospital().to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

        let (_, after) = server.get_json("/api/v1/hospitals", &admin).await;
        assert_eq!(after, before, "no refused entry changed anything");
        let (status, _) = server.get_json("/api/v1/hospitals/H003", &admin).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_survey_reads_names_without_signing_in() {
    on_each_backend(|db| async move {
        let (server, _) = registered(db.url()).await;
        let response = server
            .client
            .get(server.url("/api/v1/public/H001"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "public, max-age=300");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body,
            json!({"code": "H001", "names": first_hospital()["names"],
                   "departments": [{"code": "cardiology", "names": first_hospital()["departments"][0]["names"]}]}),
            "only active departments, no level or region"
        );
        for (path, status) in [
            ("/api/v1/public/H404", StatusCode::NOT_FOUND),
            ("/api/v1/public/H%20404", StatusCode::BAD_REQUEST),
        ] {
            let response = server.client.get(server.url(path)).send().await.unwrap();
            assert_eq!(response.status(), status, "{path}");
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_with_unregistered_codes_are_stored_and_listed_in_scope() {
    on_each_backend(|db| async move {
        let (server, [admin, h001, _]) = registered(db.url()).await;
        let submitted_at = "2025-05-03T09:12:44Z";
        let mut bodies = Vec::new();
        for (hospital, department, n) in [
            ("H001", Some("cardiology"), 2),
            ("H001", Some("cardiolgy"), 3),
            ("H001", None, 1),
            ("H009", Some("ent"), 2),
            ("H002", Some("acupuncture"), 1),
        ] {
            for _ in 0..n {
                let mut body = response(&uuid(), hospital, submitted_at);
                match department {
                    Some(d) => body["department"] = json!(d),
                    None => {
                        body.as_object_mut().unwrap().remove("department");
                    }
                }
                bodies.push(body);
            }
        }
        for body in &bodies {
            let (status, answer) = server.submit_json(body).await;
            assert_eq!(status, StatusCode::CREATED, "{answer}");
        }
        assert_eq!(server.count().await, 9);

        let (status, all) = server.get_json("/api/v1/hospitals/unregistered", &admin).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            all,
            json!({
                "hospitals": [{"code": "H009", "responses": 2}],
                "departments": [
                    {"hospital": "H001", "code": "cardiolgy", "responses": 3},
                    {"hospital": "H009", "code": "ent", "responses": 2},
                    {"hospital": "H002", "code": "acupuncture", "responses": 1}
                ]
            })
        );
        let (_, own) = server.get_json("/api/v1/hospitals/unregistered", &h001).await;
        assert_eq!(
            own,
            json!({"hospitals": [], "departments": [{"hospital": "H001", "code": "cardiolgy", "responses": 3}]})
        );
        let (status, _) = server
            .get_json("/api/v1/hospitals/unregistered?hospital=H009", &h001)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (_, later) = server
            .get_json("/api/v1/hospitals/unregistered?from=2025-06-01", &admin)
            .await;
        assert_eq!(later, json!({"hospitals": [], "departments": []}));
        let (status, error) = server
            .get_json("/api/v1/hospitals/unregistered?from=June", &admin)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(error["error"].as_str().unwrap().starts_with("from: "), "{error}");
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_describes_the_rollout_endpoints() {
    let db = crate::support::TestDb::sqlite();
    let server = TestServer::start(db.url()).await;
    let openapi: Value = server
        .client
        .get(server.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (path, method) in [
        ("/hospitals", "get"),
        ("/hospitals/unregistered", "get"),
        ("/hospitals/{hospital}", "get"),
        ("/hospitals/{hospital}", "put"),
        ("/public/{hospital}", "get"),
        ("/kiosks", "get"),
        ("/kiosks", "post"),
        ("/kiosks/{id}", "delete"),
        ("/kiosks/{id}/setup", "post"),
        ("/kiosks/{id}/claim", "post"),
        ("/kiosks/{id}/heartbeat", "post"),
    ] {
        assert!(
            openapi["paths"][path][method].is_object(),
            "{method} {path} is not described"
        );
    }
    server.stop().await;
}
