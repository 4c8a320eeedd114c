//! The addresses of the posters route (docs/formats.md §7):
//! `/api/v1/hospitals/{hospital}/posters?department=…&visit=…&format=svg|html`.

use scoring::instrument::VisitType;

use crate::services::rollout_api::encode;

/// One department's poster as SVG (the preview).
pub fn poster_svg(hospital: &str, department: &str, visit: VisitType) -> String {
    poster_url(hospital, &[department], visit, "svg")
}

/// The printable page of every chosen department's poster, one per sheet.
pub fn poster_batch(hospital: &str, departments: &[&str], visit: VisitType) -> String {
    poster_url(hospital, departments, visit, "html")
}

fn poster_url(hospital: &str, departments: &[&str], visit: VisitType, format: &str) -> String {
    let mut url = format!("/api/v1/hospitals/{}/posters?", encode(hospital));
    for department in departments {
        url.push_str("department=");
        url.push_str(&encode(department));
        url.push('&');
    }
    url.push_str("visit=");
    url.push_str(visit.as_str());
    url.push_str("&format=");
    url.push_str(format);
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_is_encoded() {
        assert_eq!(
            poster_svg("H001", "心内科", VisitType::Outpatient),
            "/api/v1/hospitals/H001/posters?department=%E5%BF%83%E5%86%85%E7%A7%91&visit=outpatient&format=svg"
        );
        assert_eq!(
            poster_batch("H 1", &["a&b", "er"], VisitType::Inpatient),
            "/api/v1/hospitals/H%201/posters?department=a%26b&department=er&visit=inpatient&format=html"
        );
    }
}
