//! Embedded tweets: `<blockquote class="twitter-tweet">…&mdash; Name (@handle) <a href="…">Date</a></blockquote>`.

use std::borrow::Cow;

use super::model::{Keep, Name, Tweet};
use super::text::{collapsed, decode_entities, push_collapsed_after, strip_forbidden};
use super::tweet_url::TweetUrl;

/// A tweet found in a region of the post, with where it starts (byte offset in the region).
pub struct Found {
    pub tweet: Tweet,
    pub offset: usize,
    /// What was missing, for a warning; the tweet is still kept.
    pub problem: Option<&'static str>,
}

/// Finds every `<blockquote>` in `region` and reads it as a tweet (with `Keep::Counts`, an empty
/// tweet, and the same problem).
pub fn find_all(region: &str, limit: usize, keep: Keep) -> (Vec<Found>, bool) {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = find_ci(&region[pos..], "<blockquote") {
        let start = pos + i;
        if out.len() == limit {
            return (out, true);
        }
        let (end, next) = match find_ci(&region[start..], "</blockquote") {
            Some(j) => (start + j, start + j + "</blockquote".len()),
            None => (region.len(), region.len()),
        };
        let mut found = parse_one(&region[start..end], keep);
        if end == region.len() && found.problem.is_none() {
            found.problem = Some("the tweet's </blockquote> is missing");
        }
        found.offset = start;
        out.push(found);
        pos = next;
    }
    (out, false)
}

fn parse_one(raw: &str, keep: Keep) -> Found {
    let open_end = tag_end(raw, 0).unwrap_or(raw.len());
    let body = &raw[open_end..];

    let (text_html, attribution, lang) = match find_ci(body, "<p") {
        Some(p) => {
            let p_open_end = tag_end(body, p).unwrap_or(body.len());
            let lang = attr(&body[p..p_open_end], "lang").unwrap_or_default();
            let close = rfind_ci(&body[p_open_end..], "</p>").map(|c| p_open_end + c);
            match close {
                Some(c) => (&body[p_open_end..c], &body[c + 4..], lang),
                None => (&body[p_open_end..], "", lang),
            }
        }
        None => ("", body, ""),
    };

    let handle_at = rfind_pair(attribution, b'(', b'@');
    let link_at = rfind_ci(attribution, "<a ");
    let problem = match (handle_at, link_at) {
        (None, _) => Some("a tweet has no \"(@handle)\" attribution"),
        (_, None) => Some("a tweet has no status link"),
        _ => None,
    };
    if keep == Keep::Counts {
        return Found {
            tweet: Tweet::default(),
            offset: 0,
            problem,
        };
    }
    let (author, handle) = match handle_at {
        Some(h) => {
            let after = &attribution[h + 2..];
            let handle_len = after.find(')').unwrap_or(0);
            let before = &attribution[..h];
            let before = match rfind_mdash(before) {
                Some(m) => &before[m + "&mdash;".len()..],
                None => before.rsplit('—').next().unwrap_or(before),
            };
            (
                Name::new(&collapsed(&decode(&strip_tags(before)))),
                Name::new(after[..handle_len].trim()),
            )
        }
        None => (Name::default(), Name::default()),
    };

    let (url, date) = match link_at {
        Some(a) => {
            let a_end = tag_end(attribution, a).unwrap_or(attribution.len());
            let href = attr(&attribution[a..a_end], "href").unwrap_or_default();
            let text_end = attribution[a_end..]
                .find('<')
                .map_or(attribution.len(), |i| a_end + i);
            let date = Name::new(&collapsed(&decode(&attribution[a_end..text_end])));
            (TweetUrl::new(strip_query(&decode(href))), date)
        }
        None => (TweetUrl::default(), Name::default()),
    };

    Found {
        tweet: Tweet {
            author,
            handle,
            url,
            date,
            lang: lang.into(),
            text: html_to_text(text_html),
        },
        offset: 0,
        problem,
    }
}

