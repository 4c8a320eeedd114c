//! The survey URL a poster's QR code holds (docs/formats.md §7):
//! `{public base URL}/s/{hospital}?dept=…&visit=…&channel=phone`, absolute,
//! each part percent-encoded (the query as a form, as the survey reads it).

use scoring::instrument::VisitType;
use url::Url;

use super::PosterError;

/// The survey URL for a department and visit type. `base` may carry a
/// path (a server behind a reverse proxy at `/tiyan/`); its query and
/// fragment are dropped.
pub fn survey_url(
    base: &Url,
    hospital: &str,
    department: &str,
    visit: VisitType,
) -> Result<String, PosterError> {
    let mut url = base.clone();
    url.set_query(None);
    url.set_fragment(None);
    url.path_segments_mut()
        .map_err(|()| PosterError::BaseUrl(base.to_string()))?
        .pop_if_empty()
        .push("s")
        .push(hospital);
    url.query_pairs_mut()
        .append_pair("dept", department)
        .append_pair("visit", visit.as_str())
        .append_pair("channel", "phone");
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(base: &str, hospital: &str, department: &str) -> String {
        survey_url(
            &Url::parse(base).unwrap(),
            hospital,
            department,
            VisitType::Outpatient,
        )
        .unwrap()
    }

    #[test]
    fn the_url_is_absolute_under_the_public_base() {
        assert_eq!(
            url("https://tiyan.example.cn", "H001", "cardiology"),
            "https://tiyan.example.cn/s/H001?dept=cardiology&visit=outpatient&channel=phone"
        );
        assert_eq!(
            url("https://example.cn/tiyan/?x=1#y", "H001", "er"),
            "https://example.cn/tiyan/s/H001?dept=er&visit=outpatient&channel=phone"
        );
        assert_eq!(
            url("http://127.0.0.1:8080/", "H-2_b", "icu"),
            "http://127.0.0.1:8080/s/H-2_b?dept=icu&visit=outpatient&channel=phone"
        );
    }

    #[test]
    fn parts_are_percent_encoded() {
        assert_eq!(
            url("https://x.cn", "H 1/?", "心内科 A&B=1"),
            "https://x.cn/s/H%201%2F%3F?dept=%E5%BF%83%E5%86%85%E7%A7%91+A%26B%3D1&visit=outpatient&channel=phone"
        );
    }

    #[test]
    fn a_base_that_cannot_hold_a_path_is_refused() {
        let base = Url::parse("mailto:a@b.cn").unwrap();
        assert!(survey_url(&base, "H001", "er", VisitType::Emergency).is_err());
    }
}
