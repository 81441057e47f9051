//! The randomized tests' generator: xorshift64, deterministic, so that a failure names a case
//! that every run repeats.

/// The numbers after `seed` (not zero), one a call.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
