//! What each math command is: a symbol with its Unicode form, a function name, or a command
//! that takes arguments. One table, so the converter and its look-ahead (does the next command
//! start a new atom?) cannot disagree.

use super::accent::Mark;
use super::chars::Alphabet;

/// TeX's classes of math atoms, as far as they decide the spacing in plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// Letters, digits, `∞`, `…`: no space added.
    Ord,
    /// `×`, `·`, `∪`: spaced on both sides, unless unary (`-x`, `(±1)`).
    Bin,
    /// `≤`, `→`, `∈`: always spaced on both sides.
    Rel,
    /// `∑`, `∫` and function names: a space between them and a following letter.
    Op,
    Open,
    Close,
    /// `\colon`: a space after.
    Punct,
}

/// What a command name does in math.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Symbol(&'static str, Class),
    /// `\log`, `\max`: the name itself, as an operator.
    Function,
    /// `\mathrm{…}`, `\mathbf{…}`: the argument, in math, font dropped.
    Font,
    /// `\text{…}`, `\emph{…}`: the argument, in text mode.
    Text,
    /// `\operatorname{…}`: the argument, as a function name.
    OperatorName,
    /// `\mathbb{…}` and friends: the argument in a Unicode mathematical alphabet.
    Letters(Alphabet),
    Frac,
    Sqrt,
    /// `\hat{x}`, `\'e`: a combining mark on one letter, or on each letter (`\overline`).
    Accent(Mark),
    /// `\left`, `\bigl`: the delimiter after it is shown alone (`\left.` shows nothing).
    Delimiter,
    /// `\displaystyle`, `\limits`, `\!`: nothing to show.
    Nothing,
    /// `\,`, `\quad`: a space.
    Space,
}

/// The kind of the command `name` (without its backslash), or `None` for one this module does
/// not know: then the whole `$…$` is shown as written.
pub(super) fn kind(name: &str) -> Option<Kind> {
    use Kind::*;
    Some(match name {
        "mathrm" | "mathit" | "mathbf" | "mathsf" | "mathtt" | "mathnormal" | "boldsymbol"
        | "bm" | "mathup" => Font,
        "text" | "textrm" | "textit" | "textbf" | "textsf" | "texttt" | "textup" | "textnormal"
        | "textmd" | "textsc" | "textsl" | "emph" | "mbox" => Text,
        "operatorname" => OperatorName,
        "mathbb" | "mathds" | "mathbbm" | "Bbb" => Letters(Alphabet::DoubleStruck),
        "mathcal" | "mathscr" => Letters(Alphabet::Script),
        "mathfrak" => Letters(Alphabet::Fraktur),
        "frac" | "dfrac" | "tfrac" | "cfrac" => Frac,
        "sqrt" => Sqrt,
        "left" | "right" | "middle" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr"
        | "Bigl" | "Bigr" | "biggl" | "biggr" | "Biggl" | "Biggr" => Delimiter,
        "displaystyle" | "textstyle" | "scriptstyle" | "scriptscriptstyle" | "limits"
        | "nolimits" | "!" => Nothing,
        "," | ";" | ":" | ">" | " " | "quad" | "qquad" => Space,
        "log" | "exp" | "sin" | "cos" | "tan" | "cot" | "sec" | "csc" | "sinh" | "cosh"
        | "tanh" | "coth" | "arcsin" | "arccos" | "arctan" | "arg" | "deg" | "det" | "dim"
        | "gcd" | "hom" | "inf" | "ker" | "lg" | "lim" | "liminf" | "limsup" | "ln" | "max"
        | "min" | "Pr" | "sup" => Function,
        _ => {
            if let Some(mark) = Mark::of_command(name) {
                return Some(Accent(mark));
            }
            let (s, class) = symbol(name)?;
            Symbol(s, class)
        }
    })
}

