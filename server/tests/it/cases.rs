//! Closing the loop (docs/formats.md §6): a case for every acknowledged
//! alerting response and for no other, the scope of every role on every
//! endpoint, the life of a case, the call-back number's privacy, signed
//! webhooks with overdue escalation, action plans and their public texts.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use scoring::instrument::default_instrument;
use scoring::report::{score, to_canonical_json, Period, ScoreOptions};
use scoring::response::Response;
use scoring::tally::{Filters, Tally};
use serde_json::{json, Value};
use server::auth::Role;

use crate::support::{on_each_backend, response, uuid, Receiver, TestServer};

const PHONE: &str = "13912345678";

/// A server whose sweep and deliverer look often.
async fn start(url: &str) -> TestServer {
    TestServer::start_with(url, |config| {
        config.sweep_every = Duration::from_millis(100);
        config.delivery.poll = Duration::from_millis(50);
        config.delivery.first_backoff = Duration::from_secs(1);
        config.delivery.max_backoff = Duration::from_secs(4);
    })
    .await
}

/// A calm response (no rule alerts) of `hospital` and `department`.
fn calm(hospital: &str, department: &str) -> Value {
    let mut r = response(&uuid(), hospital, "2025-05-20T10:00:00Z");
    r["department"] = json!(department);
    r["comment"] = json!("");
    r
}

/// A response whose overall rating alerts under the default rules.
fn low(hospital: &str, department: &str) -> Value {
    let mut r = calm(hospital, department);
    r["answers"]["overall.rating"] = json!(2);
    r
}

fn ids(cases: &Value) -> Vec<i64> {
    cases["cases"]
        .as_array()
        .expect("a case list")
        .iter()
        .map(|c| c["id"].as_i64().expect("an id"))
        .collect()
}

fn response_ids(cases: &Value) -> BTreeSet<String> {
    cases["cases"]
        .as_array()
        .expect("a case list")
        .iter()
        .map(|c| c["response_id"].as_str().expect("a response id").to_owned())
        .collect()
}

