//! The library's entry point on any bytes: decode, clean, render the clean
//! copy and the diff, with the default rules (the page model among them)
//! and with the rules alone. Must never panic, and the guarantees of SPEC §5 hold: the clean
//! copy is idempotent (read back from its bytes, as the next run reads it,
//! too) and its diff is empty exactly when the bytes do not change.
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
        // The next run reads the bytes written, not this run's text: it
        // decodes them afresh, and cleans them to the same bytes. A guessed
        // encoding may be lost on the clean copy: the command line then
        // refuses the file before writing anything.
        if decoded.fell_back_to_windows_1252
            && dedupe::reads_back(&clean_bytes, decoded.encoding).is_err()
        {
            continue;
        }
        let read_back = dedupe::decode(&clean_bytes, dedupe::Encoding::Auto)
            .expect("a clean copy that reads back decodes");
        let again = dedupe::clean(&read_back.text, &options);
        assert_eq!(
            again.to_bytes(read_back.encoding).as_ref(),
            clean_bytes.as_ref(),
            "not idempotent on the bytes written"
        );
    }
});
