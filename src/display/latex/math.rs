//! The inside of `$…$`: shown as Unicode when every command in it has an exact Unicode form
//! (Greek letters, common operators, sub/superscripts of digits and some letters), else `None`.

/// Converts the inside of a `$…$`, or `None` if anything in it has no exact Unicode form.
pub(super) fn convert(span: &str) -> Option<String> {
    convert_math(span, 0)
}

fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ϵ",
        "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "vartheta" => "ϑ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" => "ϕ",
        "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Upsilon" => "Υ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "cap" => "∩",
        "cup" => "∪",
        "infty" => "∞",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "times" => "×",
        "cdot" => "·",
        "pm" => "±",
        "mp" => "∓",
        "approx" => "≈",
        "sim" => "∼",
        "simeq" => "≃",
        "equiv" => "≡",
        "propto" => "∝",
        "ell" => "ℓ",
        "to" | "rightarrow" => "→",
        "leftarrow" => "←",
        "Rightarrow" => "⇒",
        "leftrightarrow" => "↔",
        "in" => "∈",
        "notin" => "∉",
        "subset" => "⊂",
        "subseteq" => "⊆",
        "forall" => "∀",
        "exists" => "∃",
        "partial" => "∂",
        "nabla" => "∇",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "sqrt" => "√",
        "ldots" | "dots" | "cdots" => "…",
        "log" => "log",
        "exp" => "exp",
        "sin" => "sin",
        "cos" => "cos",
        "max" => "max",
        "min" => "min",
        "lim" => "lim",
        "det" => "det",
        "ll" => "≪",
        "gg" => "≫",
        "circ" => "∘",
        "star" => "⋆",
        "emptyset" => "∅",
        "neg" => "¬",
        "wedge" => "∧",
        "vee" => "∨",
        "oplus" => "⊕",
        "otimes" => "⊗",
        "perp" => "⊥",
        "mid" => "∣",
        "langle" => "⟨",
        "rangle" => "⟩",
        "lvert" | "rvert" => "|",
        "hbar" => "ℏ",
        "," | ";" | " " | "quad" => " ",
        "!" => "",
        "%" => "%",
        "&" => "&",
        "_" => "_",
        "#" => "#",
        "{" => "{",
        "}" => "}",
        _ => return None,
    })
}

fn superscript(c: char) -> Option<char> {
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
        '-' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'T' => 'ᵀ',
        '*' => '*',
        '\'' => '′',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
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
        '-' => '₋',
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

/// Groups nested deeper than this (`\mathrm{\mathrm{…}}`, `x^{y^{…}}`) are left as written. Each
/// level is converted by a recursive call on a copy of its group, so without a bound a post of
/// nested groups took memory and time growing with the square of its length (1 MB of
/// `\mathrm{` used over 20 GB) and could overflow the stack. Real titles nest two or three deep.
const MAX_MATH_DEPTH: usize = 8;

/// Converts the inside of `$…$`, or `None` if anything has no exact Unicode form. `depth`
/// counts the groups around `math`.
fn convert_math(math: &str, depth: usize) -> Option<String> {
    if depth > MAX_MATH_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(math.len());
    let chars: Vec<char> = math.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && chars[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j == start && j < chars.len() {
                    j += 1; // a one-character command such as `\,` or `\%`
                }
                let name: String = chars[start..j].iter().collect();
                i = j;
                match name.as_str() {
                    "mathrm" | "text" | "mathbf" | "textbf" | "mathit" | "textit"
                    | "operatorname" | "mathsf" | "texttt" | "mathtt" | "boldsymbol" | "bm" => {
                        let (group, next) = group(&chars, i)?;
                        out.push_str(&convert_math(&group, depth + 1)?);
                        i = next;
                    }
                    "left" | "right" | "big" | "Big" | "bigl" | "bigr" | "displaystyle" => {}
                    _ => out.push_str(symbol(&name)?),
                }
            }
            '^' | '_' => {
                let (group, next) = group(&chars, i + 1)?;
                let map = if c == '^' { superscript } else { subscript };
                let converted = convert_math(&group, depth + 1)?;
                for g in converted.chars() {
                    out.push(map(g)?);
                }
                i = next;
            }
            '{' | '}' => return None,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Some(out)
}

/// The argument at `i`: a `{…}` group (nesting allowed) or one character. Returns it and the
/// index after it.
fn group(chars: &[char], mut i: usize) -> Option<(String, usize)> {
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    match chars.get(i)? {
        '{' => {
            let mut depth = 0;
            for (j, &c) in chars.iter().enumerate().skip(i) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((chars[i + 1..j].iter().collect(), j + 1));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        '\\' => {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                j += 1;
            }
            Some((chars[i..j].iter().collect(), j))
        }
        &c => Some((c.to_string(), i + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::prettify;

    #[test]
    fn exact_math_becomes_unicode() {
        assert_eq!(prettify(r"the $\alpha$-divergence"), "the α-divergence");
        assert_eq!(prettify(r"$\mathrm{QAC}^0$ circuits"), "QAC⁰ circuits");
        assert_eq!(prettify(r"$x^2 + y_{10}$"), "x² + y₁₀");
        assert_eq!(prettify(r"$\ell_2$ norm, $\epsilon$"), "ℓ₂ norm, ϵ");
        assert_eq!(prettify(r"CLS = PPAD $\cap$ PLS"), "CLS = PPAD ∩ PLS");
        assert_eq!(prettify(r"$n=3 \text{ or } 5$"), "n=3 or 5");
        assert_eq!(prettify(r"$SU(N)$ flows"), "SU(N) flows");
    }

    #[test]
    fn inexact_math_is_left_as_written() {
        assert_eq!(
            prettify(r"$N^{1/2} \operatorname{polylog}(N)$"),
            r"$N^{1/2} \operatorname{polylog}(N)$"
        );
        assert_eq!(prettify(r"$\mathcal{O}(n)$"), r"$\mathcal{O}(n)$");
        assert_eq!(prettify("costs $5"), "costs $5");
        assert_eq!(prettify("plain"), "plain");
    }

    #[test]
    fn deep_nesting_is_left_as_written() {
        assert_eq!(prettify(r"$\mathrm{\mathrm{\mathrm{x}}}^2$"), "x²");
        let deep = format!("${}x{}$", r"\mathrm{".repeat(20), "}".repeat(20));
        assert_eq!(prettify(&deep), deep);
    }
}
