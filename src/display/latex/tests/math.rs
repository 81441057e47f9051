//! Math mode: the inside of `$…$` and `$$…$$`.

use super::{as_written, check};

#[test]
fn exact_math_becomes_unicode() {
    check(&[
        (r"$x^2 + y_{10}$", "x² + y₁₀"),
        (r"$\ell_2$ norm, $\epsilon$", "ℓ₂ norm, ϵ"),
        (r"$n=3 \text{ or } 5$", "n=3 or 5"),
        (r"$SU(N)$ flows", "SU(N) flows"),
        (r"$$x^2$$", "x²"),
        (r"$\mathrm{\mathrm{\mathrm{x}}}^2$", "x²"),
    ]);
}

#[test]
fn fonts_and_text_show_their_content() {
    check(&[
        (r"$\operatorname{rank}(A)$", "rank(A)"),
        (
            r"$\text{a b}$ $\textrm{c}$ $\textit{d}$ $\textbf{e}$",
            "a b c d e",
        ),
        (
            r"$\mathrm{a}\mathit{b}\mathbf{c}\mathsf{d}\mathtt{e}$",
            "abcde",
        ),
        (
            r"$\emph{x}$, $\texttt{y}$, $\textsc{z}$, $\boldsymbol{\mu}$",
            "x, y, z, μ",
        ),
        (r#"$\text{na\"\i ve}$"#, "naïve"),
    ]);
}

#[test]
fn alphabets_become_mathematical_letters() {
    check(&[
        (
            r"$\mathbb{R}$ $\mathbb{N}$ $\mathbb{Z}$ $\mathbb{Q}$ $\mathbb{C}$",
            "ℝ ℕ ℤ ℚ ℂ",
        ),
        (r"$\mathbb{E}$, $\mathbb 1$, $\mathbb{R}^{n}$", "𝔼, 𝟙, ℝⁿ"),
        (r"$\mathcal{L}$ $\mathcal{O}$ $\mathscr{H}$", "ℒ 𝒪 ℋ"),
        (r"$\mathfrak{g}$ $\mathfrak{R}$", "𝔤 ℜ"),
        // Letters of no such form keep their own.
        (r"$\mathcal{1}$ $\mathbb{\alpha}$", "1 α"),
    ]);
}

#[test]
fn accents_become_combining_marks() {
    check(&[
        (r"$\hat{o}$ $\hat{x}$ $\bar{x}$", "ô x\u{302} x\u{304}"),
        (r"$\tilde{x}$ $\vec{x}$ $\dot{x}$", "x\u{303} x\u{20d7} ẋ"),
        (r"$\hat\theta$ $\ddot{x}$ $\check{s}$", "θ\u{302} ẍ š"),
        (r"$\overline{AB}$", "A\u{305}B\u{305}"),
        (r"$\'e$ $\hat{\text{o}}$", "é ô"),
    ]);
    as_written(&[r"$\hat{xy}$", r"$\hat{}$", r"$\hat$"]);
}

#[test]
fn fractions_are_parenthesized_where_needed() {
    check(&[
        (
            r"$\frac{a}{b}$ $\frac{1}{2}$ $\frac12$ $\frac{\pi}{2}$",
            "a/b 1/2 1/2 π/2",
        ),
        (r"$\frac{a+b}{2}$ $\frac{n}{\log n}$", "(a+b)/2 n/(log n)"),
        (
            r"$\frac{(a+b)}{c}$ $\frac{\frac{a}{b}}{c}$",
            "(a+b)/c (a/b)/c",
        ),
        (r"$\frac{10.5}{x_1}$ $-\frac{1}{2}$", "10.5/x₁ -1/2"),
        // A fraction beside another atom is parenthesized whole.
        (
            r"$2\frac{1}{2}$ $\frac{1}{2}x$ $\frac{a}{b}^2$",
            "2(1/2) (1/2)x (a/b)²",
        ),
        (
            r"$\frac{1}{n}\sum_i x_i$ $\log\frac{a}{b}$",
            "(1/n)∑ᵢ xᵢ log(a/b)",
        ),
        (
            r"$\frac{a}{b} + c$ $\left(\frac{a}{b}\right)$",
            "a/b + c (a/b)",
        ),
    ]);
    as_written(&[r"$\frac{}{b}$", r"$\frac{a}$", r"$\frac{a}{b$"]);
}

#[test]
fn roots() {
    check(&[
        (r"$\sqrt{x}$ $\sqrt2$ $\sqrt{\pi x}$", "√x √2 √(πx)"),
        (r"$\sqrt{x+1}$ $\sqrt{(x+1)}$", "√(x+1) √(x+1)"),
        (r"$\sqrt{x}y$ $\sqrt{x}^3$", "√(x)y √(x)³"),
        (r"$\sqrt[3]{x}$ $\sqrt[4]{x}$ $\sqrt[n]{x}$", "∛x ∜x ⁿ√x"),
    ]);
    as_written(&[r"$\sqrt[k]{x}$", r"$\sqrt[3{x}$", r"$\sqrt{}$"]);
}

#[test]
fn symbols_and_spacing() {
    check(&[
        (r"$a \approx b$ $a\approx b$", "a ≈ b a ≈ b"),
        (
            r"$x \cdot y$ $3\times 3$ $a \pm b$ $\pm 1$",
            "x · y 3 × 3 a ± b ±1",
        ),
        (
            r"$1,\ldots,n$ $\dots$ $\cdots$ $\infty$ $-\infty$",
            "1,…,n … … ∞ -∞",
        ),
        (
            r"$a\le b$ $a\ge b$ $a\neq b$ $a \leq b$",
            "a ≤ b a ≥ b a ≠ b a ≤ b",
        ),
        (
            r"$\{x\}$ $\left( x \right)$ $\left\{ x \right.$",
            "{x} ( x ) { x",
        ),
        (
            r"$a\,b$ $a\;b$ $a\!b$ $a\quad b$ $a~b$",
            "a b a b ab a b a b",
        ),
        (r"$\alpha = 1$ $\pi x$ $\alpha \beta$", "α = 1 πx αβ"),
        (
            r"$f\colon X \to Y$ $f'(x)$ $30^\circ$ $A^\top$",
            "f: X → Y f′(x) 30° Aᵀ",
        ),
    ]);
}

#[test]
fn function_names_are_words() {
    check(&[
        (
            r"$\log n$ $\sin x$ $\exp(x)$ $\max_i$ $\min(a,b)$",
            "log n sin x exp(x) maxᵢ min(a,b)",
        ),
        (r"$\arg\max$ $n\log n$ $\log^2 n$", "arg max n log n log² n"),
        (r"$\lim_{n\to\infty} a_n$", "lim_(n → ∞) aₙ"),
    ]);
}

#[test]
fn scripts_without_unicode_forms_are_written_out() {
    check(&[
        (
            r"$N^{1/2}$ $x^{n+1}$ $2^k$ $x_{ij}$",
            "N^(1/2) xⁿ⁺¹ 2^k xᵢⱼ",
        ),
        (
            r"$x^{\alpha\beta}$ $e^{i\pi}$ $x_\alpha$",
            "x^(αβ) e^(iπ) x_α",
        ),
        (r"$x^{2.5}$ $x^{(a)}$ ${}^{3}\text{He}$", "x^2.5 x^(a) ³He"),
    ]);
}

#[test]
fn spans_with_anything_unknown_are_left_as_written() {
    as_written(&[
        r"$\binom{n}{k}$",
        r"$\begin{pmatrix} a \end{pmatrix}$",
        r"$\alpha \foo$",
        r"$x}$",
        r"$\text{\cite{x}}$",
        r"$\text{a$",
        r"$\mathrm{x$",
        r"$\left",
    ]);
    // One bad span does not spoil the next.
    check(&[(r"$\foo$ and $\alpha$", r"$\foo$ and α")]);
}

#[test]
fn dollars_that_are_money_stay() {
    as_written(&["costs $5", "costs $5 and $6 more", "$ $", "$$", "a $ b"]);
    check(&[(r"\$5 and $x$", "$5 and x"), (r"$a$$b$", "ab")]);
}
