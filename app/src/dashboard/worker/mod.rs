//! The scoring web worker: the gloo-worker shell around [`engine::Engine`]
//! and the page's side of the bridge.

pub mod engine;
pub mod pieces;
pub mod row_store;
pub mod score_run;

use gloo::worker::{HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};

use super::protocol::{FromWorker, ToWorker};
use engine::Engine;

/// Runs in the worker: each message from the page goes to the engine,
/// whose answers (progress included) are posted back at once. The engine
/// works synchronously; that is the point of a worker, whose thread may
/// be busy for seconds while the page's stays free.
pub struct ScoringWorker {
    engine: Engine,
}

impl Worker for ScoringWorker {
    type Message = ();
    type Input = ToWorker;
    type Output = FromWorker;

    fn create(_scope: &WorkerScope<Self>) -> ScoringWorker {
        ScoringWorker {
            engine: Engine::new(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _message: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, message: ToWorker, id: HandlerId) {
        self.engine
            .handle(message, &mut |answer| scope.respond(id, answer));
    }
}

/// The worker binary's `main`.
pub fn register() {
    ScoringWorker::registrar().register();
}

/// Starts the worker from the loader script trunk builds next to the
/// page (`dashboard_worker_loader.js`, a same-origin script: the server's
/// Content-Security-Policy allows no `blob:` workers), sending its answers
/// to `on_message`.
pub fn spawn(base: &str, on_message: impl Fn(FromWorker) + 'static) -> WorkerBridge<ScoringWorker> {
    ScoringWorker::spawner()
        .callback(on_message)
        .spawn_with_loader(&format!("{base}dashboard_worker_loader.js"))
}
