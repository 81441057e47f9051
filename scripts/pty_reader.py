"""The reader in a pseudo-terminal, for the measuring scripts beside this file (first_frame.py,
search_ready.py, reload_cpu.py): its environment, starting it, reading what it writes (and
answering its cursor-position query), its peak memory, and quitting it. Linux; Python standard
library only.
"""

import fcntl
import os
import select
import signal
import struct
import termios
import time

CURSOR_QUERY = b"\x1b[6n"


def reader_env(**settings):
    """This process's environment without what would change the reader's run (an archive, a
    browser, NO_COLOR, the cache switch), a terminal and UTF-8, and `settings` (None drops one)."""
    drop = ("HOTPAPERS_ARCHIVE", "BROWSER", "NO_COLOR", "HOTPAPERS_CACHE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    for k, v in settings.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def peak_kb(pid):
    """The process's peak resident memory (VmHWM) in KB, or None."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Reader:
    """`binary ARGS` started in a new pseudo-terminal of `cols` x `rows`."""

    def __init__(self, binary, args, env, cols, rows):
        size = struct.pack("HHHH", rows, cols, 0, 0)
        self.pid, self.fd = os.forkpty()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, size)
            os.execve(binary, [binary, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, size)

    def read(self, wait):
        """What the reader wrote within `wait` seconds (b"" for nothing), or None once it has
        ended. Its cursor-position query is answered."""
        if not select.select([self.fd], [], [], wait)[0]:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        if CURSOR_QUERY in chunk:
            os.write(self.fd, b"\x1b[1;1R")
        return chunk

    def drain(self, seconds):
        """Reads and drops what the reader writes for `seconds`."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            if self.read(min(left, 0.05)) is None:
                return

    def quit(self, keys):
        """Types `keys`, waits up to 5 s for the reader to end (killing it then), and closes."""
        try:
            os.write(self.fd, keys)
        except OSError:
            pass
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            try:
                self.read(0.05)
            except OSError:
                pass
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)
