//! Helpers for the survey's browser tests: a clean `localStorage`, a fake
//! tiyan-server answering `fetch` inside the page, and DOM shortcuts.
#![allow(dead_code, unreachable_pub)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Forget everything a previous test stored.
#[allow(clippy::disallowed_methods)] // tests prepare the browser's storage
pub fn clear_storage() {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.clear();
    }
}

/// Replace `window.fetch` with a fake `/api/v1`: `POST /responses` answers
/// like tiyan-server (stored the first time an id is seen, duplicate after)
/// unless `window.__tiyan.mode` is `"down"` (503) or `"conflict"`. Every
/// batch's ids are recorded in `window.__tiyan.posts`.
pub fn install_fake_server(mode: &str) {
    let script = format!(
        r#"
        window.__tiyan = {{ posts: [], seen: {{}}, mode: {mode:?} }};
        window.fetch = async (input, init) => {{
            const req = input instanceof Request ? input : new Request(input, init);
            const t = window.__tiyan;
            const path = new URL(req.url).pathname;
            if (!path.endsWith('/responses') || req.method !== 'POST') {{
                return new Response('{{"error":"not found"}}', {{ status: 404 }});
            }}
            const batch = JSON.parse(await req.text());
            t.posts.push(batch.map((r) => r.id));
            if (t.mode === 'down') return new Response('', {{ status: 503 }});
            const results = batch.map((r) => {{
                if (t.mode === 'conflict') return {{ id: r.id, status: 'conflict', message: 'same id, other content' }};
                const known = r.id in t.seen;
                t.seen[r.id] = r;
                return {{ id: r.id, status: known ? 'duplicate' : 'stored' }};
            }});
            return new Response(JSON.stringify({{ results }}), {{
                status: 200, headers: {{ 'content-type': 'application/json' }},
            }});
        }};
        "#
    );
    js_sys::Function::new_no_args(&script)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("fake server installed");
}

/// Switch the fake server's behaviour.
pub fn set_server_mode(mode: &str) {
    js_sys::Function::new_no_args(&format!("window.__tiyan.mode = {mode:?};"))
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("mode set");
}

/// The batches the fake server received, as lists of ids.
pub fn posted_batches() -> Vec<Vec<String>> {
    let posts = js_sys::Function::new_no_args("return JSON.stringify(window.__tiyan.posts);")
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("posts")
        .as_string()
        .expect("a string");
    serde_json::from_str(&posts).expect("JSON")
}

/// The ids the fake server stored (first seen).
pub fn stored_ids() -> Vec<String> {
    let ids =
        js_sys::Function::new_no_args("return JSON.stringify(Object.keys(window.__tiyan.seen));")
            .call0(&wasm_bindgen::JsValue::NULL)
            .expect("seen")
            .as_string()
            .expect("a string");
    serde_json::from_str(&ids).expect("JSON")
}

pub async fn sleep_ms(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// Wait until `ready` holds (checked every 20 ms), at most `limit_ms`.
pub async fn wait_for(limit_ms: u64, mut ready: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !ready() {
        if waited >= limit_ms {
            return false;
        }
        sleep_ms(20).await;
        waited += 20;
    }
    true
}

/// A fresh element in the body to mount a component into.
pub fn mount_point() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    root
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Click the element matching `selector` (panics with the selector if none).
pub fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// Type into a text field as a user would (value, then a bubbling `input`).
pub fn type_into(root: &Element, selector: &str, value: &str) {
    let field = query(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"));
    let area = field
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .expect("a textarea");
    area.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    area.dispatch_event(&event).expect("dispatched");
}

/// Let Yew finish every pending render and effect.
pub async fn settle() {
    yew::scheduler::flush().await;
}
