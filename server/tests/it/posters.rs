//! QR posters (docs/formats.md §7): a poster, rasterised, decodes to
//! exactly its survey URL (zbarimg, Debian's `zbar-tools`, which `cargo
//! xtask test` installs).

use std::path::Path;
use std::process::Command;

use scoring::instrument::VisitType;
use server::posters::{sheet_svg, Names, Poster};

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
