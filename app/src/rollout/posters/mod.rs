//! The posters page: pick a hospital, departments and a visit type, see
//! the poster, print the batch (the server draws the posters and their QR
//! codes: `GET /hospitals/{hospital}/posters`, docs/formats.md §7).

pub mod urls;
pub mod view;

pub use view::PostersView;
