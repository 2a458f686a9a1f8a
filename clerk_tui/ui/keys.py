"""Keys typed while a screen is still opening go where they were typed for.

Textual gives each key to whatever has focus at the moment the app reads the key, and a
form focuses its first field only once its widgets are mounted, a moment after it was
pushed: on a busy machine the keys typed in that moment went to the screen and were
lost, or to the field that had focus before (``1`` Enter ``Depot lease`` in the Add
agenda item form stored "1Depot lease"). So a screen that :class:`HoldsKeys` keeps the
keys that arrive before it is ready and, once it has drawn itself with its first field
focused, gives them to the app in order: each goes to the field that has focus at that
point of the key stream. (Enter in a form, and the keys that open forms, act as the key
is read, so the focus they move is already moved for the keys after them.)
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen

MOST_HELD = 1000  # keys held at most; beyond that the screen is not coming, let them go


class HoldsKeys:
    """Mixed into a screen: keys that arrive while it is opening wait for it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[events.Key] | None = []  # None once the screen is ready for keys
        self._releasing: events.Key | None = None

    def hold_key(self, event: events.Key) -> bool:
        """Keep ``event`` (a key as it arrives at the app) if this screen is not yet
        ready for it; False when it should go on as usual."""
        if self._held is None or event is self._releasing or len(self._held) >= MOST_HELD:
            return False
        self._held.append(event)
        return True

    def _on_screen_resume(self: Screen) -> None:
        # Shown: once its on_mount (which focuses a field) and all it set going have
        # run, and it has been drawn, the keys held go on.
        if self._held is not None:
            self.call_after_refresh(self.release_keys)

    async def release_keys(self: Screen) -> None:
        """Give the held keys to the app, in the order they were typed, each as if it
        had just been read. Keys read meanwhile join the end of the queue, so the
        order holds until the last has gone."""
        while self._held:
            held = self._held.pop(0)
            self._releasing = events.Key(held.key, held.character)
            self._releasing.set_sender(self.app)  # as if from the terminal: it may bubble up
            await self.app.on_event(self._releasing)
        self._held, self._releasing = None, None


def hold_key(screen: Screen, event: events.Event) -> bool:
    """Whether ``screen`` keeps ``event`` (a key just read by the app) until it is ready."""
    holder = getattr(screen, "hold_key", None)
    return (isinstance(event, events.Key) and not event.is_forwarded and holder is not None
            and holder(event))


def steer_key(screen: Screen, event: events.Event) -> None:
    """Let ``screen`` move the focus for ``event`` (a key just read by the app) before the
    key is given to whatever has focus: a screen's :meth:`steer_key` moves it at once, so
    the keys read after this one follow it in order (focus() moves it only after them)."""
    steer = getattr(screen, "steer_key", None)
    if isinstance(event, events.Key) and not event.is_forwarded and steer is not None:
        steer(event)
