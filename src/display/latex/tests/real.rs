//! Titles and abstracts as they stand in the archives, which were shown raw before.

use super::check;

#[test]
fn real_titles_read_as_typeset() {
    check(&[
        (
            r"$\operatorname{bessel0}(x)\approx \frac{\sin(x)+\cos(x)}{\sqrt{\pi x}}$",
            "bessel0(x) ≈ (sin(x)+cos(x))/√(πx)",
        ),
        (
            r"Breaking the $N^{1/2} \operatorname{polylog}(N)$ Barrier",
            "Breaking the N^(1/2) polylog(N) Barrier",
        ),
        (r"It$\hat{\text{o}}$TTS", "ItôTTS"),
        ("Android~Apps", "Android Apps"),
        (r"Fr\'echet", "Fréchet"),
        (r"$\mathbb{R}^n$", "ℝⁿ"),
        (r"$\mathcal{O}(n \log n)$", "𝒪(n log n)"),
    ]);
}

#[test]
fn real_abstract_phrases() {
    check(&[
        (r"the $\alpha$-divergence", "the α-divergence"),
        (r"$\mathrm{QAC}^0$ circuits", "QAC⁰ circuits"),
        (r"CLS = PPAD $\cap$ PLS", "CLS = PPAD ∩ PLS"),
        (
            r"an $\epsilon$-net of size $O(\epsilon^{-2}\log n)$",
            "an ϵ-net of size O(ϵ⁻² log n)",
        ),
        (r"for all $x \in \mathbb{R}^d$", "for all x ∈ ℝ^d"),
        (r"Erd\H{o}s--R\'enyi graphs", "Erdős--Rényi graphs"),
        (
            r#"G\"{o}del's theorem, Poincar\'e's"#,
            "Gödel's theorem, Poincaré's",
        ),
        (r"$\ell_p$ sampling, $\mathbb{E}[X]$", "ℓₚ sampling, 𝔼[X]"),
        (r"in $\tilde{O}(n^{2})$ time", "in Õ(n²) time"),
        (
            r"$k$-means in Fig.~3 and Sec.~2",
            "k-means in Fig. 3 and Sec. 2",
        ),
        (
            r"$\sum_{i=1}^n x_i \le \frac{n}{2}$ for $n \to \infty$",
            "∑ᵢ₌₁ⁿ xᵢ ≤ n/2 for n → ∞",
        ),
    ]);
}
