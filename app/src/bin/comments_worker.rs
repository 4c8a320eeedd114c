//! The dashboard's comments worker (`app::dashboard::comment_worker`): the
//! comment analysis in a wasm module of its own, which the scoring worker
//! starts on the first comment request.

fn main() {
    app::dashboard::comment_worker::serve();
}
