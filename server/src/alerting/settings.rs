//! What a hospital may set in `PUT /hospitals/{hospital}/alerting`
//! (docs/formats.md §6), checked field by field, and the form `GET` shows
//! (the webhook secret masked).

use wire::{AlertSettings, Webhook, SECRET_MASK};

/// At most this many keywords, each at most [`MAX_KEYWORD_CHARS`].
pub const MAX_KEYWORDS: usize = 200;
pub const MAX_KEYWORD_CHARS: usize = 50;
/// A case is due within a year at the latest.
pub const MAX_SLA_HOURS: u32 = 24 * 366;
pub const MAX_URL_CHARS: usize = 2000;
pub const MAX_SECRET_CHARS: usize = 200;

/// A setting that cannot be stored, naming its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SettingsError {
    pub field: String,
    pub message: String,
}

fn invalid(field: &str, message: impl Into<String>) -> SettingsError {
    SettingsError {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// The settings to store for `new`, given the `stored` ones: a webhook
/// secret of `"***"` (as `GET` shows it) keeps the stored secret.
pub fn check_settings(
    mut new: AlertSettings,
    stored: &AlertSettings,
) -> Result<AlertSettings, SettingsError> {
    let rules = &mut new.rules;
    if let Some(at_most) = rules.overall_rating_at_most {
        if !(0..=10).contains(&at_most) {
            return Err(invalid(
                "rules.overall_rating_at_most",
                format!("{at_most} is not a rating from 0 to 10 (or null: never)"),
            ));
        }
    }
    if rules.keywords.len() > MAX_KEYWORDS {
        return Err(invalid(
            "rules.keywords",
            format!("at most {MAX_KEYWORDS} keywords"),
        ));
    }
    for (i, keyword) in rules.keywords.iter_mut().enumerate() {
        let trimmed = keyword.trim();
        if trimmed.is_empty() {
            return Err(invalid(&format!("rules.keywords[{i}]"), "is empty"));
        }
        if trimmed.chars().count() > MAX_KEYWORD_CHARS {
            return Err(invalid(
                &format!("rules.keywords[{i}]"),
                format!("longer than {MAX_KEYWORD_CHARS} characters"),
            ));
        }
        *keyword = trimmed.to_owned();
    }
    if new.sla_hours == 0 || new.sla_hours > MAX_SLA_HOURS {
        return Err(invalid(
            "sla_hours",
            format!("{} is not from 1 to {MAX_SLA_HOURS} hours", new.sla_hours),
        ));
    }
    if let Some(webhook) = &mut new.webhook {
        check_url(&webhook.url)?;
        if webhook.secret == SECRET_MASK {
            match &stored.webhook {
                Some(old) => webhook.secret = old.secret.clone(),
                None => {
                    return Err(invalid(
                        "webhook.secret",
                        "there is no stored secret to keep: give one",
                    ))
                }
            }
        }
        if webhook.secret.is_empty() {
            return Err(invalid("webhook.secret", "is empty"));
        }
        if webhook.secret.chars().count() > MAX_SECRET_CHARS {
            return Err(invalid(
                "webhook.secret",
                format!("longer than {MAX_SECRET_CHARS} characters"),
            ));
        }
    }
    Ok(new)
}

/// Any `http` or `https` URL with a host: intranet and loopback addresses
/// included, since staff systems often live there.
fn check_url(url: &str) -> Result<(), SettingsError> {
    if url.chars().count() > MAX_URL_CHARS {
        return Err(invalid(
            "webhook.url",
            format!("longer than {MAX_URL_CHARS} characters"),
        ));
    }
    let parsed =
        reqwest::Url::parse(url).map_err(|e| invalid("webhook.url", format!("{url:?}: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid(
            "webhook.url",
            format!("{url:?} is not an http or https URL"),
        ));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid("webhook.url", format!("{url:?} has no host")));
    }
    Ok(())
}

/// The settings as `GET` shows them: the secret is never returned.
pub fn masked(mut settings: AlertSettings) -> AlertSettings {
    if let Some(webhook) = &mut settings.webhook {
        *webhook = Webhook {
            url: std::mem::take(&mut webhook.url),
            secret: SECRET_MASK.to_owned(),
        };
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_webhook(url: &str, secret: &str) -> AlertSettings {
        AlertSettings {
            webhook: Some(Webhook {
                url: url.into(),
                secret: secret.into(),
            }),
            ..AlertSettings::default()
        }
    }

    fn field(result: Result<AlertSettings, SettingsError>) -> String {
        result.expect_err("refused").field
    }

    #[test]
    fn accepts_the_defaults_and_private_http_urls() {
        let defaults = AlertSettings::default();
        assert_eq!(
            check_settings(defaults.clone(), &defaults),
            Ok(defaults.clone())
        );
        for url in [
            "http://127.0.0.1:9000/hook",
            "https://oapi.dingtalk.com/robot/send?access_token=x",
            "http://10.1.2.3/tiyan",
        ] {
            assert!(
                check_settings(with_webhook(url, "s"), &defaults).is_ok(),
                "{url}"
            );
        }
    }

    #[test]
    fn refusals_name_the_field() {
        let d = AlertSettings::default();
        for url in ["ftp://host/x", "file:///etc/passwd", "not a url", "http://"] {
            assert_eq!(
                field(check_settings(with_webhook(url, "s"), &d)),
                "webhook.url",
                "{url}"
            );
        }
        assert_eq!(
            field(check_settings(with_webhook("http://h/", ""), &d)),
            "webhook.secret"
        );
        let mut s = d.clone();
        s.sla_hours = 0;
        assert_eq!(field(check_settings(s, &d)), "sla_hours");
        let mut s = d.clone();
        s.rules.overall_rating_at_most = Some(11);
        assert_eq!(field(check_settings(s, &d)), "rules.overall_rating_at_most");
        let mut s = d.clone();
        s.rules.keywords = vec!["ok".into(), "  ".into()];
        assert_eq!(field(check_settings(s, &d)), "rules.keywords[1]");
    }

    #[test]
    fn the_mask_keeps_the_stored_secret_and_is_never_shown() {
        let stored = with_webhook("http://h/a", "s3cret");
        let kept = check_settings(with_webhook("http://h/b", SECRET_MASK), &stored).unwrap();
        assert_eq!(kept.webhook.as_ref().unwrap().secret, "s3cret");
        assert_eq!(kept.webhook.as_ref().unwrap().url, "http://h/b");
        let none = AlertSettings::default();
        assert_eq!(
            field(check_settings(
                with_webhook("http://h/b", SECRET_MASK),
                &none
            )),
            "webhook.secret"
        );
        let shown = masked(kept);
        assert_eq!(shown.webhook.unwrap().secret, SECRET_MASK);
    }
}
