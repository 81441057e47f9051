use super::*;

fn t(field: Field, needle: &str) -> Node {
    Node::Term(Term {
        field,
        needle: needle.into(),
        infix: false,
    })
}

fn any(needle: &str) -> Node {
    t(Field::Any, needle)
}

fn not(n: Node) -> Node {
    Node::Not(Box::new(n))
}

fn root(q: &str) -> Node {
    parse(q).unwrap_or_else(|e| panic!("{q}: {e}")).root
}

/// The message and position of the error `q` gives.
fn err(q: &str) -> (String, usize) {
    let e = parse(q).expect_err(q);
    (e.message, e.at)
}

#[test]
fn words_phrases_fields_and_negation() {
    assert_eq!(
        root(r#"Transformer  "Neural   Radiance" au:"Yang Song" -cat:cs.CV ti:GAN -survey"#),
        Node::And(vec![
            any("transformer"),
            any("neural radiance"),
            t(Field::Authors, "yang song"),
            not(t(Field::Category, "cs cv")),
            t(Field::Title, "gan"),
            not(any("survey")),
        ])
    );
    assert_eq!(parse("   ").unwrap(), Query::default());
    assert!(parse("   ").unwrap().is_empty());
    assert_eq!(root("ID:2006.15"), t(Field::Id, "2006 15"));
    assert_eq!(root("日本語"), any("日 本 語"));
    assert_eq!(root("12:30"), any("12 30"));
    assert_eq!(root("--x"), not(any("x")), "a word may start with -");
    assert_eq!(root("or"), any("or"), "only capitals are the operator");
    assert_eq!(root("\"OR\" -OR ti:OR"), {
        Node::And(vec![any("or"), not(any("or")), t(Field::Title, "or")])
    });
    assert_eq!(root("ORacle"), any("oracle"));
}

#[test]
fn or_binds_looser_than_and() {
    assert_eq!(
        root(r#"nerf OR "radiance field""#),
        Node::Or(vec![any("nerf"), any("radiance field")])
    );
    assert_eq!(
        root("a b OR c OR d e"),
        Node::Or(vec![
            Node::And(vec![any("a"), any("b")]),
            any("c"),
            Node::And(vec![any("d"), any("e")]),
        ])
    );
}

#[test]
fn groups_nest_and_can_be_excluded() {
    assert_eq!(
        root("(gan OR diffusion) -cat:cs.CV"),
        Node::And(vec![
            Node::Or(vec![any("gan"), any("diffusion")]),
            not(t(Field::Category, "cs cv")),
        ])
    );
    assert_eq!(
        root("x ((a OR b) c OR d)"),
        Node::And(vec![
            any("x"),
            Node::Or(vec![
                Node::And(vec![Node::Or(vec![any("a"), any("b")]), any("c")]),
                any("d"),
            ]),
        ])
    );
    assert_eq!(
        root("survey -(gan OR ti:diffusion)"),
        Node::And(vec![
            any("survey"),
            not(Node::Or(vec![any("gan"), t(Field::Title, "diffusion")])),
        ])
    );
    assert_eq!(root("(a)"), any("a"), "a group of one is its content");
    assert_eq!(
        root("(a)OR(b)"),
        Node::Or(vec![any("a"), any("b")]),
        "parentheses end words and OR"
    );
    assert_eq!(root("(\"a)\" b)"), Node::And(vec![any("a"), any("b")]));
    // A word's own parentheses belong to it.
    assert_eq!(root("f(x)"), any("f x"));
    assert_eq!(root("(f(x) OR y)"), Node::Or(vec![any("f x"), any("y")]));
    let q = parse("a -(b OR -c) OR d").unwrap();
    let shown: Vec<&str> = q.highlights().map(|t| t.needle.as_str()).collect();
    assert_eq!(shown, ["a", "c", "d"], "c is excluded twice over");
}

#[test]
fn handles_are_tweeters() {
    assert_eq!(root("@KipfTom"), t(Field::Tweeter, "kipftom"));
    assert_eq!(root("by:ann_1"), t(Field::Tweeter, "ann_1"));
    assert_eq!(root("BY:@Ann"), t(Field::Tweeter, "ann"));
    assert_eq!(root("-@ann"), not(t(Field::Tweeter, "ann")));
    assert_eq!(
        root("(@a OR by:b)"),
        Node::Or(vec![t(Field::Tweeter, "a"), t(Field::Tweeter, "b")])
    );
    assert_eq!(
        root("tw:@ann"),
        t(Field::Tweet, "ann"),
        "tw: searches text, where @ separates words"
    );
    assert_eq!(root("\"@ann,\""), any("ann"));
    assert_eq!(root("a@b.org"), any("a b org"));
}

#[test]
fn pasted_ids_and_links_are_papers() {
    for q in [
        "2201.04182",
        "2201.04182v2",
        "arXiv:2201.04182",
        "ARXIV:2201.04182v3",
        "https://arxiv.org/abs/2201.04182v2",
        "http://arxiv.org/pdf/2201.04182.pdf",
        "www.arxiv.org/abs/2201.04182",
        "arxiv.org/abs/2201.04182",
        "id:2201.04182v1",
        "id:https://arxiv.org/abs/2201.04182",
    ] {
        assert_eq!(root(q), t(Field::Paper, "2201.04182"), "{q}");
    }
    assert_eq!(root("hep-th/9901001"), t(Field::Paper, "hep-th/9901001"));
    assert_eq!(root("math.GT/0309136v1"), t(Field::Paper, "math/0309136"));
    assert_eq!(
        root("(2201.04182 OR arxiv.org/abs/2006.15055) -2201.00001v1"),
        Node::And(vec![
            Node::Or(vec![
                t(Field::Paper, "2201.04182"),
                t(Field::Paper, "2006.15055")
            ]),
            not(t(Field::Paper, "2201.00001")),
        ])
    );
    // Not whole ids: words, as in any text.
    assert_eq!(root("id:2012.0"), t(Field::Id, "2012 0"));
    assert_eq!(root("2201.0418"), any("2201 0418"));
    assert_eq!(root("\"2201.04182\""), any("2201 04182"));
}

#[test]
fn malformed_queries_are_explained() {
    assert_eq!(err(r#"ti:"open"#), ("the quote is never closed".into(), 3));
    assert!(err("foo:bar").0.contains("unknown field `foo:`"));
    assert!(err("foo:bar").0.contains("by:"));
    assert!(err("ti: x").0.contains("needs a word"));
    assert!(err("a - b").0.contains("lone `-`"));
    assert!(err(r#""""#).0.contains("empty phrase"));
    assert!(err(r#"ab"cd""#).0.contains("quote inside a word"));
    assert_eq!(err("x ti:").1, 2);
}

#[test]
fn malformed_groups_and_ors_are_explained_where_they_are() {
    let cases: [(&str, &str, usize); 16] = [
        ("(a OR b", "`(` is never closed", 0),
        ("x (a (b) c", "`(` is never closed", 2),
        ("a b)", "closes no `(`", 3),
        ("(a)) b", "closes no `(`", 3),
        (")", "closes no `(`", 0),
        ("OR a", "`OR` needs something before it", 0),
        ("(OR a)", "`OR` needs something before it", 1),
        ("a OR", "`OR` needs something after it", 2),
        ("(a OR ) b", "`OR` needs something after it", 3),
        ("a OR OR b", "`OR OR`", 5),
        ("a ()", "empty `( )`", 2),
        ("x -(  )", "empty `( )`", 3),
        ("a -)", "lone `-`", 2),
        ("ti:(a OR b)", "write (ti:a OR ti:b)", 0),
        ("x @", "a handle is", 2),
        ("by:ann!", "a handle is", 3),
    ];
    for (q, message, at) in cases {
        let (m, a) = err(q);
        assert!(m.contains(message), "{q}: {m}");
        assert_eq!(a, at, "{q}: {m}");
    }
    assert!(err("ti:)").0.contains("needs a word"));
    // Positions count characters, not bytes.
    assert_eq!(err("日本 OR").1, 3);
}

#[test]
fn command_line_words_are_requoted() {
    let args: Vec<String> = ["au:Yang Song", "diffusion", "-neural radiance", "\"kept\""]
        .map(String::from)
        .to_vec();
    assert_eq!(
        join_args(&args),
        r#"au:"Yang Song" diffusion -"neural radiance" "kept""#
    );
    assert_eq!(parse(&join_args(&args)).unwrap().root.terms().len(), 4);
    // Found by fuzzing: a blank argument ("\n") became the empty phrase `"\n"`.
    let blank: Vec<String> = ["\n", "x", " "].map(String::from).to_vec();
    assert_eq!(join_args(&blank), "x");
    // A whole query in one argument stays one.
    let whole: Vec<String> = ["(gan OR diffusion)", "nerf OR nerfs", "-cat:cs.CV"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        join_args(&whole),
        "(gan OR diffusion) nerf OR nerfs -cat:cs.CV"
    );
}

#[test]
fn a_leading_star_matches_inside_words_and_symbols_alone_are_explained() {
    let infix = |field, needle: &str| {
        Node::Term(Term {
            field,
            needle: needle.into(),
            infix: true,
        })
    };
    assert_eq!(root("*former"), infix(Field::Any, "former"));
    assert_eq!(root("ti:*GAN"), infix(Field::Title, "gan"));
    assert_eq!(root("\"*former block\""), infix(Field::Any, "former block"));
    assert_eq!(
        root("transform*"),
        any("transform"),
        "a trailing star is the default"
    );
    assert_eq!(
        root("Fr\\'echet"),
        any("fr echet"),
        "the source's LaTeX is words too"
    );
    assert_eq!(root("Fréchet"), any("frechet"));
    assert_eq!(
        err("a *"),
        ("`*` has no letter or digit to search for".into(), 2)
    );
    assert_eq!(
        err("ti:--"),
        ("`--` has no letter or digit to search for".into(), 3)
    );
    assert_eq!(
        err("\"  \""),
        ("an empty phrase matches everything: remove it".into(), 0)
    );
}

#[test]
fn has_asks_for_what_a_paper_has() {
    assert_eq!(root("has:code"), t(Field::Has, "code"));
    assert_eq!(root("HAS:Code"), t(Field::Has, "code"));
    assert_eq!(
        root("gan -has:code"),
        Node::And(vec![any("gan"), not(t(Field::Has, "code"))])
    );
    assert_eq!(err("has:video"), ("`has:` takes code".to_string(), 4));
    assert!(!parse("has:code").unwrap().has_words());
}
