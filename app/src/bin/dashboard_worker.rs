//! The dashboard's scoring worker: parses, tallies and scores export text
//! off the page's main thread (see `app::dashboard::worker`).

fn main() {
    app::dashboard::worker::register();
}
