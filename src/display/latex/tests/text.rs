//! Text mode: outside `$…$`, and inside `\text{…}`.

use super::{as_written, check};

#[test]
fn escapes_are_unescaped_everywhere() {
    check(&[
        (
            r"5\% better \& faster, snake\_case",
            "5% better & faster, snake_case",
        ),
        (r"\#1 for \$10, \{a\}", "#1 for $10, {a}"),
        (r"$x$ costs \$5", "x costs $5"),
    ]);
}

#[test]
fn accents_become_precomposed_letters() {
    check(&[
        (r"\'e \'{e} {\'e}", "é é é"),
        (r#"\`e \^o \"o \"{o} \~n"#, "è ô ö ö ñ"),
        (r"\c{c} \v{s} \=a \.z \u{a}", "ç š ā ż ă"),
        (r"\H{o} \r{a} \k{a} \d{a} \b{b}", "ő å ą ạ ḇ"),
        (r"\c c, \v s", "ç, š"),
        (r#"\'E \"U \v{Z}"#, "É Ü Ž"),
        (r#"\i, \'{\i}, {\'\i}, na\"\i ve"#, "ı, í, í, naïve"),
        (r#"Fran\c{c}ois G\"odel {\"o}"#, "François Gödel ö"),
    ]);
}

#[test]
fn accents_without_a_precomposed_letter_keep_the_combining_mark() {
    check(&[
        (r"\v{q}", "q\u{30c}"),
        (r"\'{\o}", "ø\u{301}"),
        (r#"\"{ж}"#, "ж\u{308}"),
    ]);
}

#[test]
fn accents_with_no_plain_form_are_left_as_written() {
    as_written(&[
        r"\'{ab}",
        r"\'1",
        r"\'",
        r"x \c",
        r"\'{}",
        r"\v{\foo}",
        r"\'{e",
    ]);
    // `\~{}` and `\^{}` are LaTeX's tilde and caret.
    check(&[(r"\~{} and \^{}", "~ and ^")]);
}

#[test]
fn special_letters() {
    check(&[
        (r"Stra\ss e, \ss{}x", "Straße, ßx"),
        (r"\o \O \ae \AE \oe \OE \aa \AA \l \L", "øØæÆœŒåÅłŁ"),
        (r"{\ss}", "ß"),
    ]);
}

#[test]
fn text_styles_show_their_content() {
    check(&[
        (r"\emph{et al.}", "et al."),
        (
            r"\textbf{Bold} and \textit{it} and \texttt{tt}",
            "Bold and it and tt",
        ),
        (r"\text{a} \textrm{b} \textsc{c} \mbox{d}", "a b c d"),
        (r"\textit{\textbf{deep} er}", "deep er"),
        // Inside a style's argument braces are TeX's, as BibTeX's case guards are.
        (r"\emph{{B}ayesian}", "Bayesian"),
        // An unknown command inside keeps its argument as written.
        (r"\emph{see \cite{x}}", r"see \cite{x}"),
        (r"\ldots, \dots and \LaTeX{}", "…, … and LaTeX"),
    ]);
    as_written(&[r"\emph", r"\emph x", r"\emph{x"]);
    // A broken style is left as written, a sound one inside it still shown.
    check(&[(r"\textbf{a \emph{b}", r"\textbf{a b")]);
}

#[test]
fn unknown_commands_are_left_as_written() {
    as_written(&[
        r"\cite{x}",
        r"see \ref{fig:1}",
        r"a \\ b",
        r"\foo",
        r"\",
        r"{B}ayes",
    ]);
    // The rest of the text is still converted.
    check(&[
        (r"\cite{x} \'e", r"\cite{x} é"),
        (r"\cite{\'e}", r"\cite{é}"),
    ]);
}

#[test]
fn ties_between_words_are_spaces() {
    check(&[
        ("Android~Apps", "Android Apps"),
        ("Fig.~3, et al.~[4]", "Fig. 3, et al. [4]"),
        ("dimension~$d$, $n$~points", "dimension d, n points"),
        ("a~b~c", "a b c"),
    ]);
}

#[test]
fn tildes_that_are_not_ties_stay() {
    as_written(&[
        "https://example.org/~user",
        "https://example.org/a~b",
        "example.org/a~b and x",
        "www.x.org~y",
        "~5 ms",
        "a ~ b",
        "end~",
        "~",
        "x~~y",
    ]);
    // A URL in one token does not stop a tie in the next.
    check(&[(
        "https://x.org/~u Android~Apps",
        "https://x.org/~u Android Apps",
    )]);
}
