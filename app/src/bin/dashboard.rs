//! The dashboard page, and its scoring worker: the same module runs in
//! both (`app::dashboard::worker`).

fn main() {
    if app::dashboard::worker::in_worker() {
        app::dashboard::worker::serve();
    } else {
        yew::Renderer::<app::dashboard::DashboardApp>::new().render();
    }
}
