//! The entry point Trunk builds: the app in the browser. Natively there is nothing to run
//! (the relay is its own crate).

fn main() {
    #[cfg(target_arch = "wasm32")]
    radslag::start();
}
