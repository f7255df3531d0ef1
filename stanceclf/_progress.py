"""What the command line shows a person at a terminal while it works: a progress bar, a long step's duration.

Both write to standard error only when it is a terminal; logs and pipes get none of it.
"""

from __future__ import annotations

from typing import TextIO


class Progress:
    """A one-line progress bar with an ETA on standard error, redrawn at most ten times a second."""

    def __init__(self, err: TextIO, total: int | None, unit: str = "texts") -> None:
        import time

        self.err, self.total, self.unit, self._clock, self._last = err, total, unit, time.perf_counter, 0.0
        self._started = self._clock()
        self._shown = ""  # the line on screen now ("" once cleared)

    def clear(self) -> None:
        """Blank the bar's line, so that other output can take it."""
        if self._shown:
            self.err.write("\r" + " " * len(self._shown) + "\r")
            self.err.flush()
            self._shown = ""

    def advance(self, done: int, note: str = "", *, every: bool = False) -> None:
        """Show ``done`` of the total, with a note and, once something is done, the time left.

        Redrawn at most ten times a second, unless ``every`` (for a few slow steps, each worth seeing).
        """
        now = self._clock()
        if not every and self._shown and now - self._last < 0.1 and done != self.total:
            return
        self._last = now
        extra = f", {note}" if note else ""
        if self.total:
            bar = "#" * int(done / self.total * 30)
            line = f"[{bar:<30}] {done}/{self.total} {self.unit}{extra}"
            if 0 < done < self.total:
                left = (now - self._started) / done * (self.total - done)
                line += f", ETA {int(left // 60)}:{int(left % 60):02d}"
        else:
            line = f"{done} {self.unit}{extra}"
        self.err.write("\r" + line.ljust(len(self._shown)))
        self.err.flush()
        self._shown = line

    def close(self) -> None:
        if self._shown:
            self.err.write("\n")


def progress_bar(err: TextIO, total: int | None, unit: str) -> Progress | None:
    """A progress bar for a person watching a terminal; none in logs and pipes."""
    return Progress(err, total, unit) if err.isatty() else None


class stage:
    """A context manager that tells a terminal what a long step is doing and how long it took."""

    def __init__(self, err: TextIO, what: str) -> None:
        self.err, self.what, self.shown = err, what, err.isatty()

    def __enter__(self) -> "stage":
        import time

        self.started = time.perf_counter()
        if self.shown:
            self.err.write(f"{self.what} ...")
            self.err.flush()
        return self

    def __exit__(self, *exc) -> None:
        import time

        if self.shown:
            self.err.write(f" {time.perf_counter() - self.started:.0f} s\n")
            self.err.flush()
