//! A batch of sheets as one HTML page to print: each sheet an inline SVG
//! on its own A4 page (`@page { size: A4; margin: 0 }`), no scripts, no
//! web fonts. On screen the sheets are shown as paper on a grey desk.

use scoring::lang::Lang;

use super::a4_poster::sheet_body;
use super::xml::escape;
use super::{Poster, PosterError};

const STYLE: &str = "\
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
.sheet { width: 210mm; height: 297mm; overflow: hidden; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.sheet svg { display: block; width: 210mm; height: 297mm; }
.hint { display: none; }
@media screen {
  body { background: #6b6b6b; padding: 8mm 0; }
  .sheet { margin: 0 auto 8mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.4); }
  .hint { display: block; max-width: 210mm; margin: 0 auto 6mm; color: #fff; font: 16px/1.5 sans-serif; }
}
";

/// Shown on screen only: the QR codes keep their size only when printed
/// at 100 % on A4 without margins.
fn print_hint(lang: Lang) -> &'static str {
    lang.choose(
        "用浏览器打印（Ctrl+P 或 ⌘P）：纸张 A4，边距“无”，缩放 100%。每张纸上半部分为墙贴海报，下半部分剪下对折为桌面台卡。",
        "用瀏覽器列印（Ctrl+P 或 ⌘P）：紙張 A4，邊界「無」，縮放 100%。每張紙上半部分為牆貼海報，下半部分剪下對摺為桌面台卡。",
        "Print from the browser (Ctrl+P or ⌘P): A4 paper, margins \"None\", scale 100 %. The top half of each sheet is the wall poster; cut off the bottom half and fold it into a table tent.",
    )
}

/// The page printing `posters` in order, one sheet each.
pub fn print_page(posters: &[Poster]) -> Result<String, PosterError> {
    let lang = posters
        .first()
        .map(|p| p.languages()[0])
        .unwrap_or(Lang::ZhCn);
    let title = posters
        .first()
        .map(|p| p.hospital_name(lang).to_owned())
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} · {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.tag(),
        escape(&title),
        lang.choose("二维码海报", "二維碼海報", "QR posters"),
    );
    out.push_str(&format!("<p class=\"hint\">{}</p>\n", print_hint(lang)));
    for poster in posters {
        out.push_str(&format!(
            "<section class=\"sheet\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 210 297\" role=\"img\">{}</svg></section>\n",
            sheet_body(poster)?
        ));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(out)
}
