//! The stable hashes the page model's hashed features are made of: they name
//! slots of a model file, so they never depend on the standard library's
//! hasher or on the platform.

/// 64-bit FNV-1a (also the word hash of [`crate::matching`]'s template
/// check).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub(super) fn char(&mut self, c: char) {
        let mut buffer = [0; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            self.byte(byte);
        }
    }
}

/// A hashed feature's hash, from `key` (a word's hash, or a pair's) and the
/// feature's `kind`: one multiply, the product's bytes reversed so that its
/// top bits (which every bit of `key` reaches) are the low bits a model's
/// mask keeps (Knuth's multiplicative hashing). A paragraph's words make
/// five features each; the 64-bit finalizer it replaced (two multiplies,
/// three shifts) made summing their weights cost twice as much.
pub(super) fn feature(key: u64, kind: u64) -> u64 {
    (key ^ kind.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
        .swap_bytes()
}

/// The key of a feature of two words in order ([`feature`]'s `key`).
pub(super) fn pair(before: u64, after: u64) -> u64 {
    before.rotate_left(23) ^ after
}

/// 32 bits of a hash: the high half folded into the low half (FNV's low
/// bits alone mix poorly: a product's low bits depend only on the factors'
/// low bits).
pub(super) fn fold32(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}
