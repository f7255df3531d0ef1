"""How ``stanceclf classify`` stops cleanly: signals wait for a text's rows, write errors are told apart.

Ctrl-C and SIGTERM are handled alike (:class:`Interrupts`): while a text's
rows are written the signal is only noted, so every row on the output is
whole. Writing goes through :class:`Sink`, which turns an ``OSError`` of the
output (disk full, output closed) into :class:`OutputFailed`, so that it is
never mistaken for a bad input. :func:`quiet_workers` makes ``--jobs``
worker processes ignore Ctrl-C, which the whole process group receives: the
main process stops them, so that none prints a traceback.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import TextIO


class OutputFailed(Exception):
    """Writing the results failed (disk full, output closed); carries the OSError."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class Sink:
    """The results' stream, with write errors turned into `OutputFailed` (told apart from input errors)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        try:
            return self._out.write(text)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._out.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None


def flush_quietly(sink: Sink, out: TextIO) -> None:
    try:
        sink.flush()
    except OutputFailed:
        silence(out)


def silence(out: TextIO) -> None:
    """Point a failed output at /dev/null, so that Python's own flush at exit does not fail again."""
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # no file behind it (StringIO)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


@contextmanager
def quiet_workers(n_jobs: int | None):
    """Worker processes (``--jobs``) that ignore Ctrl-C: the main process stops them, so none prints a traceback.

    A terminal's Ctrl-C (and ``timeout -s INT``) reaches the whole process
    group; the workers are cancelled by the main process as it stops.
    """
    if n_jobs in (None, 1):
        yield
        return
    from joblib import parallel_config

    with parallel_config(backend="loky", initializer=ignore_interrupts):
        yield


def ignore_interrupts() -> None:
    """A worker's initializer: SIGINT ignored (joblib needs a module-level function to send to the worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Interrupts:
    """Ctrl-C and SIGTERM, handled alike: stop between texts, never in the middle of a row.

    While a text's rows are written (:meth:`writing`) a signal is only noted,
    and the stop comes when the text is done, so every row on the output is
    whole; while waiting for results it stops at once. After the first stop,
    further signals are only noted, so that the closing flush finishes.
    """

    def __enter__(self) -> "Interrupts":
        import signal

        self.signum, self._defer, self._previous = None, False, {}
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                self._previous[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread: leave signals alone
                pass
        return self

    def _handle(self, signum, frame) -> None:
        if self.signum is None:
            self.signum = signum
        if not self._defer:
            self._defer = True  # the closing flush is not interrupted again
            raise KeyboardInterrupt

    @contextmanager
    def writing(self):
        """A block that a signal does not cut short; the stop comes right after it."""
        self._defer = True
        try:
            yield
        finally:
            self._defer = False
        if self.signum is not None:
            self._defer = True
            raise KeyboardInterrupt

    @property
    def terminated(self) -> bool:
        """Whether the stop came from SIGTERM (``kill PID``) rather than Ctrl-C."""
        import signal

        return self.signum == signal.SIGTERM

    def __exit__(self, *exc_info) -> None:
        import signal

        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
