//! Words for numbers in what the commands and the reader print.

/// `n` with the noun that goes with it: `count(1, "day", "days")` is "1 day", `count(0, "day",
/// "days")` "0 days". Both forms are given whole, as plurals are not always the singular with
/// an "s" (`"entry"`, `"entries"`); English only, like every message of the program.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "day", "days"), "1 day");
        assert_eq!(count(0, "day", "days"), "0 days");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
        assert_eq!(count(11, "error", "errors"), "11 errors");
    }
}
