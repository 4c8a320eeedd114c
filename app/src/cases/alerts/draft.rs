//! The settings as the form holds them (texts and boxes), and back.

use wire::{AlertRules, AlertSettings, Webhook, SECRET_MASK};

use crate::staff::field_error::FieldProblem;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// `""`: no rating rule.
    pub rating_at_most: String,
    pub item_lowest: bool,
    /// One keyword a line.
    pub keywords: String,
    pub sla_hours: String,
    pub webhook_on: bool,
    pub url: String,
    /// `***` keeps the stored secret.
    pub secret: String,
    pub callback_offered: bool,
}

impl Draft {
    pub fn of(settings: &AlertSettings) -> Draft {
        Draft {
            rating_at_most: settings
                .rules
                .overall_rating_at_most
                .map(|r| r.to_string())
                .unwrap_or_default(),
            item_lowest: settings.rules.item_lowest,
            keywords: settings.rules.keywords.join("\n"),
            sla_hours: settings.sla_hours.to_string(),
            webhook_on: settings.webhook.is_some(),
            url: settings
                .webhook
                .as_ref()
                .map(|w| w.url.clone())
                .unwrap_or_default(),
            secret: settings
                .webhook
                .as_ref()
                .map(|w| w.secret.clone())
                .unwrap_or_default(),
            callback_offered: settings.callback_offered,
        }
    }

    /// The settings to send; a number that is not one is refused here,
    /// by the field the server would name. The server checks the rest.
    pub fn settings(&self) -> Result<AlertSettings, FieldProblem> {
        let problem = |field: &str, text: &str| FieldProblem {
            field: Some(field.to_owned()),
            message: format!("{field}: {text:?} is not a whole number"),
        };
        let rating = self.rating_at_most.trim();
        let overall_rating_at_most = if rating.is_empty() {
            None
        } else {
            Some(
                rating
                    .parse::<i64>()
                    .map_err(|_| problem("rules.overall_rating_at_most", rating))?,
            )
        };
        let sla = self.sla_hours.trim();
        let sla_hours = sla.parse::<u32>().map_err(|_| problem("sla_hours", sla))?;
        let keywords = self
            .keywords
            .lines()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect();
        let webhook = self.webhook_on.then(|| Webhook {
            url: self.url.trim().to_owned(),
            secret: self.secret.clone(),
        });
        Ok(AlertSettings {
            rules: AlertRules {
                overall_rating_at_most,
                item_lowest: self.item_lowest,
                keywords,
            },
            sla_hours,
            webhook,
            callback_offered: self.callback_offered,
        })
    }

    /// Whether the secret shown is the stored one (masked).
    pub fn secret_is_kept(&self) -> bool {
        self.secret == SECRET_MASK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_defaults() {
        let defaults = AlertSettings::default();
        let draft = Draft::of(&defaults);
        assert_eq!(draft.rating_at_most, "4");
        assert!(draft.keywords.contains("投诉\n投訴"));
        assert_eq!(draft.settings().unwrap(), defaults);
    }

    #[test]
    fn empty_rating_is_no_rule_and_bad_numbers_name_their_field() {
        let mut draft = Draft::of(&AlertSettings::default());
        draft.rating_at_most = " ".to_owned();
        draft.keywords = "投诉\n\n  差评 \n".to_owned();
        draft.webhook_on = true;
        draft.url = " http://10.0.0.5:9000/tiyan ".to_owned();
        draft.secret = "***".to_owned();
        let settings = draft.settings().unwrap();
        assert_eq!(settings.rules.overall_rating_at_most, None);
        assert_eq!(settings.rules.keywords, ["投诉", "差评"]);
        assert_eq!(settings.webhook.unwrap().url, "http://10.0.0.5:9000/tiyan");
        assert!(draft.secret_is_kept());
        draft.sla_hours = "three days".to_owned();
        let problem = draft.settings().unwrap_err();
        assert_eq!(problem.field.as_deref(), Some("sla_hours"));
    }
}
