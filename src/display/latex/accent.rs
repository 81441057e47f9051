//! Accents: `\'e`, `\c{c}`, `\hat{x}`. The accent becomes a Unicode combining mark after its
//! letter, and the two become one precomposed character where Unicode has one (é, not e + ◌́),
//! so the text compares, searches and copies like typed text. A small table for the Latin
//! letters does this; any other letter keeps the combining mark after it.

/// A combining mark, and whether it goes on every letter of its argument (`\overline{AB}` is
/// A̅B̅) or on exactly one (`\hat{xy}` has no plain-text form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    mark: char,
    each: bool,
}

impl Mark {
    const fn one(mark: char) -> Self {
        Mark { mark, each: false }
    }

    /// The mark of an accent command (text or math), by name without its backslash.
    pub(super) fn of_command(name: &str) -> Option<Mark> {
        Some(match name {
            "`" | "grave" => Mark::one('\u{300}'),
            "'" | "acute" => Mark::one('\u{301}'),
            "^" | "hat" | "widehat" => Mark::one('\u{302}'),
            "~" | "tilde" | "widetilde" => Mark::one('\u{303}'),
            "=" | "bar" => Mark::one('\u{304}'),
            "u" | "breve" => Mark::one('\u{306}'),
            "." | "dot" => Mark::one('\u{307}'),
            "\"" | "ddot" => Mark::one('\u{308}'),
            "r" | "mathring" => Mark::one('\u{30a}'),
            "H" => Mark::one('\u{30b}'),
            "v" | "check" => Mark::one('\u{30c}'),
            "d" => Mark::one('\u{323}'),
            "c" => Mark::one('\u{327}'),
            "k" => Mark::one('\u{328}'),
            "b" => Mark::one('\u{331}'),
            "vec" => Mark::one('\u{20d7}'),
            "dddot" => Mark::one('\u{20db}'),
            "overline" => Mark {
                mark: '\u{305}',
                each: true,
            },
            "underline" => Mark {
                mark: '\u{332}',
                each: true,
            },
            _ => return None,
        })
    }

    /// `base` with this accent, or `None` if that has no plain-text form: an empty base, or
    /// more than one letter for a one-letter accent.
    pub(super) fn apply(self, base: &str) -> Option<String> {
        let mut out = String::with_capacity(base.len() + 3);
        if self.each {
            for c in base.chars() {
                out.push(c);
                if !c.is_whitespace() && !is_combining(c) {
                    out.push(self.mark);
                }
            }
            return (!out.is_empty()).then_some(out);
        }
        let mut chars = base.chars();
        let first = chars.next().filter(|c| !c.is_whitespace())?;
        let rest = chars.as_str();
        if !rest.chars().all(is_combining) {
            return None;
        }
        match compose(first, self.mark).filter(|_| rest.is_empty()) {
            Some(c) => out.push(c),
            None => {
                out.push(first);
                out.push_str(rest);
                out.push(self.mark);
            }
        }
        Some(out)
    }
}

/// True for the combining marks this module writes and their neighbours: the Combining
/// Diacritical Marks and the Combining Diacritical Marks for Symbols.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{20d0}'..='\u{20ff}')
}

/// Base letters and what each becomes with a mark: NFC compositions of the ASCII letters
/// (Unicode facts, checked against `unicodedata.normalize`), lower and upper case apart.
const PRECOMPOSED: [(char, &str, &str); 30] = [
    ('\u{300}', "aeinouwy", "àèìǹòùẁỳ"),
    ('\u{300}', "AEINOUWY", "ÀÈÌǸÒÙẀỲ"),
    ('\u{301}', "acegiklmnoprsuwyz", "áćéǵíḱĺḿńóṕŕśúẃýź"),
    ('\u{301}', "ACEGIKLMNOPRSUWYZ", "ÁĆÉǴÍḰĹḾŃÓṔŔŚÚẂÝŹ"),
    ('\u{302}', "aceghijosuwyz", "âĉêĝĥîĵôŝûŵŷẑ"),
    ('\u{302}', "ACEGHIJOSUWYZ", "ÂĈÊĜĤÎĴÔŜÛŴŶẐ"),
    ('\u{303}', "aeinouvy", "ãẽĩñõũṽỹ"),
    ('\u{303}', "AEINOUVY", "ÃẼĨÑÕŨṼỸ"),
    ('\u{304}', "aegiouy", "āēḡīōūȳ"),
    ('\u{304}', "AEGIOUY", "ĀĒḠĪŌŪȲ"),
    ('\u{306}', "aegiou", "ăĕğĭŏŭ"),
    ('\u{306}', "AEGIOU", "ĂĔĞĬŎŬ"),
    ('\u{307}', "abcdefghmnoprstwxyz", "ȧḃċḋėḟġḣṁṅȯṗṙṡṫẇẋẏż"),
    ('\u{307}', "ABCDEFGHIMNOPRSTWXYZ", "ȦḂĊḊĖḞĠḢİṀṄȮṖṘṠṪẆẊẎŻ"),
    ('\u{308}', "aehiotuwxy", "äëḧïöẗüẅẍÿ"),
    ('\u{308}', "AEHIOUWXY", "ÄËḦÏÖÜẄẌŸ"),
    ('\u{30a}', "auwy", "åůẘẙ"),
    ('\u{30a}', "AU", "ÅŮ"),
    ('\u{30b}', "ou", "őű"),
    ('\u{30b}', "OU", "ŐŰ"),
    ('\u{30c}', "acdeghijklnorstuz", "ǎčďěǧȟǐǰǩľňǒřšťǔž"),
    ('\u{30c}', "ACDEGHIKLNORSTUZ", "ǍČĎĚǦȞǏǨĽŇǑŘŠŤǓŽ"),
    ('\u{323}', "abdehiklmnorstuvwyz", "ạḅḍẹḥịḳḷṃṇọṛṣṭụṿẉỵẓ"),
    ('\u{323}', "ABDEHIKLMNORSTUVWYZ", "ẠḄḌẸḤỊḲḶṂṆỌṚṢṬỤṾẈỴẒ"),
    ('\u{327}', "cdeghklnrst", "çḑȩģḩķļņŗşţ"),
    ('\u{327}', "CDEGHKLNRST", "ÇḐȨĢḨĶĻŅŖŞŢ"),
    ('\u{328}', "aeiou", "ąęįǫų"),
    ('\u{328}', "AEIOU", "ĄĘĮǪŲ"),
    ('\u{331}', "bdhklnrtz", "ḇḏẖḵḻṉṟṯẕ"),
    ('\u{331}', "BDKLNRTZ", "ḆḎḴḺṈṞṮẔ"),
];

