//! The posts of a cache: each one's path, stamp, content hash, day and diagnostics, with each
//! distinct `PaperInfo` written once and pointed at by number, so that reading them back gives
//! shared infos again (see `archive::InfoPool`). Paths are kept relative to the archive's
//! folder, so that the same folder named another way (`./arch`, `/home/me/arch`) reads back
//! with the paths of this run.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike, NaiveDate};

use crate::archive::{
    Day, Diagnostic, Kept, Name, PageLink, Paper, PaperInfo, PaperKey, Severity, Stamp, Texts,
    Tweet,
};
use crate::codec::{In, Malformed, Out};
use crate::sections::{SectionsIn, SectionsOut};

/// The posts of a Reloader, as read back.
pub type Posts = Vec<(PathBuf, Kept)>;

/// The days of an archive, as shared with the posts.
pub type Days = Vec<Arc<Day>>;

fn path(out: &mut Out, root: &Path, p: &Path) {
    match p.strip_prefix(root) {
        Ok(rel) => {
            out.u8(0);
            out.bytes(rel.as_os_str().as_encoded_bytes());
        }
        Err(_) => {
            out.u8(1);
            out.bytes(p.as_os_str().as_encoded_bytes());
        }
    }
}

fn read_path(inp: &mut In, root: &Path) -> Result<PathBuf, Malformed> {
    let absolute = inp.bool()?;
    let bytes = inp.bytes()?;
    #[cfg(unix)]
    let p = PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes));
    #[cfg(not(unix))]
    let p = PathBuf::from(std::str::from_utf8(bytes).map_err(|_| Malformed)?);
    Ok(if absolute { p } else { root.join(p) })
}

fn time(out: &mut Out, t: SystemTime) {
    let (before, d) = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (false, d),
        Err(e) => (true, e.duration()),
    };
    out.bool(before);
    out.varint(d.as_secs());
    out.varint(u64::from(d.subsec_nanos()));
}

fn read_time(inp: &mut In) -> Result<SystemTime, Malformed> {
    let before = inp.bool()?;
    let secs = inp.varint()?;
    let nanos = inp.u32()?;
    if nanos >= 1_000_000_000 {
        return Err(Malformed);
    }
    let d = Duration::new(secs, nanos);
    if before {
        UNIX_EPOCH.checked_sub(d)
    } else {
        UNIX_EPOCH.checked_add(d)
    }
    .ok_or(Malformed)
}

fn stamp(out: &mut Out, s: &Stamp) {
    out.varint(s.len);
    out.bool(s.modified.is_some());
    if let Some(t) = s.modified {
        time(out, t);
    }
    #[cfg(unix)]
    {
        out.varint(s.inode.0);
        out.varint(s.inode.1);
        out.signed(s.inode.2);
        out.signed(s.inode.3);
    }
}

fn read_stamp(inp: &mut In) -> Result<Stamp, Malformed> {
    Ok(Stamp {
        len: inp.varint()?,
        modified: if inp.bool()? {
            Some(read_time(inp)?)
        } else {
            None
        },
        #[cfg(unix)]
        inode: (inp.varint()?, inp.varint()?, inp.signed()?, inp.signed()?),
    })
}

fn info(out: &mut Out, i: &PaperInfo) {
    out.str(&i.title);
    out.strs(&i.authors);
    out.opt_str(i.arxiv_id.as_deref());
    link(out, &i.abs);
    link(out, &i.pdf);
    out.strs(&i.categories);
    // Not the abstract and tweets' texts, only their hash: they are most of a post's bytes,
    // and whoever needs them reads them from the post (see `archive::texts`), which the
    // cache would only repeat.
    out.varint(i.text_hash());
    out.usize(i.tweets.len());
    for t in &i.tweets {
        for s in [&*t.author, &*t.handle, &t.url.as_str(), &*t.date, &*t.lang] {
            out.str(s);
        }
        // A tweet without a link is told apart by its text (see `archive::kept_text`).
        if t.url.is_empty() {
            out.str(&t.text);
        }
    }
    out.str(i.key.as_str());
}

/// A link as a tag (none, arXiv's page of the id, as given) and what it was given as.
fn link(out: &mut Out, link: &PageLink) {
    match link {
        PageLink::None => out.u8(0),
        PageLink::Arxiv => out.u8(1),
        PageLink::Given(url) => {
            out.u8(2);
            out.str(url);
        }
    }
}

