//! Reusable pieces of the survey screens.

pub mod callback_question;
pub mod face;
pub mod idle_warning;
pub mod radio_group;
pub mod top_bar;
pub mod upload_status;
pub mod we_did;

pub use callback_question::{callback_question, PHONE_FIELD_ID};
pub use face::face;
pub use idle_warning::idle_warning;
pub use radio_group::{radio_group, RadioGroup};
pub use top_bar::{top_bar, TopBar};
pub use upload_status::upload_status;
pub use we_did::{we_did_carousel, we_did_list};