/// Byte offset of the first match of `needle` (lowercase ASCII) in `hay`, ignoring ASCII case:
/// what `hay.to_ascii_lowercase().find(needle)` gives, without copying `hay`. The search looks
/// for the needle's `q` if it has one (`blockquote`: a rare letter, where `<` starts every tag of
/// a tweet), else for its first byte.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let at = n.iter().position(|&c| c == b'q').unwrap_or(0);
    let anchor = *n.get(at)?;
    let mut from = at;
    while from + (n.len() - at) <= h.len() {
        let i = from
            + if anchor.is_ascii_alphabetic() {
                memchr::memchr2(anchor, anchor.to_ascii_uppercase(), &h[from..])?
            } else {
                memchr::memchr(anchor, &h[from..])?
            };
        let start = i - at;
        if h.get(start..start + n.len())?.eq_ignore_ascii_case(n) {
            return Some(start);
        }
        from = i + 1;
    }
    None
}

/// Byte offset of the last match of `needle` (lowercase ASCII) in `hay`, ignoring ASCII case.
fn rfind_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let mut to = h.len();
    while to > 0 {
        let i = if first.is_ascii_alphabetic() {
            memchr::memrchr2(first, first.to_ascii_uppercase(), &h[..to])?
        } else {
            memchr::memrchr(first, &h[..to])?
        };
        if h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(i);
        }
        to = i;
    }
    None
}

/// Decodes entities and drops what they may encode that must not be shown (`&#155;`, `&#8238;`),
/// before any white space is collapsed, so no double space is left where they were. (References
/// to C0 controls such as `&#27;` are left as typed by the decoder.) Borrows when nothing changes.
fn decode(s: &str) -> Cow<'_, str> {
    match decode_entities(s) {
        Cow::Borrowed(b) => strip_forbidden(b),
        Cow::Owned(o) => match strip_forbidden(&o) {
            Cow::Borrowed(_) => Cow::Owned(o),
            Cow::Owned(stripped) => Cow::Owned(stripped),
        },
    }
}

/// Byte offset of the last `a` immediately followed by `b` in `hay` (both ASCII): what
/// `hay.rfind` of the two-byte string gives, without setting up a substring search.
fn rfind_pair(hay: &str, a: u8, b: u8) -> Option<usize> {
    let h = hay.as_bytes();
    let mut to = h.len();
    while let Some(i) = memchr::memrchr(a, &h[..to]) {
        if h.get(i + 1) == Some(&b) {
            return Some(i);
        }
        to = i;
    }
    None
}

/// Byte offset of the last `&mdash;` in `hay`.
fn rfind_mdash(hay: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let mut to = h.len();
    while let Some(i) = memchr::memrchr(b'&', &h[..to]) {
        if h[i..].starts_with(b"&mdash;") {
            return Some(i);
        }
        to = i;
    }
    None
}

/// Cuts the query string and fragment off a URL.
fn strip_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url).trim()
}

/// End (exclusive) of the tag that starts at `start` (`<`), honouring quoted attribute values.
fn tag_end(s: &str, start: usize) -> Option<usize> {
    // On bytes: quotes and `>` are ASCII, and no byte of a longer character is.
    let b = s.as_bytes();
    let mut i = start;
    loop {
        let at = i + memchr::memchr3(b'"', b'\'', b'>', &b[i..])?;
        match b[at] {
            b'>' => return Some(at + 1),
            quote => i = at + 1 + memchr::memchr(quote, &b[at + 1..])? + 1,
        }
    }
}

/// The value of attribute `name` inside one tag's source.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = find_ci(&tag[from..], name) {
        let at = from + i;
        from = at + name.len();
        let preceded = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if !preceded || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(value);
    }
    None
}

/// Drops tags, keeping the text between them.
fn strip_tags(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'<', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', &s.as_bytes()[pos..]) {
        out.push_str(&s[pos..pos + i]);
        match tag_end(s, pos + i) {
            Some(e) => pos = e,
            None => {
                pos += i;
                break;
            }
        }
    }
    out.push_str(&s[pos..]);
    Cow::Owned(out)
}

