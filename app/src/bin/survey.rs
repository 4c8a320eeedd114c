fn main() {
    app::survey::mount();
}
