//! Throughput of the library: `dedupe::clean` (and the diff) on the seed
//! article and on large generated documents, in MB/s.
//!
//! `cargo bench --bench clean` (add `-- large` to run only the names that
//! contain "large"). The folder and command-line comparison is
//! `benches/speed.py`; see `benches/README.md`.

use divan::Bencher;
use divan::counter::BytesCount;
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/rudd-windrush.txt");

fn main() {
    divan::main();
}

/// A tiny deterministic generator (xorshift), so the inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The seed article written `copies` times into one document, each copy with
/// one of its names changed, so most paragraphs are exact copies across copies
/// and the rest are near copies: the "same bytes as one file" case.
fn repeated_article(copies: usize) -> String {
    let mut text = String::with_capacity(SEED.len() * copies);
    for copy in 0..copies {
        text.push_str(&SEED.replace("Rudd", &format!("Rudd{copy}")));
        text.push('\n');
    }
    text
}

/// Paragraphs of pseudo-random prose with no copies at all: the cost of a
/// document where every stage runs and nothing matches.
fn unique_prose(bytes: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let syllables = [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pa", "dre", "stu",
    ];
    let words: Vec<String> = (0..5000)
        .map(|_| {
            (0..1 + rng.below(4))
                .map(|_| syllables[rng.below(syllables.len())])
                .collect()
        })
        .collect();
    let mut text = String::with_capacity(bytes + 1000);
    while text.len() < bytes {
        for sentence in 0..1 + rng.below(5) {
            if sentence > 0 {
                text.push(' ');
            }
            for word in 0..6 + rng.below(15) {
                if word > 0 {
                    text.push(' ');
                }
                text.push_str(&words[rng.below(words.len())]);
            }
            text.push('.');
        }
        text.push_str("\n\n");
    }
    text
}

/// A templated list: every item shares most of its words with every other.
fn templated_list(items: usize) -> String {
    (0..items)
        .map(|i| {
            format!(
                "Step {i}: Remove the front cover of unit {} and place the {} screws in tray {i}.\n\n",
                i % 97,
                i % 13
            )
        })
        .collect()
}

fn bench_clean(bencher: Bencher, text: &str) {
    let options = dedupe::Options::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| dedupe::clean(black_box(text), &options));
}

#[divan::bench]
fn seed_article(bencher: Bencher) {
    bench_clean(bencher, SEED);
}

#[divan::bench]
fn seed_article_diff(bencher: Bencher) {
    let cleaned = dedupe::clean(SEED, &dedupe::Options::default()).text;
    bencher
        .counter(BytesCount::of_str(SEED))
        .bench(|| dedupe::unified_diff(black_box(SEED), &cleaned, "rudd-windrush.txt"));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn large_repeated_article(bencher: Bencher) {
    bench_clean(bencher, &repeated_article(1000));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn large_unique_prose(bencher: Bencher) {
    bench_clean(bencher, &unique_prose(5_000_000));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn large_templated_list(bencher: Bencher) {
    bench_clean(bencher, &templated_list(50_000));
}