async fn count_rows(server: &TestServer, sql: &str) -> i64 {
    match server.store() {
        server::store::Store::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        server::store::Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect("a count")
}

async fn outbox_bodies(server: &TestServer) -> Vec<String> {
    let sql = "SELECT body FROM outbox ORDER BY id";
    match server.store() {
        server::store::Store::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        server::store::Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
    }
    .expect("outbox bodies")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_case_exists_for_every_acknowledged_alerting_response_and_no_other() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let token = server.login("admin").await;

        // Each rule, a call-back alone, and calm responses.
        let mut keyword = calm("H001", "cardiology");
        keyword["comment"] = json!("我要ＣＯＭＰＬＡＩＮＴ，还要投诉");
        let mut lowest = calm("H001", "cardiology");
        lowest["answers"]["outpatient.wait_time"] = json!(1);
        let mut callback = calm("H001", "cardiology");
        callback["contact"] = json!({ "phone": PHONE });
        let mut expected = BTreeSet::new();
        for body in [low("H001", "cardiology"), keyword, lowest, callback] {
            expected.insert(body["id"].as_str().unwrap().to_owned());
            assert_eq!(server.submit_json(&body).await.0, StatusCode::CREATED);
        }
        for _ in 0..3 {
            assert_eq!(server.submit_json(&calm("H001", "cardiology")).await.0, StatusCode::CREATED);
        }

        // Concurrent submissions, each sent three times at once (a retry
        // racing the original), half of them alerting, some in batches.
        let mut bodies = Vec::new();
        for i in 0..40 {
            let body = if i % 2 == 0 { low("H002", "surgery") } else { calm("H002", "surgery") };
            if i % 2 == 0 {
                expected.insert(body["id"].as_str().unwrap().to_owned());
            }
            bodies.push(body);
        }
        let sends = bodies.iter().flat_map(|b| [b.clone(), b.clone(), b.clone()]).map(|b| {
            let server = &server;
            async move { server.submit_json(&b).await.0 }
        });
        for status in join_all(sends).await {
            assert!(status == StatusCode::CREATED || status == StatusCode::OK, "{status}");
        }
        let batch = Value::Array(bodies[..10].to_vec());
        assert_eq!(server.submit_json(&batch).await.0, StatusCode::OK);

        let (status, cases) = server.get_json("/api/v1/cases", &token).await;
        assert_eq!(status, StatusCode::OK, "{cases}");
        assert_eq!(response_ids(&cases), expected);
        assert_eq!(ids(&cases).len(), expected.len(), "one case per response");
        assert_eq!(
            count_rows(&server, "SELECT COUNT(*) FROM cases").await,
            expected.len() as i64
        );

        // Reasons name the rule that fired.
        let all = cases["cases"].as_array().unwrap();
        let reasons: Vec<Value> = all.iter().map(|c| c["reasons"].clone()).collect();
        assert!(reasons.contains(&json!([{"rule": "overall_rating"}])));
        assert!(reasons.contains(&json!([{"rule": "item_lowest", "item": "outpatient.wait_time"}])));
        assert!(reasons.contains(&json!([{"rule": "keyword", "keyword": "投诉"}, {"rule": "keyword", "keyword": "complaint"}])));
        assert!(reasons.contains(&json!([{"rule": "callback"}])));

        // A case is due the hospital's deadline after it opened.
        let case = &all[0];
        assert_eq!(case["status"], "open");
        assert_eq!(case["created_at"], "2025-06-01T00:00:00Z");
        assert_eq!(case["due_at"], "2025-06-04T00:00:00Z");
        assert_eq!(case["overdue"], false);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hospital_rules_decide_which_responses_alert() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        server
            .add_account("h001", Role::HospitalAdmin, Some("H001"))
            .await;
        let token = server.login("h001").await;
        let rules = json!({
            "rules": {"overall_rating_at_most": null, "item_lowest": false, "keywords": ["停车"]},
            "sla_hours": 24, "webhook": null, "callback_offered": true
        });
        let (status, body) = server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H001/alerting",
                &token,
                &rules,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body, rules);
        // A low rating no longer alerts; the keyword does.
        assert_eq!(
            server.submit_json(&low("H001", "x")).await.0,
            StatusCode::CREATED
        );
        let mut parking = calm("H001", "x");
        parking["comment"] = json!("停车太难了");
        server.submit_json(&parking).await;
        let (_, cases) = server.get_json("/api/v1/cases", &token).await;
        assert_eq!(
            response_ids(&cases),
            BTreeSet::from([parking["id"].as_str().unwrap().to_owned()])
        );
        assert_eq!(cases["cases"][0]["due_at"], "2025-06-02T00:00:00Z");
        server.stop().await;
    })
    .await;
}

