//! The library's modules form layers in pipeline order: a module may use
//! only the modules of the layers below its own, so there is no import
//! circle and no stage reaches up to a later stage or to the crate root.
//! This reads every `crate::` path in the library's code (tests and comments
//! aside) and checks it against the order below.

use std::path::Path;

/// The library's files, lowest layer first; files on one line are one layer.
const LAYERS: &[&[&str]] = &[
    // Leaves: bytes and lines, the rule registry, text shape; then a page's
    // lists (a listing, cards, figures, a timetable), read from text shape.
    &["decode.rs", "rules.rs", "text.rs"],
    &["listing.rs"],
    &["key.rs"],
    &["normalize.rs"],
    &["segment.rs"],
    // What the settings hold: the compiled catalogue, the corpus table.
    &["noise/engine/catalogue.rs"],
    &["page_model/hash.rs", "page_model/core_vocabulary.rs"],
    &["page_model/removals.rs"],
    &["noise/engine.rs", "corpus.rs", "page_model/features.rs"],
    &["page_model/decode.rs", "page_model/trees.rs"],
    &["page_model/mod.rs"],
    &["options.rs"],
    // The noise stage: its classifiers, then the step that combines them.
    &["noise/navigation.rs", "noise/corpus.rs"],
    &["noise/mod.rs"],
    &["fingerprint.rs"],
    &["matching.rs"],
    &["decide.rs"],
    // The page model's reading of what the rules kept.
    &["refine.rs"],
    &["diff.rs"],
    // The pipeline itself and rendering: the crate root.
    &["lib.rs"],
    // Training cleans pages with the whole pipeline.
    &["page_model/train.rs"],
];

fn layer_of(file: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&file))
        .unwrap_or_else(|| panic!("src/{file} is in no layer of tests/layers.rs"))
}

/// The file a `crate::` path names: `crate::noise::engine::X` is
/// `noise/engine.rs`, `crate::noise::Verdict` is `noise/mod.rs`, and
/// `crate::Options` or `crate::clean` the crate root.
fn file_of(src: &Path, path: &[&str]) -> String {
    match path {
        [] => "lib.rs".into(),
        [first, rest @ ..] if first.starts_with(char::is_lowercase) => {
            if let Some(second) = rest.first()
                && src.join(first).join(format!("{second}.rs")).exists()
            {
                return format!("{first}/{second}.rs");
            }
            if src.join(first).join("mod.rs").exists() {
                format!("{first}/mod.rs")
            } else if src.join(format!("{first}.rs")).exists() {
                format!("{first}.rs")
            } else {
                // A function of the crate root, such as `crate::clean`.
                "lib.rs".into()
            }
        }
        _ => "lib.rs".into(),
    }
}

/// Every `crate::` path in `code`, with each name of a `crate::{a, b::c}`
/// group as a path of its own.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let item = item.trim();
                if !item.is_empty() {
                    paths.push(item.split("::").map(|s| s.trim().to_string()).collect());
                }
            }
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path: Vec<String> = rest[..end]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        paths.push(path);
    }
    paths
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn library_modules_only_use_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for layer in LAYERS {
        files.extend(layer.iter().copied());
    }
    let mut arrows = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(src.join(file)).expect("a library file");
        for path in crate_paths(&code_of(&text)) {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            let target = file_of(&src, &path);
            if target != *file && layer_of(&target) >= layer_of(file) {
                arrows.push(format!("src/{file} uses crate::{}", path.join("::")));
            }
        }
    }
    assert!(arrows.is_empty(), "arrows back up:\n{}", arrows.join("\n"));
}

#[test]
fn every_library_file_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for folder in [
        src.clone(),
        src.join("noise"),
        src.join("noise/engine"),
        src.join("page_model"),
    ] {
        for entry in std::fs::read_dir(&folder).expect("src") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|ext| ext == "rs") && !path.ends_with("main.rs") {
                let file = path.strip_prefix(&src).expect("under src");
                layer_of(&file.to_string_lossy());
            }
        }
    }
}
