//! The server's public base URL (`--public-url`, `TIYAN_PUBLIC_URL`): the
//! address patients' phones and kiosks reach it at, behind whatever proxy.
//! Setup links and the QR codes of posters are made of it, so it is
//! checked at start-up.

use std::fmt;
use std::net::SocketAddr;

/// `scheme://host[:port]`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlError {
    #[error("public URL {0:?} is not a URL: {1}")]
    NotAUrl(String, String),
    #[error("public URL {0:?} must start with http:// or https://")]
    Scheme(String),
    #[error(
        "public URL {0:?} must be only scheme://host[:port] (no path, query, fragment or user): \
         the survey is served at the root"
    )]
    Extra(String),
}

impl PublicUrl {
    /// Reads and checks a configured URL (`https://survey.example.org/`).
    pub fn parse(text: &str) -> Result<PublicUrl, PublicUrlError> {
        let trimmed = text.trim();
        let url = url::Url::parse(trimmed)
            .map_err(|e| PublicUrlError::NotAUrl(trimmed.to_owned(), e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(PublicUrlError::Scheme(trimmed.to_owned()));
        }
        let extra = !matches!(url.path(), "" | "/")
            || url.query().is_some()
            || url.fragment().is_some()
            || !url.username().is_empty()
            || url.password().is_some()
            || url.host_str().is_none_or(str::is_empty);
        if extra {
            return Err(PublicUrlError::Extra(trimmed.to_owned()));
        }
        Ok(PublicUrl(url.as_str().trim_end_matches('/').to_owned()))
    }

    /// The default: the listen address over HTTP. A wildcard address
    /// (`0.0.0.0`, `::`) is reachable as `localhost` only from the server
    /// itself, which is why a real roll-out sets `--public-url`.
    pub fn from_listen(address: SocketAddr) -> PublicUrl {
        if address.ip().is_unspecified() {
            PublicUrl(format!("http://localhost:{}", address.port()))
        } else {
            PublicUrl(format!("http://{address}"))
        }
    }

    /// The base, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `path` (starting with `/`) under the base.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// A kiosk's one-time setup link (docs/formats.md §7):
    /// `/s/{hospital}?dept={department}&kiosk=1&kiosk_id={id}&setup={code}`,
    /// the survey of its hospital (and department) in kiosk mode with what
    /// it needs to claim the kiosk. Every part is a code of letters,
    /// digits, `-` and `_`, or hex: nothing to escape.
    pub fn kiosk_setup_url(
        &self,
        id: &str,
        hospital: &str,
        department: Option<&str>,
        code: &str,
    ) -> String {
        let dept = department.map(|d| format!("dept={d}&")).unwrap_or_default();
        self.join(&format!(
            "/s/{hospital}?{dept}kiosk=1&kiosk_id={id}&setup={code}"
        ))
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_base_and_drops_the_trailing_slash() {
        let url = PublicUrl::parse("https://Survey.Example.org/").unwrap();
        assert_eq!(url.as_str(), "https://survey.example.org");
        assert_eq!(url.join("/s/H001"), "https://survey.example.org/s/H001");
        assert_eq!(
            PublicUrl::parse("http://10.0.0.5:8080").unwrap().as_str(),
            "http://10.0.0.5:8080"
        );
    }

    #[test]
    fn refuses_what_would_make_wrong_links() {
        for bad in [
            "survey.example.org",
            "ftp://example.org",
            "https://example.org/tiyan",
            "https://example.org/?a=1",
            "https://user:pw@example.org",
            "",
        ] {
            let error = PublicUrl::parse(bad).unwrap_err().to_string();
            assert!(error.starts_with("public URL"), "{bad}: {error}");
        }
    }

    #[test]
    fn defaults_to_the_listen_address() {
        let url = PublicUrl::from_listen("127.0.0.1:8080".parse().unwrap());
        assert_eq!(url.as_str(), "http://127.0.0.1:8080");
        let any = PublicUrl::from_listen("0.0.0.0:80".parse().unwrap());
        assert_eq!(any.as_str(), "http://localhost:80");
        let v6 = PublicUrl::from_listen("[::1]:8080".parse().unwrap());
        assert_eq!(v6.as_str(), "http://[::1]:8080");
    }
}
