//! `GET /api/v1/report`: the same bytes as scoring on the same responses.

use reqwest::StatusCode;
use scoring::instrument::default_instrument;
use scoring::report::{score, to_canonical_json, GroupBy, Period, ScoreOptions};
use scoring::response::Response;
use scoring::tally::Tally;
use serde_json::Value;
use server::auth::Role;

use crate::support::{generated, on_each_backend, submitted_json, TestServer};

/// What `tiyan score` computes for `responses` with `options`.
fn expected_report(responses: &[Response], options: &ScoreOptions) -> String {
    let instrument = default_instrument();
    let mut tally = Tally::new(&instrument).unwrap();
    for r in responses {
        tally.add(r).unwrap();
    }
    to_canonical_json(&score(&instrument, &tally, options).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_is_what_scoring_computes_from_the_stored_responses() {
    on_each_backend(|db| async move {
        let server = TestServer::start(db.url()).await;
        server.add_account("admin", Role::Admin, None).await;
        let responses = generated(600, 3);
        for batch in responses.chunks(100) {
            let body = Value::Array(batch.iter().map(submitted_json).collect());
            assert_eq!(server.submit_json(&body).await.0, StatusCode::OK);
        }
        let token = server.login("admin").await;

        let mut options = ScoreOptions::new(Period::year(2025));
        options.baseline = Some(Period::year(2024));
        options.group_by = Some(GroupBy::Hospital);
        options.case_mix = true;
        options.suppress_below = 20;
        let got = server
            .get_text(
                "/api/v1/report?period=2025&baseline=2024&group_by=hospital&case_mix=true&suppress_below=20",
                &token,
            )
            .await;
        assert_eq!(got, expected_report(&responses, &options));

        let half_year = ScoreOptions::new(Period::parse("2024-01..2024-07").unwrap());
        let got = server.get_text("/api/v1/report?period=2024-01..2024-07", &token).await;
        assert_eq!(got, expected_report(&responses, &half_year));

        for bad in [
            "",
            "period=2024-13",
            "period=2025&baseline=2025",
            "period=2025&group_by=ward",
            "period=2025&case_mix=maybe",
            "period=2025&suppress_below=-1",
        ] {
            let response = server.get(&format!("/api/v1/report?{bad}"), &token).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
        server.stop().await;
    })
    .await;
}
