//! Handing freed memory back to the system. A load frees each post's texts as soon as it is
//! parsed, and an index build each chunk's texts and postings: what is freed lies between
//! what is kept, where the allocator would keep it resident (on 3,000 posts where no paper
//! repeats, some 40 MiB of the reader's 100 before the build spilled its postings).

/// Gives the pages freed since back to the system (glibc's allocator; elsewhere, nothing).
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own; it takes no
    // pointers and touches nothing that is in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
