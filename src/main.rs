//! The browser entry point: mounts the app in a page, or serves analysis in a worker.

#[cfg(target_arch = "wasm32")]
mod bench_exports;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if dossier::ui::in_worker() {
        dossier::ui::run_worker();
    } else {
        leptos::mount::mount_to_body(dossier::ui::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `make build` or `make serve`; the native tool is `dossier`.");
    std::process::exit(2);
}
