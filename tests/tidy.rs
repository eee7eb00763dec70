//! House rules that a reader would otherwise have to police by hand: every module says what it
//! owns, the UI's words live in one table, and links are made from the `Route` enum.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|x| x == "rs") {
            found.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for dir in ["src", "protocol/src", "relay/src"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    assert!(files.len() > 20, "the source folders were not found under {ROOT}");
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (path, text)
        })
        .collect()
}

#[test]
fn every_module_starts_by_saying_what_it_owns() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(missing.is_empty(), "these modules do not start with a `//!` line saying what they own: {missing:?}");
}

#[test]
fn swedish_and_english_words_live_only_in_the_i18n_table() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| !path.ends_with("src/i18n.rs"))
        .filter(|(_, text)| text.contains("Lang::Sv =>"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "these files match on Lang::Sv themselves; use i18n::t or Lang::pick: {offenders:?}");
}

#[test]
fn links_are_made_from_the_route_enum() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| !path.ends_with("src/ui/route.rs"))
        .filter(|(_, text)| text.contains("href=\"#"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "these files hard-code #/ links; use Route::…href(): {offenders:?}");
}
