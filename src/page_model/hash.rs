//! The stable hashes the page model's hashed features are made of: they name
//! slots of a model file, so they never depend on the standard library's
//! hasher or on the platform.

/// 64-bit FNV-1a.
#[derive(Clone, Copy)]
pub(super) struct Fnv(pub(super) u64);

impl Fnv {
    pub(super) const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub(super) fn char(&mut self, c: char) {
        let mut buffer = [0; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            self.byte(byte);
        }
    }
}

/// Mixes two hashes (for bigrams and feature kinds).
pub(super) fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15;
    x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x = (x ^ (x >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// 32 bits of a hash: the high half folded into the low half (FNV's low
/// bits alone mix poorly: a product's low bits depend only on the factors'
/// low bits).
pub(super) fn fold32(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}
