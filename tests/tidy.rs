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

/// The source files for which `breaks` holds, outside the files in `exempt`.
fn offenders(exempt: &str, breaks: impl Fn(&str) -> bool) -> Vec<String> {
    sources()
        .into_iter()
        .filter(|(path, text)| (exempt.is_empty() || !path.ends_with(exempt)) && breaks(text))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[test]
fn every_module_starts_by_saying_what_it_owns() {
    let missing = offenders("", |text| !text.trim_start().starts_with("//!"));
    assert!(missing.is_empty(), "these modules do not start with a `//!` line saying what they own: {missing:?}");
}

#[test]
fn swedish_and_english_words_live_only_in_the_i18n_table() {
    let found = offenders("src/i18n.rs", |text| text.contains("Lang::Sv =>"));
    assert!(found.is_empty(), "these files match on Lang::Sv themselves; use i18n::t or Lang::pick: {found:?}");
}

#[test]
fn links_are_made_from_the_route_enum() {
    let found = offenders("src/ui/route.rs", |text| text.contains("href=\"#"));
    assert!(found.is_empty(), "these files hard-code #/ links; use Route::…href(): {found:?}");
}
