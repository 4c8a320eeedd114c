fn main() {
    yew::Renderer::<app::survey::SurveyApp>::new().render();
}
