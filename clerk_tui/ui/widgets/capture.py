"""The capture line: type as people speak; Enter hands the line to the screen.

It only edits text. What is on the line is the item's draft, handed on as each key is
handled (so it survives a crash and is back when the meeting is opened again); Enter
posts :class:`CaptureLine.LineEntered` and clears the line; the screen turns the line
into an entry and stores it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual import events
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from clerk_tui.ui.commands import NEXT_ITEM, PREVIOUS_ITEM, bindings
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.text import IN_FIELDS

PLACEHOLDER = "Type a note · ? question · > response · ! action @owner by date · = resolution"

_SPEAKER_PREFIX = re.compile(r"^(\s*[?>]\s*)([^:]{2,})$")
_OWNER_PREFIX = re.compile(r"^(.*@)([^@]{2,})$")


class NameSuggester(Suggester):
    """Completes the names of the people at the meeting after ``?``, ``>`` and ``@``."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(names)

    async def get_suggestion(self, value: str) -> str | None:
        speaker = _SPEAKER_PREFIX.match(value)
        owner = _OWNER_PREFIX.match(value)
        match, ending = (speaker, ": ") if speaker else (owner, "")
        if match is None:
            return None
        typed = match.group(2).lower()
        for name in self.names:
            if name.lower().startswith(typed) and len(name) > len(typed):
                return match.group(1) + name + ending
        return None


class CaptureLine(ContainsFailures, Input):
    """The line at the foot of the meeting screen."""

    # Shown in the footer (an Input's own Page Up/Down would hide the screen's);
    # the keys themselves are handled in _on_key, in the order they arrive.
    BINDINGS = bindings([NEXT_ITEM, PREVIOUS_ITEM])
    _text_changing = False  # while Input reacts to a change of the text (see refresh)

    class LineEntered(Message):
        """Enter was pressed on ``text``, typed into the item ``item_id``; the line is
        clear for the next entry."""

        def __init__(self, item_id: str, text: str) -> None:
            super().__init__()
            self.item_id = item_id
            self.text = text

    def __init__(self, keep_draft: Callable[[str, str], None], step_item: Callable[[int], None],
                 **kwargs) -> None:
        """``keep_draft(item_id, text)`` and ``step_item(step)`` are called as the key is
        handled, not posted: a message would come round after the keys read with it, and
        words typed straight after a Page Down would land on the item before."""
        self._names = NameSuggester([])
        # Focus must never select the line: the next key would replace the draft.
        super().__init__(placeholder=PLACEHOLDER, suggester=self._names, select_on_focus=False,
                         highlighter=IN_FIELDS, **kwargs)
        # A steady cursor: the clerk's eye is on this line all meeting, and a blink is a
        # redraw twice a second on a slow laptop (and a screen never the same twice).
        self.cursor_blink = False
        self._keep = keep_draft
        self._step_item = step_item
        self._item_id: str | None = None
        self._known = ""  # the value last loaded or saved: not a change to save

    def _watch_value(self, value: str) -> None:
        # Names are completed only after ? or > or @: asked for nothing else, Input would
        # start a worker at every key to find no suggestion.
        completable = value.lstrip()[:1] in ("?", ">") or "@" in value
        self.suggester = self._names if completable else None
        self._text_changing = True
        try:
            super()._watch_value(value)
        finally:
            self._text_changing = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> CaptureLine:
        """As Input's, but a change of the text only redraws the line: Input lays the
        whole screen out again at every key (its text's width, which it scrolls along,
        has changed), and the meeting screen's layout cost more than the key. The line's
        own size never depends on its text unless its width or height is auto."""
        if self._text_changing and not self.styles.auto_dimensions:
            layout = False
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    def set_names(self, names: Sequence[str]) -> None:
        """The names to complete (people present, officers' job titles)."""
        self._names.names = list(names)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines (a paragraph from a report, hard-wrapped) is kept
        whole, its lines joined into one entry: Input itself, which handles the paste
        after this, keeps only the first line."""
        lines = event.text.splitlines()
        if len(lines) > 1:
            event.text = " ".join(filter(None, map(str.strip, lines)))

    @property
    def item_id(self) -> str | None:
        """The item whose entries are typed on the line now."""
        return self._item_id

    def show_item(self, item_id: str | None, draft: str) -> None:
        """Capture into ``item_id`` from now on, starting from its saved draft (read
        after :meth:`Autosaver.flush`, so it includes what was just typed)."""
        self._item_id = item_id
        self._known = draft
        with self.prevent(Input.Changed):
            self.value = draft
        self.cursor_position = len(draft)

    def watch_value(self, value: str) -> None:
        """Each change of the line is its item's draft from that moment, as the key is
        handled: not when the Changed message comes round, after keys read with it (a
        Page Down among them moved to the next item first, and the words were lost)."""
        if value != self._known:
            self._known = value
            self._keep_draft(value)

    def _keep_draft(self, text: str) -> None:
        if self._item_id is not None:
            self._keep(self._item_id, text)

    async def _on_key(self, event: events.Key) -> None:
        # Enter and the item keys are handled here, in the order keys arrive, not as
        # bindings (found only after the key bubbles up): text typed straight after
        # them must land on the cleared line or the next item, not the one before.
        steps = {"pagedown": 1, "pageup": -1}
        if event.key == "enter":
            self.store_line()
        elif event.key in steps:
            self._step_item(steps[event.key])
        else:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()

    def action_next_item(self) -> None:
        """Select the next agenda item."""
        self._step_item(1)

    def action_previous_item(self) -> None:
        """Select the previous agenda item."""
        self._step_item(-1)

    def store_line(self) -> None:
        """Hand what is on the line to the screen as an entry of the item, and clear
        the line for the next one (the draft stays saved until the entry is)."""
        text = self.value
        if self._item_id is None or not text.strip():
            return
        self._known = ""
        with self.prevent(Input.Changed):
            self.value = ""
        self.post_message(self.LineEntered(self._item_id, text))

    def give_back(self, item_id: str, text: str) -> None:
        """Put ``text`` (a line that could not be stored) back in front of what has been
        typed since, if the line is still on its item; it is that item's draft again."""
        if item_id != self._item_id:
            self._keep(item_id, text)
            return
        typed = self.value
        with self.prevent(Input.Changed):
            self.value = f"{text} {typed}" if typed else text
        self.cursor_position = len(self.value)
