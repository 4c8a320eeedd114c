//! The scoring web worker: [`engine::Engine`] on a thread of its own, and
//! the page's side of the bridge to it.
//!
//! The worker runs the dashboard's own wasm module (there is no second
//! module to download): `dashboard_worker_loader.js`, written next to the
//! page by `cargo xtask build-app`, imports the page's wasm-bindgen glue in
//! a module worker, and the binary's `main` sees a worker scope instead of
//! a window and calls [`serve`]. Code both sides use — the allocator,
//! formatting, serde, scoring's report types — is then fetched and
//! compiled once (BENCHMARKS.md, "One wasm module for the page and its
//! worker").

pub mod engine;
pub mod envelope;
pub mod pieces;
pub mod row_store;
pub mod score_run;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

use super::comment_worker::CommentRelay;
use super::protocol::{FromWorker, ToWorker};
use engine::Engine;
use envelope::WorkerEvent;

/// True when this module runs in a dedicated worker rather than a page.
pub fn in_worker() -> bool {
    js_sys::global().is_instance_of::<DedicatedWorkerGlobalScope>()
}

/// Runs in the worker: each message from the page goes to the engine,
/// whose answers (progress included) are posted back at once. The engine
/// works synchronously; that is the point of a worker, whose thread may
/// be busy for seconds while the page's stays free.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let engine = RefCell::new(Engine::new());
    let post = {
        let scope = scope.clone();
        move |event: WorkerEvent| {
            if let Ok(bytes) = envelope::encode(&event) {
                // A worker scope always accepts a Uint8Array.
                let _ = scope.post_message(&bytes);
            }
        }
    };
    // The comments worker's answers go to the page as they come.
    let comments = RefCell::new(CommentRelay::new({
        let scope = scope.clone();
        move |bytes: &JsValue| {
            let _ = scope.post_message(bytes);
        }
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let post = post.clone();
        move |event: MessageEvent| match envelope::decode::<ToWorker>(&event.data()) {
            Ok(message) if message.is_for_comments() => {
                for m in engine.borrow_mut().comment_messages(message) {
                    comments.borrow_mut().send(&m);
                }
            }
            Ok(message) => engine
                .borrow_mut()
                .handle(message, &mut |answer| post(WorkerEvent::Answer(answer))),
            Err(e) => post(WorkerEvent::Unreadable(e)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its handler.
    on_message.forget();
    post(WorkerEvent::Loaded);
}

/// The page's end of the bridge: posts [`ToWorker`] messages, holding
/// them until the worker has said it is loaded, and hands each
/// [`FromWorker`] answer to the callback given to [`spawn`].
pub struct Bridge {
    /// `None` when the browser refused to start the worker ([`spawn`]
    /// reported why); messages then go nowhere.
    worker: Option<Worker>,
    /// `Some` until the worker is loaded.
    waiting: Rc<RefCell<Option<Vec<ToWorker>>>>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Bridge {
    pub fn send(&self, message: ToWorker) {
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push(message);
            return;
        }
        if let Some(worker) = &self.worker {
            post_to(worker, &message);
        }
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(worker) = &self.worker {
            worker.terminate();
        }
    }
}

fn post_to(worker: &Worker, message: &ToWorker) {
    match envelope::encode(message) {
        Ok(bytes) => {
            if let Err(e) = worker.post_message(&bytes) {
                web_sys::console::error_2(&"the scoring worker refused a message".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&JsValue::from_str(&e)),
    }
}

/// Starts the worker from the loader script next to the page (a
/// same-origin module script: the server's Content-Security-Policy allows
/// no `blob:` workers), sending its answers to `on_message`. When the
/// browser will not start it, `on_failure` hears why.
pub fn spawn(
    base: &str,
    on_message: impl Fn(FromWorker) + 'static,
    on_failure: impl FnOnce(String),
) -> Bridge {
    let waiting = Rc::new(RefCell::new(Some(Vec::new())));
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker =
        match Worker::new_with_options(&format!("{base}dashboard_worker_loader.js"), &options) {
            Ok(worker) => worker,
            Err(e) => {
                on_failure(format!("the scoring worker could not start: {e:?}"));
                return Bridge {
                    worker: None,
                    waiting,
                    _on_message: None,
                };
            }
        };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let (worker, waiting) = (worker.clone(), waiting.clone());
        move |event: MessageEvent| match envelope::decode::<WorkerEvent>(&event.data()) {
            Ok(WorkerEvent::Loaded) => {
                for message in waiting.borrow_mut().take().unwrap_or_default() {
                    post_to(&worker, &message);
                }
            }
            Ok(WorkerEvent::Answer(answer)) => on_message(answer),
            Ok(WorkerEvent::Unreadable(e)) | Err(e) => {
                web_sys::console::error_1(&JsValue::from_str(&e))
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Bridge {
        worker: Some(worker),
        waiting,
        _on_message: Some(on_message),
    }
}
