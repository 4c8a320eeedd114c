//! Where a server's refusal goes on a form: the server names the field
//! first (`names.en: longer than 120 characters`, `departments[2].code:
//! duplicate department code "er"`), so the message is shown next to that
//! field and read out with it (`aria-describedby`).

use crate::services::staff_api::ApiError;

/// A refusal, with the field it names if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// `names.en`, `level`, `departments[2].code`; `None` for the form.
    pub field: Option<String>,
    pub message: String,
}

impl FieldProblem {
    pub fn of(error: &ApiError) -> FieldProblem {
        let message = match error {
            ApiError::Status(_, message) => message.clone(),
            other => other.to_string(),
        };
        FieldProblem {
            field: field_named(&message).map(str::to_owned),
            message,
        }
    }

    /// The message, if it belongs to `field`. A problem with a whole name
    /// (`names: give at least one language`) is shown by its first
    /// language's field (`names.zh-CN`).
    pub fn for_field(&self, field: &str) -> Option<&str> {
        let named = self.field.as_deref()?;
        let whole_name = field.strip_suffix(".zh-CN") == Some(named);
        (named == field || whole_name).then_some(self.message.as_str())
    }

    /// The message, if it names no field shown on the form.
    pub fn unplaced(&self, shown: &[String]) -> Option<&str> {
        match &self.field {
            Some(f) if shown.iter().any(|s| s == f) => None,
            _ => Some(self.message.as_str()),
        }
    }
}

/// The field path a message starts with: letters, digits, `_`, `-`, `.`
/// and `[n]`, then `:`.
fn field_named(message: &str) -> Option<&str> {
    let (head, _) = message.split_once(':')?;
    let path_like = !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
    path_like.then_some(head)
}

/// The id of the element holding a field's message.
pub fn message_id(field: &str) -> String {
    let clean: String = field
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("problem-{clean}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_named_first_gets_the_message() {
        let problem = FieldProblem::of(&ApiError::Status(
            422,
            "departments[2].code: duplicate department code \"er\"".to_owned(),
        ));
        assert_eq!(problem.field.as_deref(), Some("departments[2].code"));
        assert_eq!(
            problem.for_field("departments[2].code"),
            Some("departments[2].code: duplicate department code \"er\"")
        );
        assert_eq!(problem.for_field("departments[1].code"), None);
        let whole = FieldProblem::of(&ApiError::Status(400, "names: give a name".to_owned()));
        assert_eq!(whole.for_field("names.zh-CN"), Some("names: give a name"));
        assert_eq!(whole.for_field("names.en"), None);
        assert_eq!(problem.unplaced(&["departments[2].code".to_owned()]), None);
        assert!(problem.unplaced(&["level".to_owned()]).is_some());
    }

    #[test]
    fn a_sentence_names_no_field() {
        let problem =
            FieldProblem::of(&ApiError::Status(403, "not your hospital: H002".to_owned()));
        assert_eq!(problem.field, None);
        assert_eq!(problem.unplaced(&[]), Some("not your hospital: H002"));
        assert_eq!(FieldProblem::of(&ApiError::Unauthorized).field, None);
        assert_eq!(message_id("names.zh-CN"), "problem-names-zh-CN");
    }
}
