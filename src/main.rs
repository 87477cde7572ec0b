//! Start-up: install the panic message, then mount the app on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    matrix_explorer::components::install_panic_hook();
    yew::Renderer::<matrix_explorer::components::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Matrix Explorer runs in the browser: build it with `make dist` or `make run`.");
}
