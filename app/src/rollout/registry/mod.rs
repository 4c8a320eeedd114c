//! The registry page: hospitals and their departments with names in the
//! three languages (admin: all, and creates hospitals; a hospital's
//! administrator: its own), the codes responses carry that the registry
//! does not know, and the registry file for the command line.

pub mod draft;
pub mod editor;
pub mod export;
pub mod unregistered;
pub mod view;

pub use view::RegistryView;