/// Tweet HTML to plain text: `<br>` and paragraph breaks become newlines, links their visible
/// text, other tags vanish, entities are decoded, and blank runs inside a line are collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut flat = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', &html.as_bytes()[pos..]) {
        flat.push_str(&html[pos..pos + i]);
        let start = pos + i;
        let Some(end) = tag_end(html, start) else {
            pos = start;
            break;
        };
        let inner = html[start + 1..end].trim_start_matches('/');
        let name = &inner[..inner
            .bytes()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(inner.len())];
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if is("br") {
            flat.push('\n');
        } else if (is("p") || is("div")) && html[start + 1..].starts_with('/') {
            flat.push_str("\n\n");
        }
        pos = end;
    }
    flat.push_str(&html[pos..]);
    let decoded = decode(&flat);
    let mut out = String::with_capacity(decoded.len());
    let mut blank_run = 0;
    for raw in decoded.split('\n') {
        // A line of white space alone collapses to nothing.
        if raw.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        push_collapsed_after(&mut out, raw, if blank_run > 0 { "\n\n" } else { "\n" });
        blank_run = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">新しい論文 &amp; <a href="https://t.co/abc">https://t.co/abc</a><br><br>two  lines <a href="https://twitter.com/x?ref_src=twsrc%5Etfw">@x</a></p>&mdash; Jane O&#39;Doe (PR) (@jane_doe) <a href="https://twitter.com/jane_doe/status/123?ref_src=twsrc%5Etfw">July 1, 2020</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>"#;

    #[test]
    fn reads_every_field() {
        let (found, cut) = find_all(ONE, 10, Keep::All);
        assert!(!cut);
        assert_eq!(found.len(), 1);
        let t = &found[0].tweet;
        assert_eq!(t.author, "Jane O'Doe (PR)");
        assert_eq!(t.handle, "jane_doe");
        assert_eq!(t.url.to_string(), "https://twitter.com/jane_doe/status/123");
        assert_eq!(t.date, "July 1, 2020");
        assert_eq!(t.lang, "ja");
        assert_eq!(t.text, "新しい論文 & https://t.co/abc\n\ntwo lines @x");
        assert!(found[0].problem.is_none());
    }

    #[test]
    fn several_tweets_in_order_and_limit() {
        let two = format!("{ONE}\n\n{}", ONE.replace("jane_doe", "second"));
        let (found, cut) = find_all(&two, 10, Keep::All);
        assert_eq!(
            found
                .iter()
                .map(|f| f.tweet.handle.as_str())
                .collect::<Vec<_>>(),
            ["jane_doe", "second"]
        );
        assert!(found[1].offset > found[0].offset);
        let (found, cut2) = find_all(&two, 1, Keep::All);
        assert!(!cut && cut2 && found.len() == 1);
    }

    #[test]
    fn broken_tweets_still_give_what_they_have() {
        let (found, _) = find_all("<blockquote><p>just text", 10, Keep::All);
        assert_eq!(found[0].tweet.text, "just text");
        assert!(found[0].problem.is_some());
        let (found, _) = find_all(
            "<blockquote class=twitter-tweet><p lang=en>x</p>— A (@a) <a href=https://t/s/1>D</a></blockquote>",
            10,
            Keep::All,
        );
        assert_eq!(
            (
                found[0].tweet.author.as_str(),
                found[0].tweet.handle.as_str()
            ),
            ("A", "a")
        );
        assert_eq!(found[0].tweet.url.to_string(), "https://t/s/1");
    }

    #[test]
    fn case_insensitive_search_matches_lowercased_search() {
        let hays = [
            "",
            "<",
            "<P>x</p><p>y</P>",
            "a <A href=x>b</a> <a >c",
            "日本<BlockQuote>é</BLOCKQUOTE>",
            "lang=en LANG=ja",
            "<p>é",
            "</P>x</p",
            "<a <a",
        ];
        let needles = [
            "<p",
            "</p>",
            "<a ",
            "<blockquote",
            "</blockquote",
            "lang",
            "x",
        ];
        for h in hays {
            let lower = h.to_ascii_lowercase();
            for n in needles {
                assert_eq!(find_ci(h, n), lower.find(n), "{h:?} {n:?}");
                assert_eq!(rfind_ci(h, n), lower.rfind(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn unclosed_angle_brackets_are_text() {
        assert_eq!(html_to_text("a <b>bold</b> <unclosed"), "a bold <unclosed");
        assert_eq!(html_to_text("1 <b>2</b><br/>3"), "1 2\n3");
    }
}