fn read_link(inp: &mut In) -> Result<PageLink, Malformed> {
    Ok(match inp.u8()? {
        0 => PageLink::None,
        1 => PageLink::Arxiv,
        2 => PageLink::given(Some(inp.str()?)),
        _ => return Err(Malformed),
    })
}

/// Names as `Out::strs` wrote them.
fn names(inp: &mut In) -> Result<Vec<Name>, Malformed> {
    let n = inp.count(1)?;
    (0..n).map(|_| inp.str().map(Name::new)).collect()
}

fn read_info(inp: &mut In) -> Result<PaperInfo, Malformed> {
    let title = inp.string()?;
    let authors = names(inp)?;
    let arxiv_id = inp.opt_string()?.map(Arc::<str>::from);
    let abs = read_link(inp)?;
    let pdf = read_link(inp)?;
    let categories = names(inp)?;
    let texts = Texts::InFile(inp.varint()?);
    let n = inp.count(5)?;
    let mut tweets = Vec::with_capacity(n);
    for _ in 0..n {
        tweets.push(Tweet {
            author: Name::new(inp.str()?),
            handle: Name::new(inp.str()?),
            url: inp.str()?.into(),
            date: Name::new(inp.str()?),
            lang: Name::new(inp.str()?),
            text: String::new(),
        });
        if let Some(t) = tweets.last_mut().filter(|t| t.url.is_empty()) {
            t.text = inp.string()?;
        }
    }
    let key = match inp.string()? {
        // The id's own text, shared, as the loader makes it (`PaperKey::of_paper`).
        k if arxiv_id.as_deref() == Some(k.as_str()) => PaperKey::of_paper(arxiv_id.as_ref(), &k),
        k => PaperKey::from_stored(k),
    };
    Ok(PaperInfo {
        title: title.into(),
        authors: authors.into(),
        arxiv_id,
        abs,
        pdf,
        categories: categories.into(),
        abstract_text: String::new(),
        tweets: tweets.into(),
        key,
        texts,
    })
}

fn day(out: &mut Out, d: &Day, infos: &HashMap<*const PaperInfo, usize>) {
    out.signed(i64::from(d.date.num_days_from_ce()));
    out.str(&d.title);
    out.str(&d.file);
    out.bool(d.published.is_some());
    if let Some(t) = d.published {
        let t = t.and_utc();
        out.signed(t.timestamp());
        out.varint(u64::from(t.timestamp_subsec_nanos()));
    }
    out.usize(d.papers.len());
    for p in &d.papers {
        out.varint(u64::from(p.rank));
        out.varint(p.retweets);
        out.varint(p.favorites);
        out.varint(u64::from(p.line));
        out.usize(infos[&Arc::as_ptr(&p.info)]);
    }
}

fn read_day(inp: &mut In, infos: &[Arc<PaperInfo>]) -> Result<Day, Malformed> {
    let days = i32::try_from(inp.signed()?).map_err(|_| Malformed)?;
    let date = NaiveDate::from_num_days_from_ce_opt(days).ok_or(Malformed)?;
    let title = inp.string()?;
    let file = inp.string()?;
    let published = if inp.bool()? {
        let secs = inp.signed()?;
        let nanos = inp.u32()?;
        Some(
            DateTime::from_timestamp(secs, nanos)
                .ok_or(Malformed)?
                .naive_utc(),
        )
    } else {
        None
    };
    let n = inp.count(5)?;
    let mut papers = Vec::with_capacity(n);
    for _ in 0..n {
        papers.push(Paper {
            rank: inp.u32()?,
            retweets: inp.varint()?,
            favorites: inp.varint()?,
            line: inp.u32()?,
            info: Arc::clone(infos.get(inp.usize()?).ok_or(Malformed)?),
        });
    }
    Ok(Day {
        date,
        title,
        file,
        published,
        papers,
    })
}

fn diagnostic(out: &mut Out, root: &Path, d: &Diagnostic) {
    out.bool(d.severity == Severity::Error);
    path(out, root, &d.path);
    out.bool(d.line.is_some());
    out.usize(d.line.unwrap_or(0));
    out.str(&d.message);
}

