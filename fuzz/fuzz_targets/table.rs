//! The corpus table reader on any bytes: a damaged or foreign table file is an
//! error, never a panic, and a table that reads back writes the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(table) = dedupe::DocumentFrequency::read_from(bytes) else {
        return;
    };
    let mut written = Vec::new();
    table.write_to(&mut written).expect("writing to a Vec");
    let again = dedupe::DocumentFrequency::read_from(&written[..]).expect("reads back");
    assert_eq!(again, table);
    let mut merged = table.clone();
    let _ = merged.merge(&table);
});
