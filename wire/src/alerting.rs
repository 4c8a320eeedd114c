//! `GET|PUT /hospitals/{hospital}/alerting`: a hospital's alert rules, its
//! case deadline, its webhook and whether its survey offers a call-back
//! (docs/formats.md §6).

use serde::{Deserialize, Serialize};

/// What the server shows in place of a webhook secret: the secret is never
/// returned. A `PUT` that carries it back keeps the stored secret.
pub const SECRET_MASK: &str = "***";

/// The keywords a hospital starts with: complaint words in simplified and
/// traditional Chinese and in English.
pub const DEFAULT_KEYWORDS: &[&str] = &["投诉", "投訴", "举报", "舉報", "complaint"];

/// When a response alerts (docs/formats.md §6): any one rule is enough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRules {
    /// `overall.rating` at or below this alerts; `null`: never.
    pub overall_rating_at_most: Option<i64>,
    /// A likert or frequency item answered at its scale's lowest value
    /// alerts.
    pub item_lowest: bool,
    /// A comment containing one of these alerts (case-insensitive, after
    /// Unicode NFKC).
    pub keywords: Vec<String>,
}

impl Default for AlertRules {
    fn default() -> Self {
        AlertRules {
            overall_rating_at_most: Some(4),
            item_lowest: true,
            keywords: DEFAULT_KEYWORDS.iter().map(|k| (*k).to_owned()).collect(),
        }
    }
}

/// Where a hospital's case events are POSTed, and the key that signs them
/// (`X-Tiyan-Signature: sha256=<hex HMAC-SHA256 of the body>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    /// Any `http` or `https` URL (intranet and loopback addresses included).
    pub url: String,
    /// [`SECRET_MASK`] when read back.
    pub secret: String,
}

/// The body of `GET` and `PUT /hospitals/{hospital}/alerting`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSettings {
    pub rules: AlertRules,
    /// Hours from a case's creation to its `due_at`.
    pub sla_hours: u32,
    pub webhook: Option<Webhook>,
    /// The survey asks on its last screen whether the hospital may call the
    /// patient back.
    pub callback_offered: bool,
}

/// Hours a case has by default before it is overdue.
pub const DEFAULT_SLA_HOURS: u32 = 72;

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            rules: AlertRules::default(),
            sla_hours: DEFAULT_SLA_HOURS,
            webhook: None,
            callback_offered: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_contract_shape() {
        let text = r#"{"rules":{"overall_rating_at_most":4,"item_lowest":true,"keywords":["投诉"]},"sla_hours":72,"webhook":{"url":"http://10.0.0.5/hook","secret":"***"},"callback_offered":false}"#;
        let settings: AlertSettings = serde_json::from_str(text).unwrap();
        assert_eq!(settings.rules.overall_rating_at_most, Some(4));
        assert_eq!(settings.webhook.as_ref().unwrap().secret, SECRET_MASK);
        assert_eq!(serde_json::to_string(&settings).unwrap(), text);
    }

    #[test]
    fn null_threshold_and_no_webhook() {
        let text = r#"{"rules":{"overall_rating_at_most":null,"item_lowest":false,"keywords":[]},"sla_hours":24,"webhook":null,"callback_offered":true}"#;
        let settings: AlertSettings = serde_json::from_str(text).unwrap();
        assert_eq!(settings.rules.overall_rating_at_most, None);
        assert_eq!(settings.webhook, None);
        assert!(settings.callback_offered);
        assert_eq!(serde_json::to_string(&settings).unwrap(), text);
    }

    #[test]
    fn defaults_alert_on_low_ratings_and_complaints() {
        let settings = AlertSettings::default();
        assert_eq!(settings.rules.overall_rating_at_most, Some(4));
        assert!(settings.rules.item_lowest);
        assert!(settings.rules.keywords.iter().any(|k| k == "投诉"));
        assert_eq!(settings.sla_hours, 72);
        assert!(!settings.callback_offered);
    }
}
