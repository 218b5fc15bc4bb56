//! The library's entry point on any bytes: decode, clean, render the clean
//! copy and the diff, with the default rules (the page model among them)
//! and with the rules alone. Must never panic, and the guarantees of SPEC §5 hold: the clean
//! copy is idempotent and its diff is empty exactly when the bytes do not
//! change.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = dedupe::decode(bytes, dedupe::Encoding::Auto) else {
        return;
    };
    let mut rules = dedupe::Options::default();
    rules.rules.ignore = vec![dedupe::PAGE_MODEL.to_string()];
    for options in [rules, dedupe::Options::default()] {
        let cleaned = dedupe::clean(&decoded.text, &options);
        let clean_bytes = cleaned.to_bytes(decoded.encoding);
        let diff = cleaned.diff_bytes(&decoded, decoded.encoding, "fuzz.txt");
        assert_eq!(diff.is_empty(), clean_bytes.as_ref() == bytes);
        let again = dedupe::clean(&cleaned.text, &options);
        assert_eq!(again.text, cleaned.text, "not idempotent");
    }
});