fn read_diagnostic(inp: &mut In, root: &Path) -> Result<Diagnostic, Malformed> {
    let severity = if inp.bool()? {
        Severity::Error
    } else {
        Severity::Warning
    };
    let path = read_path(inp, root)?;
    let has_line = inp.bool()?;
    let line = inp.usize()?;
    Ok(Diagnostic {
        severity,
        path,
        line: has_line.then_some(line),
        message: inp.string()?,
    })
}

/// Writes `posts` (of the folder `root`), each distinct info once; and the order of `days`
/// (the days of the archive an index describes) as numbers of the posts holding them, or
/// nothing when one is not among the posts. Each as a list of sections (see `sections`), so
/// that a few hundred of them are held at once. Whether the days were written.
pub fn write(
    s: &mut SectionsOut,
    root: &Path,
    posts: &[(&Path, &Kept)],
    days: Option<&[Arc<Day>]>,
) -> std::io::Result<bool> {
    let mut infos: HashMap<*const PaperInfo, usize> = HashMap::new();
    let mut order: Vec<&PaperInfo> = Vec::new();
    for d in posts.iter().filter_map(|(_, k)| k.day.as_ref()) {
        for p in &d.papers {
            infos.entry(Arc::as_ptr(&p.info)).or_insert_with(|| {
                order.push(&p.info);
                order.len() - 1
            });
        }
    }
    s.list(order.into_iter(), info)?;
    s.list(posts.iter(), |out, (p, k)| {
        path(out, root, p);
        out.bool(k.stamp.is_some());
        if let Some(st) = &k.stamp {
            stamp(out, st);
        }
        out.bool(k.hash.is_some());
        out.varint(k.hash.unwrap_or(0));
        out.bool(k.day.is_some());
        if let Some(d) = &k.day {
            day(out, d, &infos);
        }
        out.usize(k.diagnostics.len());
        for d in &k.diagnostics {
            diagnostic(out, root, d);
        }
    })?;
    let of_post: HashMap<*const Day, usize> = posts
        .iter()
        .enumerate()
        .filter_map(|(i, (_, k))| Some((Arc::as_ptr(k.day.as_ref()?), i)))
        .collect();
    let numbers: Option<Vec<usize>> = days.and_then(|ds| {
        ds.iter()
            .map(|d| of_post.get(&Arc::as_ptr(d)).copied())
            .collect()
    });
    s.out.bool(numbers.is_some());
    s.end()?;
    let written = numbers.is_some();
    s.list(numbers.unwrap_or_default().into_iter(), Out::usize)?;
    Ok(written)
}

/// Reads what `write` wrote, the paths joined to `root`: the posts, and the days of the
/// archive the index was made for (the very `Arc`s of the posts), if it was written.
pub fn read<R: Read>(
    s: &mut SectionsIn<R>,
    root: &Path,
) -> Result<(Posts, Option<Days>), Malformed> {
    let n = s.list_len(10)?;
    let mut infos = Vec::with_capacity(n);
    s.list_items(n, |inp| {
        infos.push(Arc::new(read_info(inp)?));
        Ok(())
    })?;
    let n = s.list_len(6)?;
    let mut posts = Vec::with_capacity(n);
    s.list_items(n, |inp| {
        let p = read_path(inp, root)?;
        let stamp = if inp.bool()? {
            Some(read_stamp(inp)?)
        } else {
            None
        };
        let has_hash = inp.bool()?;
        let hash = inp.varint()?;
        let day = if inp.bool()? {
            Some(Arc::new(read_day(inp, &infos)?))
        } else {
            None
        };
        let m = inp.count(5)?;
        let diagnostics = (0..m)
            .map(|_| read_diagnostic(inp, root))
            .collect::<Result<_, _>>()?;
        posts.push((
            p,
            Kept {
                stamp,
                hash: has_hash.then_some(hash),
                day,
                diagnostics,
            },
        ));
        Ok(())
    })?;
    let has_days = s.one(|inp| inp.bool())?;
    let m = s.list_len(1)?;
    let mut days = Vec::with_capacity(m);
    s.list_items(m, |inp| {
        let i = inp.usize()?;
        let d = posts.get(i).and_then(|(_, k)| k.day.as_ref());
        days.push(Arc::clone(d.ok_or(Malformed)?));
        Ok(())
    })?;
    Ok((posts, has_days.then_some(days)))
}
