fn main() {
    yew::Renderer::<app::dashboard::DashboardApp>::new().render();
}
