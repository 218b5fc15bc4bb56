//! The hand-written wording sets of `benches/wording/` (see its README): every
//! line of look-alike prose ("Subscribers pay $2.99 a month...", "Written by
//! hand in 1854...") stays when it sits alone inside a real article, and so
//! does every paragraph of the article around it, whatever the catalogue
//! learns next. The noise lines are scored, not asserted, by
//! `benches/wording.py`: how many a change removes is a measure, not a
//! contract.

use dedupe::{Decision, Options};
use std::fs;
use std::path::Path;

/// The seed article's first six paragraphs, as `benches/wording.py` uses them.
fn article() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("fixtures/rudd-windrush.expected.txt")).unwrap();
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .take(6)
        .map(str::to_string)
        .collect()
}

#[test]
fn look_alike_prose_and_the_article_around_it_stay() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/wording");
    let mut sets: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with("-prose.txt"))
        .collect();
    sets.sort();
    assert!(sets.len() >= 4, "the prose sets are in {}", root.display());
    let base = article();
    let options = Options::default();
    let mut lines = 0;
    for set in &sets {
        let text = fs::read_to_string(set).unwrap();
        for (k, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let at = 2 + k % (base.len() - 2);
            let mut page: Vec<&str> = base.iter().map(String::as_str).collect();
            page.insert(at, line);
            let input = page.join("\n\n") + "\n";
            let cleaned = dedupe::clean(&input, &options);
            let removed: Vec<&str> = cleaned
                .paragraphs
                .iter()
                .filter(|p| matches!(p.decision, Decision::Remove(_)))
                .map(|p| &*p.text)
                .collect();
            assert!(
                removed.is_empty(),
                "{}: with {line:?} inside the article, removed {removed:?}",
                set.display()
            );
            lines += 1;
        }
    }
    assert!(lines >= 80, "{lines} prose lines read");
}
