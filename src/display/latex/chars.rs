//! Unicode's forms of single characters: superscripts, subscripts and the mathematical
//! alphabets of `\mathbb`, `\mathcal` and `\mathfrak`.

/// A mathematical alphabet of Unicode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Alphabet {
    /// `\mathbb`: 𝔸𝔹ℂ…, 𝕒𝕓𝕔…, 𝟘𝟙𝟚….
    DoubleStruck,
    /// `\mathcal` and `\mathscr`: the (non-bold) Mathematical Script letters 𝒜ℬ𝒞…, 𝒶𝒷𝒸….
    /// Unicode leaves holes in that block where a Letterlike Symbol already was (ℬ ℰ ℱ ℋ ℐ ℒ
    /// ℳ ℛ, ℯ ℊ ℴ), and those letters are the script letters, so the table uses them. Bold
    /// script (𝓛) is the other common choice; plain script is what `\mathcal` prints.
    Script,
    /// `\mathfrak`: 𝔄𝔅ℭ…, 𝔞𝔟𝔠….
    Fraktur,
}

// The alphabets in the order of A–Z, a–z and 0–9 (Unicode facts, from the code charts).
const DOUBLE_STRUCK_UPPER: &str = "𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁𝕂𝕃𝕄ℕ𝕆ℙℚℝ𝕊𝕋𝕌𝕍𝕎𝕏𝕐ℤ";
const DOUBLE_STRUCK_LOWER: &str = "𝕒𝕓𝕔𝕕𝕖𝕗𝕘𝕙𝕚𝕛𝕜𝕝𝕞𝕟𝕠𝕡𝕢𝕣𝕤𝕥𝕦𝕧𝕨𝕩𝕪𝕫";
const DOUBLE_STRUCK_DIGITS: &str = "𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡";
const SCRIPT_UPPER: &str = "𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵";
const SCRIPT_LOWER: &str = "𝒶𝒷𝒸𝒹ℯ𝒻ℊ𝒽𝒾𝒿𝓀𝓁𝓂𝓃ℴ𝓅𝓆𝓇𝓈𝓉𝓊𝓋𝓌𝓍𝓎𝓏";
const FRAKTUR_UPPER: &str = "𝔄𝔅ℭ𝔇𝔈𝔉𝔊ℌℑ𝔍𝔎𝔏𝔐𝔑𝔒𝔓𝔔ℜ𝔖𝔗𝔘𝔙𝔚𝔛𝔜ℨ";
const FRAKTUR_LOWER: &str = "𝔞𝔟𝔠𝔡𝔢𝔣𝔤𝔥𝔦𝔧𝔨𝔩𝔪𝔫𝔬𝔭𝔮𝔯𝔰𝔱𝔲𝔳𝔴𝔵𝔶𝔷";

impl Alphabet {
    /// `c` in this alphabet, or `c` itself when the alphabet has no form of it (script digits,
    /// punctuation, Greek): the letter is still right, only its style is lost.
    pub(super) fn letter(self, c: char) -> char {
        let (table, first) = match (self, c) {
            (Self::DoubleStruck, 'A'..='Z') => (DOUBLE_STRUCK_UPPER, 'A'),
            (Self::DoubleStruck, 'a'..='z') => (DOUBLE_STRUCK_LOWER, 'a'),
            (Self::DoubleStruck, '0'..='9') => (DOUBLE_STRUCK_DIGITS, '0'),
            (Self::Script, 'A'..='Z') => (SCRIPT_UPPER, 'A'),
            (Self::Script, 'a'..='z') => (SCRIPT_LOWER, 'a'),
            (Self::Fraktur, 'A'..='Z') => (FRAKTUR_UPPER, 'A'),
            (Self::Fraktur, 'a'..='z') => (FRAKTUR_LOWER, 'a'),
            _ => return c,
        };
        let k = c as usize - first as usize;
        table.chars().nth(k).unwrap_or(c)
    }
}

/// The superscript form of `c`. Only characters with a real superscript form: a solidus has
/// none (U+141F, a Canadian syllabic, only looks like one), so `N^{1/2}` is shown `N^(1/2)`.
pub(super) fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'T' | '⊤' => 'ᵀ',
        '*' | '∗' => '*',
        '\'' | '′' => '′',
        '″' => '″',
        '†' => '†',
        '‡' => '‡',
        // `30^\circ` is how LaTeX writes degrees.
        '∘' => '°',
        _ => return None,
    })
}

pub(super) fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'o' => 'ₒ',
        'x' => 'ₓ',
        'h' => 'ₕ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'p' => 'ₚ',
        's' => 'ₛ',
        't' => 'ₜ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'r' => 'ᵣ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabets_have_every_letter_and_keep_the_rest() {
        for table in [
            DOUBLE_STRUCK_UPPER,
            DOUBLE_STRUCK_LOWER,
            SCRIPT_UPPER,
            SCRIPT_LOWER,
            FRAKTUR_UPPER,
            FRAKTUR_LOWER,
        ] {
            assert_eq!(table.chars().count(), 26, "{table}");
        }
        assert_eq!(DOUBLE_STRUCK_DIGITS.chars().count(), 10);
        let bb = |s: &str| -> String {
            s.chars()
                .map(|c| Alphabet::DoubleStruck.letter(c))
                .collect()
        };
        assert_eq!(bb("RNZQCE1"), "ℝℕℤℚℂ𝔼𝟙");
        assert_eq!(Alphabet::Script.letter('L'), 'ℒ');
        assert_eq!(Alphabet::Script.letter('O'), '𝒪');
        assert_eq!(Alphabet::Script.letter('1'), '1');
        assert_eq!(Alphabet::Fraktur.letter('g'), '𝔤');
        assert_eq!(Alphabet::Fraktur.letter('α'), 'α');
    }

    #[test]
    fn mathematical_letters_are_one_column_wide() {
        for c in "𝔸ℝ𝕒𝟘𝒪ℒ𝓏𝔄ℨ𝔷".chars() {
            assert_eq!(crate::display::width::width(&c.to_string()), 1, "{c}");
        }
    }
}
