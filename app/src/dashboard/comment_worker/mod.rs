//! The comments worker: the comment analysis in a wasm module of its own
//! (`src/bin/comments_worker.rs`, built into `dist/admin/comments/`),
//! which the scoring worker starts on the first comment request and
//! talks to through [`CommentRelay`]. The lexicons, the matcher and the
//! Unicode tables are thus fetched only when a view shows comment themes,
//! never with the dashboard's first load (BENCHMARKS.md, "Comment
//! analysis"). Its answers go to the page through the scoring worker
//! unchanged (the same envelope), so the page has one bridge.

pub mod engine;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::dashboard::protocol::{FromWorker, ToWorker};
use crate::dashboard::worker::envelope::{self, WorkerEvent};
use engine::CommentEngine;

/// The comments worker's loader, relative to the scoring worker's script
/// (`/admin/dashboard_worker_loader.js`).
const LOADER: &str = "comments/comments_worker_loader.js";

/// Runs in the comments worker: each message goes to the engine, whose
/// answers are posted back (to the scoring worker, which passes them on).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let engine = RefCell::new(CommentEngine::new());
    let post = {
        let scope = scope.clone();
        move |event: WorkerEvent| {
            if let Ok(bytes) = envelope::encode(&event) {
                let _ = scope.post_message(&bytes);
            }
        }
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let post = post.clone();
        move |event: MessageEvent| match envelope::decode::<ToWorker>(&event.data()) {
            Ok(message) => engine
                .borrow_mut()
                .handle(message, &mut |answer| post(WorkerEvent::Answer(answer))),
            Err(e) => post(WorkerEvent::Unreadable(e)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(WorkerEvent::Loaded);
}

/// The scoring worker's end of the comments worker: started on the first
/// message, which waits (with any others) until it has loaded; its answers
/// are handed to `forward` as they came (envelope bytes).
pub struct CommentRelay {
    worker: Option<Worker>,
    waiting: Rc<RefCell<Option<Vec<JsValue>>>>,
    forward: Rc<dyn Fn(&JsValue)>,
    /// The last analysis asked for: a worker that fails to load answers it
    /// with the error, so the page does not wait for ever.
    last_request: Rc<Cell<u64>>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(JsValue)>>,
}

impl CommentRelay {
    pub fn new(forward: impl Fn(&JsValue) + 'static) -> CommentRelay {
        CommentRelay {
            worker: None,
            waiting: Rc::new(RefCell::new(Some(Vec::new()))),
            forward: Rc::new(forward),
            last_request: Rc::new(Cell::new(0)),
            _on_message: None,
            _on_error: None,
        }
    }

    pub fn send(&mut self, message: &ToWorker) {
        if let ToWorker::AnalyseComments { request, .. } = message {
            self.last_request.set(*request);
        }
        let bytes = match envelope::encode(message) {
            Ok(bytes) => bytes,
            Err(e) => {
                web_sys::console::error_1(&JsValue::from_str(&e));
                return;
            }
        };
        if self.worker.is_none() {
            self.start();
        }
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push(bytes);
            return;
        }
        if let Some(worker) = &self.worker {
            let _ = worker.post_message(&bytes);
        }
    }

    fn start(&mut self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let fail = {
            let (forward, last_request) = (self.forward.clone(), self.last_request.clone());
            move |why: String| {
                let answer = WorkerEvent::Answer(FromWorker::CommentsAnalysed {
                    request: last_request.get(),
                    outcome: Err(format!("the comments worker could not start: {why}")),
                });
                if let Ok(bytes) = envelope::encode(&answer) {
                    forward(&bytes);
                }
            }
        };
        let worker = match Worker::new_with_options(LOADER, &options) {
            Ok(worker) => worker,
            Err(e) => {
                fail(format!("{e:?}"));
                return;
            }
        };
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let why = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "a load error".to_owned());
            fail(why);
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self._on_error = Some(on_error);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
            let (worker, waiting, forward) =
                (worker.clone(), self.waiting.clone(), self.forward.clone());
            move |event: MessageEvent| {
                let data = event.data();
                // `Loaded` is four bytes; an answer is never that short.
                let short = data
                    .dyn_ref::<js_sys::Uint8Array>()
                    .is_some_and(|a| a.length() <= 4);
                if short
                    && matches!(
                        envelope::decode::<WorkerEvent>(&data),
                        Ok(WorkerEvent::Loaded)
                    )
                {
                    for bytes in waiting.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&bytes);
                    }
                } else {
                    forward(&data);
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        self.worker = Some(worker);
        self._on_message = Some(on_message);
    }
}