/// The one character that is `base` with `mark`, if Unicode has it. A dotless ı or ȷ (`\'{\i}`,
/// how LaTeX writes í) takes the mark as i or j would, since the mark replaces the dot.
fn compose(base: char, mark: char) -> Option<char> {
    let base = match base {
        'ı' if mark == '\u{307}' => return Some('i'),
        'ȷ' if mark == '\u{307}' => return Some('j'),
        'ı' => 'i',
        'ȷ' => 'j',
        c => c,
    };
    PRECOMPOSED
        .iter()
        .filter(|row| row.0 == mark)
        .find_map(|(_, bases, composed)| {
            composed.chars().nth(bases.chars().position(|b| b == base)?)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accent(name: &str, base: &str) -> Option<String> {
        Mark::of_command(name)?.apply(base)
    }

    #[test]
    fn tables_pair_each_base_with_one_letter() {
        for (mark, bases, composed) in PRECOMPOSED {
            assert_eq!(bases.chars().count(), composed.chars().count(), "{mark:?}");
        }
    }

    #[test]
    fn latin_letters_come_out_precomposed() {
        let cases = [
            ("'", "e", "é"),
            ("`", "e", "è"),
            ("^", "o", "ô"),
            ("\"", "o", "ö"),
            ("~", "n", "ñ"),
            ("c", "c", "ç"),
            ("v", "s", "š"),
            ("=", "a", "ā"),
            (".", "z", "ż"),
            ("u", "a", "ă"),
            ("H", "o", "ő"),
            ("r", "a", "å"),
            ("k", "a", "ą"),
            ("'", "ı", "í"),
            ("hat", "o", "ô"),
        ];
        for (name, base, want) in cases {
            assert_eq!(
                accent(name, base).as_deref(),
                Some(want),
                "\\{name}{{{base}}}"
            );
        }
    }

    #[test]
    fn other_letters_keep_a_combining_mark() {
        assert_eq!(accent("hat", "x").as_deref(), Some("x\u{302}"));
        assert_eq!(accent("bar", "x").as_deref(), Some("x\u{304}"));
        assert_eq!(accent("tilde", "x").as_deref(), Some("x\u{303}"));
        assert_eq!(accent("vec", "x").as_deref(), Some("x\u{20d7}"));
        assert_eq!(accent("dot", "x").as_deref(), Some("ẋ"));
        assert_eq!(accent("hat", "θ").as_deref(), Some("θ\u{302}"));
        assert_eq!(accent("vec", "ı").as_deref(), Some("ı\u{20d7}"));
        // A mark on a letter that already has one goes after it.
        assert_eq!(
            accent("bar", "x\u{302}").as_deref(),
            Some("x\u{302}\u{304}")
        );
        assert_eq!(
            accent("overline", "AB").as_deref(),
            Some("A\u{305}B\u{305}")
        );
    }

    #[test]
    fn one_letter_accents_refuse_more_or_less() {
        assert_eq!(accent("hat", "xy"), None);
        assert_eq!(accent("'", ""), None);
        assert_eq!(accent("'", " "), None);
        assert_eq!(accent("overline", ""), None);
        assert_eq!(Mark::of_command("frac"), None);
    }
}
