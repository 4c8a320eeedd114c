//! The roll-out bundle (`/admin/rollout/`): hospitals and departments,
//! QR posters, kiosks (see `app::rollout`).

fn main() {
    yew::Renderer::<app::rollout::RolloutApp>::new().render();
}
