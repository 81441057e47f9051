//! Any text through the display path, as the reader uses it: cleaned like every loaded field,
//! LaTeX prettified, then wrapped and truncated at any width. Nothing may panic, and no line is
//! ever wider than the width asked for (a wrapped line from 2 columns on: a 1-column line
//! cannot hold a wide character).
#![no_main]

use hotpapers::archive::text::sanitize;
use hotpapers::display::latex::prettify;
use hotpapers::display::width::{pad, truncate, width, wrap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let max = w as usize;
    let text = sanitize(text);
    let pretty = prettify(&text);
    for line in wrap(&pretty, max) {
        if max >= 2 {
            assert!(
                width(&line) <= max,
                "wrapped line {line:?} is {} columns, over {max}",
                width(&line)
            );
        }
    }
    // Truncation is for one-line fields (titles, names).
    let one_line = pretty.replace('\n', " ");
    let cut = truncate(&one_line, max);
    assert!(
        width(&cut) <= max,
        "truncated {cut:?} is {} columns, over {max}",
        width(&cut)
    );
    let padded = pad(&one_line, max);
    assert!(width(&padded) <= max, "padded {padded:?} over {max}");
});