/// Accounts of every role: an administrator, H001's administrator, the
/// heads of H001 cardiology and H001 surgery, H002's administrator.
async fn accounts(server: &TestServer) -> BTreeMap<&'static str, String> {
    server.add_account("admin", Role::Admin, None).await;
    server
        .add_account("h001", Role::HospitalAdmin, Some("H001"))
        .await;
    server
        .add_account("h002", Role::HospitalAdmin, Some("H002"))
        .await;
    server
        .add_department_head("cardio", "H001", "cardiology")
        .await;
    server.add_department_head("surg", "H001", "surgery").await;
    let mut tokens = BTreeMap::new();
    for name in ["admin", "h001", "h002", "cardio", "surg"] {
        tokens.insert(name, server.login(name).await);
    }
    tokens
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_is_held_to_its_scope_on_every_endpoint() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let t = |name: &str| tokens[name].clone();
        let mut submitted: Vec<Response> = Vec::new();
        for (hospital, department) in [
            ("H001", "cardiology"),
            ("H001", "surgery"),
            ("H002", "cardiology"),
        ] {
            for body in [low(hospital, department), calm(hospital, department)] {
                assert_eq!(server.submit_json(&body).await.0, StatusCode::CREATED);
                submitted.push(serde_json::from_value(body).unwrap());
            }
        }

        // GET /me tells the department.
        let (_, me) = server.get_json("/api/v1/me", &t("cardio")).await;
        assert_eq!(me["role"], "department_head");
        assert_eq!(me["department"], "cardiology");

        // Case lists.
        let list = |who: &'static str, query: &'static str| {
            let server = &server;
            let token = t(who);
            async move {
                server
                    .get_json(&format!("/api/v1/cases{query}"), &token)
                    .await
            }
        };
        let (_, all) = list("admin", "").await;
        assert_eq!(ids(&all).len(), 3);
        let (_, h001) = list("h001", "").await;
        assert_eq!(ids(&h001).len(), 2);
        let (_, h001_surgery) = list("h001", "?department=surgery").await;
        assert_eq!(ids(&h001_surgery).len(), 1);
        let (_, cardio) = list("cardio", "").await;
        assert_eq!(ids(&cardio).len(), 1);
        assert_eq!(cardio["cases"][0]["hospital"], "H001");
        assert_eq!(cardio["cases"][0]["department"], "cardiology");
        assert_eq!(
            list("cardio", "?department=surgery").await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            list("cardio", "?hospital=H002").await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            list("h002", "?hospital=H001").await.0,
            StatusCode::FORBIDDEN
        );
        let (_, h002) = list("h002", "").await;
        assert_eq!(ids(&h002).len(), 1);

        // A case by id, and acting on it.
        let surgery_case = ids(&h001_surgery)[0];
        let path = format!("/api/v1/cases/{surgery_case}");
        let note = json!({"action": "note", "text": "看过了"});
        for (who, expected) in [
            ("admin", StatusCode::OK),
            ("h001", StatusCode::OK),
            ("surg", StatusCode::OK),
            ("cardio", StatusCode::NOT_FOUND),
            ("h002", StatusCode::NOT_FOUND),
        ] {
            assert_eq!(
                server.get_json(&path, &t(who)).await.0,
                expected,
                "{who} reads"
            );
            let events = format!("{path}/events");
            assert_eq!(
                server
                    .send_json(Method::POST, &events, &t(who), &note)
                    .await
                    .0,
                expected,
                "{who} acts"
            );
        }
        assert_eq!(
            server.get_json("/api/v1/cases/999999", &t("admin")).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            server
                .client
                .get(server.url(&path))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );

        // Exports: a department head's holds its department alone.
        let export = server
            .get_text("/api/v1/export?format=jsonl", &t("cardio"))
            .await;
        let rows: Vec<Value> = export
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows
            .iter()
            .all(|r| r["hospital"] == "H001" && r["department"] == "cardiology"));
        assert_eq!(
            server
                .get("/api/v1/export?hospital=H002", &t("cardio"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let csv = server.get_text("/api/v1/export", &t("h001")).await;
        assert_eq!(csv.lines().count(), 1 + 4, "header and H001's four rows");

        // Reports: a department head's is its department's, byte for byte.
        let instrument = default_instrument();
        let filters = Filters {
            hospital: Some("H001".into()),
            department: Some("cardiology".into()),
            ..Filters::default()
        };
        let mut tally = Tally::with_filters(&instrument, filters).unwrap();
        for r in &submitted {
            tally.add(r).unwrap();
        }
        let options = ScoreOptions::new(Period::year(2025));
        let expected = to_canonical_json(&score(&instrument, &tally, &options).unwrap());
        let got = server
            .get_text("/api/v1/report?period=2025", &t("cardio"))
            .await;
        assert_eq!(got, expected);
        assert_eq!(
            server
                .get("/api/v1/report?period=2025&hospital=H002", &t("cardio"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );

        // Alert settings: read in the hospital, changed by its administrators.
        let settings = "/api/v1/hospitals/H001/alerting";
        let (status, defaults) = server.get_json(settings, &t("cardio")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(defaults["sla_hours"], 72);
        assert_eq!(defaults["rules"]["overall_rating_at_most"], 4);
        assert_eq!(
            server.get_json(settings, &t("h002")).await.0,
            StatusCode::FORBIDDEN
        );
        for (who, expected) in [
            ("cardio", StatusCode::FORBIDDEN),
            ("h002", StatusCode::FORBIDDEN),
            ("h001", StatusCode::OK),
            ("admin", StatusCode::OK),
        ] {
            assert_eq!(
                server
                    .send_json(Method::PUT, settings, &t(who), &defaults)
                    .await
                    .0,
                expected,
                "{who} puts"
            );
        }

        // Action plans.
        let plan = |department: Option<&str>| {
            let mut p = json!({
                "title": "缩短候诊时间", "target": {"scope": "item", "id": "outpatient.wait_time"},
                "owner": "王主任", "due": "2025-09-30"
            });
            if let Some(d) = department {
                p["department"] = json!(d);
            }
            p
        };
        let (status, mine) = server
            .send_json(
                Method::POST,
                "/api/v1/action-plans",
                &t("cardio"),
                &plan(None),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{mine}");
        assert_eq!(mine["hospital"], "H001");
        assert_eq!(mine["department"], "cardiology");
        assert_eq!(mine["status"], "planned");
        assert_eq!(mine["started"], "2025-06-01");
        assert_eq!(
            server
                .send_json(
                    Method::POST,
                    "/api/v1/action-plans",
                    &t("cardio"),
                    &plan(Some("surgery"))
                )
                .await
                .0,
            StatusCode::FORBIDDEN
        );
        let (status, theirs) = server
            .send_json(
                Method::POST,
                "/api/v1/action-plans",
                &t("h001"),
                &plan(Some("surgery")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, body) = server
            .send_json(
                Method::POST,
                "/api/v1/action-plans",
                &t("admin"),
                &plan(None),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body["error"].as_str().unwrap().starts_with("hospital:"),
            "{body}"
        );
        let (_, listed) = server.get_json("/api/v1/action-plans", &t("cardio")).await;
        assert_eq!(listed["action_plans"].as_array().unwrap().len(), 1);
        let (_, listed) = server.get_json("/api/v1/action-plans", &t("h001")).await;
        assert_eq!(listed["action_plans"].as_array().unwrap().len(), 2);
        let (_, listed) = server.get_json("/api/v1/action-plans", &t("h002")).await;
        assert_eq!(listed["action_plans"].as_array().unwrap().len(), 0);
        let theirs_path = format!("/api/v1/action-plans/{}", theirs["id"]);
        assert_eq!(
            server.get_json(&theirs_path, &t("cardio")).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            server.get_json(&theirs_path, &t("surg")).await.0,
            StatusCode::OK
        );
        assert_eq!(
            server
                .send_json(
                    Method::PATCH,
                    &theirs_path,
                    &t("cardio"),
                    &json!({"status": "done"})
                )
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            server
                .send_json(
                    Method::PATCH,
                    &theirs_path,
                    &t("h002"),
                    &json!({"status": "done"})
                )
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_moves_through_its_life_and_errors_name_the_field() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let mut body = low("H001", "cardiology");
        body["comment"] = json!("等了三个小时，我的电话13812345678");
        server.submit_json(&body).await;
        let (_, list) = server.get_json("/api/v1/cases", &tokens["h001"]).await;
        let id = ids(&list)[0];
        let events = format!("/api/v1/cases/{id}/events");
        let act = |who: &'static str, action: Value| {
            let server = &server;
            let token = tokens[who].clone();
            let events = events.clone();
            async move {
                server
                    .send_json(Method::POST, &events, &token, &action)
                    .await
            }
        };
        let error_of = |v: &Value| v["error"].as_str().unwrap_or_default().to_owned();

        let (status, e) = act("h001", json!({"action": "assign", "to": "surg"})).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "surg cannot see the case"
        );
        assert!(error_of(&e).starts_with("to:"), "{e}");
        let (status, e) = act("h001", json!({"action": "assign"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error_of(&e).starts_with("to:"), "{e}");
        let (status, e) = act("h001", json!({"action": "escalate"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error_of(&e).starts_with("action:"), "{e}");

        let (status, case) = act("h001", json!({"action": "assign", "to": "cardio"})).await;
        assert_eq!(status, StatusCode::OK, "{case}");
        assert_eq!(case["status"], "in_progress");
        assert_eq!(case["assignee"], "cardio");
        let (status, e) = act("cardio", json!({"action": "resolve", "root_cause": " "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error_of(&e).starts_with("root_cause:"), "{e}");
        let (status, case) = act(
            "cardio",
            json!({"action": "resolve", "root_cause": "排班不足", "text": "已加派护士"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(case["status"], "resolved");
        assert_eq!(
            act("cardio", json!({"action": "resolve", "root_cause": "x"}))
                .await
                .0,
            StatusCode::CONFLICT
        );
        assert_eq!(
            act("cardio", json!({"action": "assign", "to": "cardio"}))
                .await
                .0,
            StatusCode::CONFLICT
        );
        let (_, case) = act("h001", json!({"action": "reopen", "text": "患者再次来电"})).await;
        assert_eq!(case["status"], "open");
        let (_, case) = act("h001", json!({"action": "close"})).await;
        assert_eq!(case["status"], "closed");

        // The timeline, and the response's answers and comment.
        let (_, detail) = server
            .get_json(&format!("/api/v1/cases/{id}"), &tokens["cardio"])
            .await;
        let actions: Vec<&str> = detail["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["assign", "resolve", "reopen", "close"]);
        assert_eq!(detail["events"][1]["root_cause"], "排班不足");
        assert_eq!(detail["events"][1]["by"], "cardio");
        assert_eq!(detail["response"]["answers"]["overall.rating"], 2);
        // Shown masked (docs/scoring.md §16).
        assert_eq!(
            detail["response"]["comment"],
            "等了三个小时，我的电话[手机号]"
        );
        assert_eq!(detail["response_id"], body["id"]);

        // Status filter and a bad one.
        let (_, closed) = server
            .get_json("/api/v1/cases?status=closed", &tokens["admin"])
            .await;
        assert_eq!(ids(&closed), [id]);
        let (_, open) = server
            .get_json("/api/v1/cases?status=open", &tokens["admin"])
            .await;
        assert!(ids(&open).is_empty());
        assert_eq!(
            server
                .get_json("/api/v1/cases?status=pending", &tokens["admin"])
                .await
                .0,
            StatusCode::BAD_REQUEST
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_stays_with_the_case_and_is_gone_after_resolve_or_30_days() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let receiver = Receiver::bind().await;
        let settings = json!({
            "rules": {"overall_rating_at_most": 4, "item_lowest": true, "keywords": []},
            "sla_hours": 72, "webhook": {"url": receiver.url, "secret": "s3cret"},
            "callback_offered": true
        });
        let (status, shown) = server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H001/alerting",
                &tokens["h001"],
                &settings,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{shown}");
        assert_eq!(shown["webhook"]["secret"], "***");

        let mut first = low("H001", "cardiology");
        first["contact"] = json!({ "phone": PHONE });
        let mut second = calm("H001", "cardiology");
        second["contact"] = json!({ "phone": PHONE });
        let (status, answer) = server.submit_json(&first).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        assert!(!answer.to_string().contains(PHONE));
        server.submit_json(&second).await;

        let (_, list) = server.get_json("/api/v1/cases", &tokens["cardio"]).await;
        assert_eq!(ids(&list).len(), 2);
        for case in list["cases"].as_array().unwrap() {
            assert_eq!(case["callback"]["phone"], PHONE);
        }
        receiver
            .wait_until("two case.opened events", |d| d.len() >= 2)
            .await;

        // Nowhere but the case: not in exports, reports, notifications or
        // the stored responses.
        for path in [
            "/api/v1/export?format=jsonl",
            "/api/v1/export?format=csv",
            "/api/v1/report?period=2025",
        ] {
            let text = server.get_text(path, &tokens["admin"]).await;
            assert!(!text.contains(PHONE), "{path}");
            assert!(!text.contains("\"contact\""), "{path}");
        }
        for delivery in receiver.deliveries() {
            assert!(!delivery.body.contains(PHONE));
            assert!(!delivery.body.contains("comment"));
            assert!(delivery.signed_with("s3cret"), "{delivery:?}");
        }
        for body in outbox_bodies(&server).await {
            assert!(!body.contains(PHONE));
        }
        assert_eq!(
            count_rows(
                &server,
                &format!("SELECT COUNT(*) FROM responses WHERE body LIKE '%{PHONE}%'")
            )
            .await,
            0
        );

        // Resolving deletes it.
        let case_of = |response: &Value| {
            list["cases"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["response_id"] == response["id"])
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let first_id = case_of(&first);
        let resolve = json!({"action": "resolve", "root_cause": "候诊流程", "text": "已电话回访"});
        let (status, case) = server
            .send_json(
                Method::POST,
                &format!("/api/v1/cases/{first_id}/events"),
                &tokens["cardio"],
                &resolve,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(case["callback"], Value::Null);
        assert_eq!(
            count_rows(
                &server,
                &format!("SELECT COUNT(*) FROM case_contacts WHERE case_id = {first_id}")
            )
            .await,
            0
        );
        let (_, reopened) = server
            .send_json(
                Method::POST,
                &format!("/api/v1/cases/{first_id}/events"),
                &tokens["cardio"],
                &json!({"action": "reopen"}),
            )
            .await;
        assert_eq!(
            reopened["callback"],
            Value::Null,
            "a reopened case does not bring the number back"
        );

        // The other number goes after 30 days.
        assert_eq!(
            count_rows(&server, "SELECT COUNT(*) FROM case_contacts").await,
            1
        );
        server.clock.advance(Duration::from_secs(30 * 86_400 + 1));
        for _ in 0..100 {
            if count_rows(&server, "SELECT COUNT(*) FROM case_contacts").await == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            count_rows(&server, "SELECT COUNT(*) FROM case_contacts").await,
            0
        );
        let second_id = case_of(&second);
        let (_, case) = server
            .get_json(&format!("/api/v1/cases/{second_id}"), &tokens["cardio"])
            .await;
        assert_eq!(case["callback"], Value::Null);
        receiver.stop();
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overdue_cases_come_first_and_are_notified_once_with_a_valid_signature() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let receiver = Receiver::bind().await;
        receiver.set_failing(true);
        let settings = json!({
            "rules": {"overall_rating_at_most": 4, "item_lowest": false, "keywords": []},
            "sla_hours": 1, "webhook": {"url": receiver.url, "secret": "k"},
            "callback_offered": false
        });
        server
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H001/alerting",
                &tokens["admin"],
                &settings,
            )
            .await;
        let old = low("H001", "cardiology");
        server.submit_json(&old).await;
        server.clock.advance(Duration::from_secs(1800));
        let newer = low("H001", "cardiology");
        server.submit_json(&newer).await;

        // The receiver fails for a while: nothing is lost, the events wait.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(receiver.deliveries().is_empty());
        receiver.set_failing(false);
        // Past the first case's deadline, and past every backoff.
        server.clock.advance(Duration::from_secs(1900));
        receiver
            .wait_until("opened twice and one overdue", |d| {
                let keys: BTreeSet<String> = d
                    .iter()
                    .map(|x| x.json()["idempotency_key"].as_str().unwrap().to_owned())
                    .collect();
                keys.len() == 3
            })
            .await;
        let deliveries = receiver.deliveries();
        assert!(deliveries.iter().all(|d| d.signed_with("k")));
        let overdue: Vec<Value> = deliveries
            .iter()
            .map(|d| d.json())
            .filter(|j| j["event"] == "case.overdue")
            .collect();
        assert_eq!(overdue[0]["case"]["hospital"], "H001");
        assert_eq!(overdue[0]["case"]["department"], "cardiology");
        assert_eq!(
            overdue[0]["case"]["reasons"],
            json!([{"rule": "overall_rating"}])
        );
        assert!(overdue[0]["case"]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/admin/cases/case/{}", overdue[0]["case"]["id"])));
        let keys: BTreeSet<&str> = overdue[0]["case"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from(["id", "hospital", "department", "reasons", "due_at", "url"])
        );

        // Listed first while overdue, though older.
        let (_, list) = server.get_json("/api/v1/cases", &tokens["cardio"]).await;
        assert_eq!(list["cases"][0]["response_id"], old["id"]);
        assert_eq!(list["cases"][0]["overdue"], true);
        assert_eq!(list["cases"][1]["overdue"], false);

        // More sweeps add no second overdue event.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            count_rows(
                &server,
                "SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'case.overdue:%'"
            )
            .await,
            1
        );
        assert_eq!(
            count_rows(
                &server,
                "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"
            )
            .await,
            0
        );
        receiver.stop();
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alert_settings_are_checked_and_the_secret_never_shown() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let path = "/api/v1/hospitals/H001/alerting";
        let with = |url: &str, secret: &str| json!({
            "rules": {"overall_rating_at_most": 4, "item_lowest": true, "keywords": ["投诉"]},
            "sla_hours": 48, "webhook": {"url": url, "secret": secret}, "callback_offered": true
        });
        let (status, _) = server.send_json(Method::PUT, path, &tokens["h001"], &with("http://127.0.0.1:9/hook", "first")).await;
        assert_eq!(status, StatusCode::OK);
        let (_, shown) = server.get_json(path, &tokens["h001"]).await;
        assert_eq!(shown["webhook"], json!({"url": "http://127.0.0.1:9/hook", "secret": "***"}));
        assert_eq!(shown["sla_hours"], 48);
        // Sending the mask back keeps the secret.
        server.send_json(Method::PUT, path, &tokens["h001"], &shown).await;
        assert_eq!(server.store().alert_settings("H001").await.unwrap().webhook.unwrap().secret, "first");
        for (body, field) in [
            (with("ftp://example.org/x", "s"), "webhook.url"),
            (with("http://h/x", ""), "webhook.secret"),
            (json!({"rules": {"overall_rating_at_most": 12, "item_lowest": true, "keywords": []}, "sla_hours": 1, "webhook": null, "callback_offered": false}), "rules.overall_rating_at_most"),
            (json!({"rules": {"overall_rating_at_most": 4, "item_lowest": true, "keywords": []}, "sla_hours": 0, "webhook": null, "callback_offered": false}), "sla_hours"),
            (json!({"rules": {"overall_rating_at_most": 4, "item_lowest": "yes", "keywords": []}, "sla_hours": 1, "webhook": null, "callback_offered": false}), "rules.item_lowest"),
        ] {
            let (status, e) = server.send_json(Method::PUT, path, &tokens["admin"], &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {e}");
            assert!(e["error"].as_str().unwrap().starts_with(&format!("{field}:")), "{field}: {e}");
        }
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_plans_are_public_with_the_callback_offer() {
    on_each_backend(|db| async move {
        let server = start(db.url()).await;
        let tokens = accounts(&server).await;
        let public = "/api/v1/public/H001/actions";
        let response = server.client.get(server.url(public)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "public, max-age=60");
        assert_eq!(response.json::<Value>().await.unwrap(), json!({"actions": [], "callback_offered": false}));

        let new = json!({
            "title": "缩短候诊时间", "target": {"scope": "stage", "id": "outpatient"},
            "owner": "王主任", "due": "2025-09-30", "started": "2025-03-01",
            "public_text": "您说候诊太久，我们增开了午间门诊。"
        });
        let (status, plan) = server.send_json(Method::POST, "/api/v1/action-plans", &tokens["h001"], &new).await;
        assert_eq!(status, StatusCode::CREATED, "{plan}");
        let mut private = new.clone();
        private["public_text"] = Value::Null;
        private["title"] = json!("内部整改");
        server.send_json(Method::POST, "/api/v1/action-plans", &tokens["h001"], &private).await;
        let mut settings = server.get_json("/api/v1/hospitals/H001/alerting", &tokens["h001"]).await.1;
        settings["callback_offered"] = json!(true);
        server.send_json(Method::PUT, "/api/v1/hospitals/H001/alerting", &tokens["h001"], &settings).await;

        let body: Value = server.client.get(server.url(public)).send().await.unwrap().json().await.unwrap();
        assert_eq!(body, json!({
            "actions": [{"department": "", "title": "缩短候诊时间", "public_text": "您说候诊太久，我们增开了午间门诊。", "status": "planned", "started": "2025-03-01"}],
            "callback_offered": true
        }));
        let other: Value = server.client.get(server.url("/api/v1/public/H002/actions")).send().await.unwrap().json().await.unwrap();
        assert_eq!(other["actions"], json!([]));
        assert_eq!(server.client.get(server.url("/api/v1/public/H%20X/actions")).send().await.unwrap().status(), StatusCode::NOT_FOUND);

        // PATCH: a note, a status, withdrawing the public text.
        let path = format!("/api/v1/action-plans/{}", plan["id"]);
        let (status, patched) = server.send_json(Method::PATCH, &path, &tokens["h001"], &json!({"status": "done", "note": "午间门诊已开"})).await;
        assert_eq!(status, StatusCode::OK, "{patched}");
        assert_eq!(patched["status"], "done");
        assert_eq!(patched["notes"][0]["text"], "午间门诊已开");
        assert_eq!(patched["notes"][0]["by"], "h001");
        let (status, e) = server.send_json(Method::PATCH, &path, &tokens["h001"], &json!({"due": "soon"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e["error"].as_str().unwrap().starts_with("due:"), "{e}");
        let (_, withdrawn) = server.send_json(Method::PATCH, &path, &tokens["h001"], &json!({"public_text": null})).await;
        assert_eq!(withdrawn["public_text"], Value::Null);
        let body: Value = server.client.get(server.url(public)).send().await.unwrap().json().await.unwrap();
        assert_eq!(body["actions"], json!([]));
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_list_shares_the_per_address_rate_limit() {
    on_each_backend(|db| async move {
        let server = TestServer::start_with(db.url(), |config| {
            config.submit_rate = server::http::RatePolicy {
                per_minute: 1,
                burst: 2,
            };
        })
        .await;
        let url = server.url("/api/v1/public/H001/actions");
        let mut statuses = Vec::new();
        for _ in 0..3 {
            statuses.push(server.client.get(&url).send().await.unwrap().status());
        }
        assert_eq!(
            statuses,
            [
                StatusCode::OK,
                StatusCode::OK,
                StatusCode::TOO_MANY_REQUESTS
            ]
        );
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_send_each_event_once() {
    on_each_backend(|db| async move {
        let first = start(db.url()).await;
        let second = start(db.url()).await;
        first.add_account("admin", Role::Admin, None).await;
        let token = first.login("admin").await;
        let receiver = Receiver::bind().await;
        let settings = json!({
            "rules": {"overall_rating_at_most": 4, "item_lowest": false, "keywords": []},
            "sla_hours": 72, "webhook": {"url": receiver.url, "secret": "shared"},
            "callback_offered": false
        });
        let (status, _) = first
            .send_json(
                Method::PUT,
                "/api/v1/hospitals/H001/alerting",
                &token,
                &settings,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let sends = (0..30).map(|i| {
            let server = if i % 2 == 0 { &first } else { &second };
            async move { server.submit_json(&low("H001", "cardiology")).await.0 }
        });
        for status in join_all(sends).await {
            assert_eq!(status, StatusCode::CREATED);
        }
        receiver
            .wait_until("thirty events", |d| d.len() >= 30)
            .await;
        // Both deliverers keep looking; neither sends an event again.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let keys: Vec<String> = receiver
            .deliveries()
            .iter()
            .map(|d| d.json()["idempotency_key"].as_str().unwrap().to_owned())
            .collect();
        let distinct: BTreeSet<&String> = keys.iter().collect();
        assert_eq!(distinct.len(), 30);
        assert_eq!(keys.len(), 30, "an event was sent twice");
        receiver.stop();
        second.stop().await;
        first.stop().await;
    })
    .await;
}
