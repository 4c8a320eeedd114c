//! Instruments as JSON (docs/formats.md §1): the one compiled in and the one the
//! server serves are read here. The survey never writes one (it keeps the
//! server's text as it came).

use scoring::instrument::{
    Choice, ChoiceField, Instrument, Item, RespondentFields, Scale, Stage, Texts, VisitType,
};

use super::read::{FromJson, JsonError, Node};

impl FromJson for Instrument {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Instrument {
            id: n.string("id")?,
            version: n.u32("version")?,
            languages: n.list("languages", false)?,
            stages: n.list("stages", false)?,
            overall: n.list("overall", false)?,
            visit_types: n.map("visit_types", false, |k| VisitType::parse(&k), stage_ids)?,
            respondent: n.object("respondent")?,
        })
    }
}

fn stage_ids(n: &Node) -> Option<Vec<String>> {
    n.elements()?.iter().map(Node::as_str).collect()
}

fn texts(n: &Node, name: &'static str) -> Result<Texts, JsonError> {
    n.map(name, false, Some, Node::as_str)
}

/// `weight` defaults to 1 (docs/formats.md §1).
fn weight(n: &Node) -> Result<f64, JsonError> {
    Ok(n.optional("weight", Node::as_f64)?.unwrap_or(1.0))
}

impl FromJson for Stage {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Stage {
            id: n.string("id")?,
            title: texts(n, "title")?,
            weight: weight(n)?,
            items: n.list("items", false)?,
        })
    }
}

impl FromJson for Item {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(Item {
            id: n.string("id")?,
            text: texts(n, "text")?,
            scale: n.word("scale", Scale::from_id)?,
            reverse: n.optional("reverse", Node::as_bool)?.unwrap_or(false),
            weight: weight(n)?,
            allow_na: n.optional("allow_na", Node::as_bool)?.unwrap_or(false),
        })
    }
}

impl FromJson for RespondentFields {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(RespondentFields {
            age_band: n.object("age_band")?,
            education: n.object("education")?,
            self_rated_health: n.object("self_rated_health")?,
            answered_by: n.object("answered_by")?,
        })
    }
}

impl FromJson for ChoiceField {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        Ok(ChoiceField {
            label: texts(n, "label")?,
            values: n.list("values", false)?,
        })
    }
}

impl FromJson for Choice {
    fn from_json(n: &Node) -> Result<Self, JsonError> {
        let value = n.field("value");
        // Choice values are strings or integers (docs/formats.md §1).
        let value = match (value.as_str(), value.as_i64()) {
            (Some(s), _) => serde_json::Value::String(s),
            (None, Some(i)) => serde_json::Value::from(i),
            (None, None) => return Err(JsonError::Field("value")),
        };
        Ok(Choice {
            value,
            label: texts(n, "label")?,
        })
    }
}
