//! `Slots`: numbers by hash in an open-addressed table of `u64`s, each slot the high half of
//! an entry's hash above its number plus one (0 for an empty slot), probed linearly.
//!
//! The listings number papers by key with it, and People numbers papers and handles as
//! written: over 330,000 listings each lookup is a cache miss, so a slot is one word, and a
//! probe past another entry compares only hash halves, never reading the entry itself (a
//! key's text, say) unless the halves agree. What an entry is stays with the caller, which
//! says whether the entry of a number is the one it looks for.

/// Numbers by hash (see the module's comment). Room is the caller's to give: a table never
/// fuller than half.
#[derive(Debug, Clone, Default)]
pub struct Slots {
    slots: Vec<u64>,
}

impl Slots {
    /// A table for up to `room` entries.
    pub fn with_room(room: usize) -> Slots {
        Slots {
            slots: vec![0; (room * 2).next_power_of_two().max(2)],
        }
    }

    /// Empties the table, keeping its room (and its memory).
    pub fn clear(&mut self) {
        self.slots.fill(0);
    }

    /// How many entries it has room for.
    pub fn room(&self) -> usize {
        self.slots.len() / 2
    }

    /// The number of the entry of hash `h` that `is(number)` says is the one, or `Err(slot)`,
    /// where a new one goes (see `put`).
    pub fn find(&self, h: u64, mut is: impl FnMut(u32) -> bool) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(usize::MAX);
        }
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return Err(slot),
                s if s >> 32 == h >> 32 && is(s as u32 - 1) => return Ok(s as u32 - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Puts number `n` of hash `h` in `slot`, which `find` gave (nothing came in between).
    pub fn put(&mut self, slot: usize, h: u64, n: u32) {
        self.slots[slot] = h >> 32 << 32 | (u64::from(n) + 1);
    }

    /// Puts number `n` of hash `h` in the first free slot (an entry known to be new).
    pub fn insert(&mut self, h: u64, n: u32) {
        if let Err(slot) = self.find(h, |_| false) {
            self.put(slot, h, n);
        }
    }

    /// The first slot an entry of hash `h` is looked for in, read for no other end than to
    /// have it in the cache before `find` (see People's batches).
    pub fn first_slot(&self, h: u64) -> u64 {
        self.slots
            .get(h as usize & self.slots.len().wrapping_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// The table's bytes, for the benches.
    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::Slots;

    #[test]
    fn entries_are_found_by_hash_and_by_what_the_caller_says_they_are() {
        let texts = ["a", "b", "c", "d", "e"];
        // Hashes whose low bits collide (one probe chain) and whose high halves do too for
        // "a" and "b": only the caller's test tells those apart.
        let hashes = [
            1 << 32 | 5,
            1 << 32 | 5,
            2 << 32 | 5,
            3 << 32 | 6,
            4 << 32 | 7,
        ];
        let mut slots = Slots::with_room(texts.len());
        for (n, &h) in hashes.iter().enumerate() {
            let is = |m: u32| texts[m as usize] == texts[n];
            match slots.find(h, is) {
                Ok(_) => panic!("{} found before it was put", texts[n]),
                Err(slot) => slots.put(slot, h, n as u32),
            }
        }
        for (n, &h) in hashes.iter().enumerate() {
            assert_eq!(
                slots.find(h, |m| texts[m as usize] == texts[n]),
                Ok(n as u32)
            );
        }
        assert!(slots.find(1 << 32 | 5, |_| false).is_err(), "not there");
        assert!(slots.room() >= texts.len());
        let mut more = Slots::with_room(2);
        more.insert(9, 0);
        more.insert(9, 1);
        assert_eq!(more.find(9, |m| m == 1), Ok(1));
        assert_eq!(Slots::default().find(9, |_| true), Err(usize::MAX));
        assert_eq!(Slots::default().first_slot(9), 0);
        let room = slots.room();
        slots.clear();
        assert_eq!(slots.room(), room);
        assert!(slots.find(hashes[0], |_| true).is_err(), "emptied");
    }
}
