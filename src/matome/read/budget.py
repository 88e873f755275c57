"""A time budget per page: reading that runs past it is abandoned with a `timeout` failure.

On a process's main thread a real-time timer (SIGALRM) interrupts the work wherever it is, between two Python
bytecodes (a single long C call, such as parsing, finishes first). On any other thread (a Dask worker's, a thread
pool's) signals cannot be used: there the reader checks the clock between its steps instead.
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("page_deadline", default=None)


class PageTimeout(BaseException):  # an interruption, like KeyboardInterrupt, rather than an error
    """The page's time budget ran out. A BaseException, so that a library's `except Exception` cannot swallow it."""

    def __init__(self, seconds: float, step: str | None = None) -> None:
        where = f" (while {step})" if step else ""
        super().__init__(f"reading took longer than the {seconds:g} s budget{where}; set read.page_timeout to "
                         "allow more")


@contextmanager
def page_budget(seconds: float) -> Iterator[None]:
    """Run the block under a budget of `seconds`; PageTimeout is raised in it when the budget runs out."""
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    running = [True]  # an alarm that lands while the block is being left raises nothing

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if running[0]:
            raise PageTimeout(seconds)

    alarm = _can_alarm()
    previous = signal.getsignal(signal.SIGALRM) if alarm else None
    try:
        if alarm:
            signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        running[0] = False
        try:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            if alarm:
                signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
            _DEADLINE.reset(token)


def check_time(step: str) -> None:
    """Raise PageTimeout when the budget of the page being read has run out (a no-op outside a budget)."""
    budget = _DEADLINE.get()
    if budget is not None and time.monotonic() > budget[0]:
        raise PageTimeout(budget[1], step)


def _can_alarm() -> bool:
    """SIGALRM only on the main thread, and only when no one else has a timer running."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