fn symbol(name: &str) -> Option<(&'static str, Class)> {
    use Class::*;
    Some(match name {
        "alpha" => ("α", Ord),
        "beta" => ("β", Ord),
        "gamma" => ("γ", Ord),
        "delta" => ("δ", Ord),
        "epsilon" => ("ϵ", Ord),
        "varepsilon" => ("ε", Ord),
        "zeta" => ("ζ", Ord),
        "eta" => ("η", Ord),
        "theta" => ("θ", Ord),
        "vartheta" => ("ϑ", Ord),
        "iota" => ("ι", Ord),
        "kappa" => ("κ", Ord),
        "varkappa" => ("ϰ", Ord),
        "lambda" => ("λ", Ord),
        "mu" => ("μ", Ord),
        "nu" => ("ν", Ord),
        "xi" => ("ξ", Ord),
        "omicron" => ("ο", Ord),
        "pi" => ("π", Ord),
        "varpi" => ("ϖ", Ord),
        "rho" => ("ρ", Ord),
        "varrho" => ("ϱ", Ord),
        "sigma" => ("σ", Ord),
        "varsigma" => ("ς", Ord),
        "tau" => ("τ", Ord),
        "upsilon" => ("υ", Ord),
        "phi" => ("ϕ", Ord),
        "varphi" => ("φ", Ord),
        "chi" => ("χ", Ord),
        "psi" => ("ψ", Ord),
        "omega" => ("ω", Ord),
        "Gamma" => ("Γ", Ord),
        "Delta" => ("Δ", Ord),
        "Theta" => ("Θ", Ord),
        "Lambda" => ("Λ", Ord),
        "Xi" => ("Ξ", Ord),
        "Pi" => ("Π", Ord),
        "Sigma" => ("Σ", Ord),
        "Upsilon" => ("Υ", Ord),
        "Phi" => ("Φ", Ord),
        "Psi" => ("Ψ", Ord),
        "Omega" => ("Ω", Ord),
        "i" | "imath" => ("ı", Ord),
        "j" | "jmath" => ("ȷ", Ord),
        "ell" => ("ℓ", Ord),
        "hbar" => ("ℏ", Ord),
        "aleph" => ("ℵ", Ord),
        "Re" => ("ℜ", Ord),
        "Im" => ("ℑ", Ord),
        "wp" => ("℘", Ord),
        "infty" => ("∞", Ord),
        "partial" => ("∂", Ord),
        "nabla" => ("∇", Ord),
        "emptyset" | "varnothing" => ("∅", Ord),
        "forall" => ("∀", Ord),
        "exists" => ("∃", Ord),
        "nexists" => ("∄", Ord),
        "neg" | "lnot" => ("¬", Ord),
        "prime" => ("′", Ord),
        "angle" => ("∠", Ord),
        "triangle" => ("△", Ord),
        "top" => ("⊤", Ord),
        "bot" => ("⊥", Ord),
        "surd" => ("√", Ord),
        "ldots" | "dots" | "cdots" => ("…", Ord),
        "vdots" => ("⋮", Ord),
        "ddots" => ("⋱", Ord),
        "vert" => ("|", Ord),
        "|" | "Vert" => ("‖", Ord),
        "%" => ("%", Ord),
        "&" => ("&", Ord),
        "_" => ("_", Ord),
        "#" => ("#", Ord),
        "$" => ("$", Ord),
        "{" | "lbrace" => ("{", Open),
        "}" | "rbrace" => ("}", Close),
        "langle" => ("⟨", Open),
        "rangle" => ("⟩", Close),
        "lceil" => ("⌈", Open),
        "rceil" => ("⌉", Close),
        "lfloor" => ("⌊", Open),
        "rfloor" => ("⌋", Close),
        "lvert" => ("|", Open),
        "rvert" => ("|", Close),
        "lVert" => ("‖", Open),
        "rVert" => ("‖", Close),
        "colon" => (":", Punct),
        "times" => ("×", Bin),
        "cdot" => ("·", Bin),
        "pm" => ("±", Bin),
        "mp" => ("∓", Bin),
        "div" => ("÷", Bin),
        "ast" => ("∗", Bin),
        "star" => ("⋆", Bin),
        "circ" => ("∘", Bin),
        "bullet" => ("•", Bin),
        "cap" => ("∩", Bin),
        "cup" => ("∪", Bin),
        "sqcap" => ("⊓", Bin),
        "sqcup" => ("⊔", Bin),
        "uplus" => ("⊎", Bin),
        "setminus" => ("∖", Bin),
        "wedge" | "land" => ("∧", Bin),
        "vee" | "lor" => ("∨", Bin),
        "oplus" => ("⊕", Bin),
        "ominus" => ("⊖", Bin),
        "otimes" => ("⊗", Bin),
        "oslash" => ("⊘", Bin),
        "odot" => ("⊙", Bin),
        "dagger" => ("†", Bin),
        "ddagger" => ("‡", Bin),
        "leq" | "le" => ("≤", Rel),
        "geq" | "ge" => ("≥", Rel),
        "leqslant" => ("⩽", Rel),
        "geqslant" => ("⩾", Rel),
        "nleq" => ("≰", Rel),
        "ngeq" => ("≱", Rel),
        "neq" | "ne" => ("≠", Rel),
        "approx" => ("≈", Rel),
        "sim" => ("∼", Rel),
        "simeq" => ("≃", Rel),
        "cong" => ("≅", Rel),
        "asymp" => ("≍", Rel),
        "equiv" => ("≡", Rel),
        "doteq" => ("≐", Rel),
        "triangleq" => ("≜", Rel),
        "propto" => ("∝", Rel),
        "lesssim" => ("≲", Rel),
        "gtrsim" => ("≳", Rel),
        "ll" => ("≪", Rel),
        "gg" => ("≫", Rel),
        "prec" => ("≺", Rel),
        "succ" => ("≻", Rel),
        "preceq" => ("⪯", Rel),
        "succeq" => ("⪰", Rel),
        "to" | "rightarrow" => ("→", Rel),
        "leftarrow" | "gets" => ("←", Rel),
        "leftrightarrow" => ("↔", Rel),
        "Rightarrow" => ("⇒", Rel),
        "Leftarrow" => ("⇐", Rel),
        "Leftrightarrow" => ("⇔", Rel),
        "longrightarrow" => ("⟶", Rel),
        "longleftarrow" => ("⟵", Rel),
        "implies" | "Longrightarrow" => ("⟹", Rel),
        "impliedby" | "Longleftarrow" => ("⟸", Rel),
        "iff" | "Longleftrightarrow" => ("⟺", Rel),
        "mapsto" => ("↦", Rel),
        "hookrightarrow" => ("↪", Rel),
        "uparrow" => ("↑", Rel),
        "downarrow" => ("↓", Rel),
        "in" => ("∈", Rel),
        "notin" => ("∉", Rel),
        "ni" => ("∋", Rel),
        "subset" => ("⊂", Rel),
        "subseteq" => ("⊆", Rel),
        "supset" => ("⊃", Rel),
        "supseteq" => ("⊇", Rel),
        "perp" => ("⊥", Rel),
        "mid" => ("∣", Rel),
        "nmid" => ("∤", Rel),
        "parallel" => ("∥", Rel),
        "models" => ("⊨", Rel),
        "vdash" => ("⊢", Rel),
        "dashv" => ("⊣", Rel),
        "sum" => ("∑", Op),
        "prod" => ("∏", Op),
        "coprod" => ("∐", Op),
        "int" => ("∫", Op),
        "iint" => ("∬", Op),
        "iiint" => ("∭", Op),
        "oint" => ("∮", Op),
        "bigcup" => ("⋃", Op),
        "bigcap" => ("⋂", Op),
        "bigvee" => ("⋁", Op),
        "bigwedge" => ("⋀", Op),
        "bigoplus" => ("⨁", Op),
        "bigotimes" => ("⨂", Op),
        _ => return None,
    })
}
