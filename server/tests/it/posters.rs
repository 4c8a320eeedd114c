//! QR posters (docs/formats.md §7): a poster, rasterised, decodes to
//! exactly its survey URL (zbarimg, Debian's `zbar-tools`, which `cargo
//! xtask test` installs); `GET /api/v1/hospitals/{hospital}/posters` draws
//! the registry's names within each account's scope and names each bad
//! parameter.

use std::path::Path;
use std::process::Command;

use reqwest::StatusCode;
use scoring::instrument::VisitType;
use server::auth::Role;
use server::posters::{sheet_svg, Names, Poster};
use server::rollout::PublicUrl;
use server::store::Store;
use wire::{Department, Hospital};

use crate::support::{on_each_backend, TestServer};

/// Pixels per mm of the rasterised sheet: 6 (152 dpi, a phone photo of a
/// sheet at arm's length) gives 12 pixels per module on the wall poster.
const PIXELS_PER_MM: f32 = 6.0;

/// Every QR code zbarimg finds in the rasterised `svg`, in the order it
/// reports them.
pub(crate) fn decode_qr_codes(svg: &str, folder: &Path) -> Vec<String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .expect("the poster is valid SVG");
    let size = tree.size();
    let width = (size.width() * PIXELS_PER_MM).ceil() as u32;
    let height = (size.height() * PIXELS_PER_MM).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).expect("a pixmap");
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(
            width as f32 / size.width(),
            height as f32 / size.height(),
        ),
        &mut pixmap.as_mut(),
    );
    // A binary PGM (grey levels): zbarimg reads it, and writing it takes no
    // time where compressing a PNG takes seconds in a debug build.
    let image = folder.join("poster.pgm");
    let mut pgm = format!("P5\n{width} {height}\n255\n").into_bytes();
    pgm.extend(pixmap.pixels().iter().map(|p| {
        let grey =
            (u32::from(p.red()) * 299 + u32::from(p.green()) * 587 + u32::from(p.blue()) * 114)
                / 1000;
        grey as u8
    }));
    std::fs::write(&image, pgm).expect("the image is written");
    let output = Command::new("zbarimg")
        .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
        .arg(&image)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "zbarimg could not run ({e}): install Debian's zbar-tools \
                 (`apt-get install zbar-tools`; `cargo xtask test` installs it)"
            )
        });
    assert!(
        output.status.success(),
        "zbarimg found no QR code in {}: {}",
        image.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("zbarimg prints UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn names(zh_cn: &str, zh_hant: &str, en: &str) -> Names {
    Names {
        zh_cn: zh_cn.into(),
        zh_hant: zh_hant.into(),
        en: en.into(),
    }
}

#[test]
fn every_qr_code_of_a_sheet_decodes_to_exactly_the_survey_url() {
    let folder = tempfile::tempdir().unwrap();
    for (url, department) in [
        (
            "https://tiyan.example.cn/s/H001?dept=cardiology&visit=outpatient&channel=phone",
            "cardiology",
        ),
        (
            "http://127.0.0.1:8080/tiyan/s/H-2_b?dept=%E5%BF%83%E5%86%85%E7%A7%91+A%26B&visit=inpatient&channel=phone",
            "心内科 A&B",
        ),
    ] {
        let poster = Poster {
            url: url.to_owned(),
            hospital_code: "H001".into(),
            hospital: names("市第一人民医院", "市第一人民醫院", "First People's Hospital"),
            department_code: department.into(),
            department: names("心内科", "心內科", "Cardiology"),
            visit: VisitType::Inpatient,
        };
        let decoded = decode_qr_codes(&sheet_svg(&poster).unwrap(), folder.path());
        // The wall poster and both faces of the table tent.
        assert_eq!(decoded, vec![url; 3], "decoded {decoded:?}");
    }
}

/// The registry of the route tests: H001 with three departments (one
/// inactive, one whose code needs percent-encoding), H002 with one. It is
/// written to the store directly: the registry API takes ASCII codes only,
/// but responses may carry any department, and a poster's URL must encode
/// whatever code it is given.
fn registry() -> Vec<Hospital> {
    let department = |code: &str, zh_cn: &str, en: &str, active: bool| Department {
        code: code.into(),
        names: names(zh_cn, "", en),
        active,
    };
    vec![
        Hospital {
            code: "H001".into(),
            names: names(
                "市第一人民医院",
                "市第一人民醫院",
                "First People's Hospital",
            ),
            level: None,
            kind: None,
            region: None,
            departments: vec![
                department("cardiology", "心内科", "Cardiology", true),
                department("心内科 A&B", "心内科<二>", "Cardiology <2>", true),
                department("old-ward", "旧病区", "Old ward", false),
            ],
        },
        Hospital {
            code: "H002".into(),
            names: names("县医院", "", ""),
            level: None,
            kind: None,
            region: None,
            departments: vec![department("er", "急诊科", "", true)],
        },
    ]
}

const BASE: &str = "https://tiyan.example.cn";

async fn poster_server(database_url: &str) -> TestServer {
    let server = TestServer::start_with(database_url, |config| {
        config.public_url = PublicUrl::parse(BASE).expect("a public URL");
    })
    .await;
    let store = Store::connect(database_url).await.expect("the store opens");
    for hospital in registry() {
        store.put_hospital(&hospital, 0).await.expect("registered");
    }
    server.add_account("admin", Role::Admin, None).await;
    server
        .add_account("h001", Role::HospitalAdmin, Some("H001"))
        .await;
    server
}

async fn error_of(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    let body: serde_json::Value = response.json().await.expect("a JSON error");
    (
        status,
        body["error"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_poster_route_draws_a_qr_code_of_the_exact_survey_url() {
    on_each_backend(|db| async move {
        let server = poster_server(db.url()).await;
        let folder = tempfile::tempdir().unwrap();
        let token = server.login("h001").await;

        let response = server
            .get("/api/v1/hospitals/H001/posters?department=cardiology&visit=outpatient", &token)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "image/svg+xml; charset=utf-8");
        let svg = response.text().await.unwrap();
        assert!(svg.contains(">心内科<") && svg.contains(">市第一人民医院<"));
        let url = format!("{BASE}/s/H001?dept=cardiology&visit=outpatient&channel=phone");
        assert_eq!(decode_qr_codes(&svg, folder.path()), vec![url; 3]);

        // A code that needs percent-encoding; names that need escaping.
        let svg = server
            .get_text(
                "/api/v1/hospitals/H001/posters?department=%E5%BF%83%E5%86%85%E7%A7%91+A%26B&visit=inpatient&format=svg",
                &token,
            )
            .await;
        assert!(svg.contains("心内科&lt;二&gt;") && !svg.contains("心内科<二>"));
        let url = format!(
            "{BASE}/s/H001?dept=%E5%BF%83%E5%86%85%E7%A7%91+A%26B&visit=inpatient&channel=phone"
        );
        assert_eq!(decode_qr_codes(&svg, folder.path()), vec![url; 3]);
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_print_page_holds_one_sheet_per_department() {
    on_each_backend(|db| async move {
        let server = poster_server(db.url()).await;
        let token = server.login("admin").await;
        let response = server
            .get(
                "/api/v1/hospitals/H001/posters?department=cardiology,%E5%BF%83%E5%86%85%E7%A7%91+A%26B&department=cardiology&visit=emergency&format=html",
                &token,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
        let html = response.text().await.unwrap();
        assert_eq!(html.matches("<section class=\"sheet\">").count(), 2);
        assert!(html.find(">心内科<").unwrap() < html.find("心内科&lt;二&gt;").unwrap());
        assert!(html.contains("@page { size: A4; margin: 0; }"));
        server.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posters_are_refused_out_of_scope_and_for_bad_input_naming_the_field() {
    on_each_backend(|db| async move {
        let server = poster_server(db.url()).await;
        let own = server.login("h001").await;
        let admin = server.login("admin").await;
        let path = "/api/v1/hospitals/H002/posters?department=er&visit=emergency";

        let anonymous = server.client.get(server.url(path)).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let (status, error) = error_of(server.get(path, &own).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(error.contains("H001") && error.contains("H002"), "{error}");
        assert_eq!(server.get(path, &admin).await.status(), StatusCode::OK);

        for (token, query, status, start) in [
            (
                &admin,
                "/api/v1/hospitals/H404/posters?department=er&visit=emergency",
                StatusCode::NOT_FOUND,
                "hospital: \"H404\" is not registered",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?department=er&visit=emergency",
                StatusCode::BAD_REQUEST,
                "department: \"er\" is not a department of H001",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?department=old-ward&visit=emergency",
                StatusCode::BAD_REQUEST,
                "department: \"old-ward\" of H001 is inactive",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?visit=emergency",
                StatusCode::BAD_REQUEST,
                "department is required",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?department=cardiology&visit=dental",
                StatusCode::BAD_REQUEST,
                "visit: \"dental\"",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?department=cardiology&visit=inpatient&format=pdf",
                StatusCode::BAD_REQUEST,
                "format: \"pdf\"",
            ),
            (
                &own,
                "/api/v1/hospitals/H001/posters?department=cardiology,old-ward&visit=inpatient",
                StatusCode::BAD_REQUEST,
                "department: format=svg draws one",
            ),
        ] {
            let (got, error) = error_of(server.get(query, token).await).await;
            assert_eq!(got, status, "{query}: {error}");
            assert!(error.starts_with(start), "{query}: {error}");
        }
        server.stop().await;
    })
    .await;
}
