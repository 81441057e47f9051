//! The one writer every command prints through: standard output, buffered, where a reader that
//! left early (`| head -1`) ends the output quietly and any other failure to write (a full
//! disk, `> /dev/full`) is kept, to be reported once by `main` with status 1.
//!
//! A closed pipe is not an error of the command: what it printed is thrown away from then on,
//! and the command finishes, so its exit status keeps its documented meaning (`check` is 1 for
//! errors, `search` 1 for no match, however early the reader stopped). A command that would act
//! on the belief that its output was read (`watch` marking papers seen) asks `cut` first.

use std::io::{self, Write};

/// A writer over `W` that swallows a closed pipe and remembers any other error.
pub struct Output<W: Write> {
    inner: W,
    /// The reader went away: nothing more is written.
    cut: bool,
    /// The first write error other than a closed pipe.
    failed: Option<io::Error>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W) -> Output<W> {
        Output {
            inner,
            cut: false,
            failed: None,
        }
    }

    /// Whether the output stopped early, its reader gone or a write failed: some of it was not
    /// read.
    pub fn cut(&self) -> bool {
        self.cut || self.failed.is_some()
    }

    /// The first write error other than a closed pipe, if any (taken: reported once).
    pub fn take_error(&mut self) -> Option<io::Error> {
        self.failed.take()
    }

    /// The outcome of a write: a closed pipe ends the output, any other error is kept and
    /// returned so that the command stops.
    fn settle<T>(&mut self, r: io::Result<T>, or: T) -> io::Result<T> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.cut = true;
                Ok(or)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                let shown = io::Error::new(e.kind(), format!("cannot write the output: {e}"));
                self.failed.get_or_insert(e);
                Err(shown)
            }
            ok => ok,
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.cut() {
            return if self.cut {
                Ok(buf.len())
            } else {
                Err(io::Error::other("the output failed before"))
            };
        }
        let r = self.inner.write(buf);
        self.settle(r, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.cut() {
            return Ok(());
        }
        let r = self.inner.flush();
        self.settle(r, ())
    }
}

/// Standard output as the commands get it: buffered (one lock for the whole output, not one a
/// line) over `Output`.
pub type Stdout = io::BufWriter<Output<io::StdoutLock<'static>>>;

pub fn stdout() -> Stdout {
    io::BufWriter::new(Output::new(io::stdout().lock()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes `room` bytes, then fails with `kind`.
    struct Fails {
        room: usize,
        kind: io::ErrorKind,
        written: Vec<u8>,
    }

    impl Write for Fails {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(self.kind.into());
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn fails(room: usize, kind: io::ErrorKind) -> Output<Fails> {
        Output::new(Fails {
            room,
            kind,
            written: Vec::new(),
        })
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly() {
        let mut out = fails(3, io::ErrorKind::BrokenPipe);
        out.write_all(b"hello").unwrap();
        out.write_all(b" world").unwrap();
        out.flush().unwrap();
        assert!(out.cut());
        assert!(out.take_error().is_none());
        assert_eq!(out.inner.written, b"hel");
    }

    #[test]
    fn any_other_error_stops_the_command_and_is_kept() {
        let mut out = fails(3, io::ErrorKind::StorageFull);
        let e = out.write_all(b"hello").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(
            e.to_string().starts_with("cannot write the output: "),
            "{e}"
        );
        assert!(out.cut());
        // Later writes fail too, and the first error is the one kept.
        assert!(out.write_all(b"more").is_err());
        assert_eq!(
            out.take_error().map(|e| e.kind()),
            Some(io::ErrorKind::StorageFull)
        );
        assert!(out.take_error().is_none());
    }
}
