"""Commands are data: each is declared once, and becomes both a key binding (shown
in the footer) and an entry in the command palette under a plain name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from textual.actions import parse as parse_action
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    """One thing the clerk can do on a screen."""

    id: str
    key: str
    action: str
    label: str
    """Short name in the footer."""
    title: str
    """Plain name in the command palette, e.g. "Search resolutions"."""
    help: str
    show: bool = True
    priority: bool = False
    in_palette: bool = True
    """False when Textual's palette already offers it (Quit)."""
    run: Callable[[Any], None] | None = None
    """What the command does, given the screen (for :func:`screen_command`)."""
    ready: Callable[[Any], bool | None] | None = None
    """Whether it can be done on the screen now (None: as the screen decides)."""
    edits: bool = False
    """It changes the minutes: approved minutes, and a window opened read-only, cannot."""

    def done_by(self, run: Callable[[Any], None],
                ready: Callable[[Any], bool | None] | None = None) -> Command:
        """This command (its key, names and help) done on a screen by ``run(screen)``:
        see :func:`screen_command`."""
        return replace(self, action=f"run({self.id!r})", run=run, ready=ready)

    def allowed(self, screen: Any) -> bool | None:
        """Whether ``screen`` (with ``read_only`` and :attr:`run`) can do it now."""
        if self.edits and screen.read_only:
            return False
        return True if self.ready is None else self.ready(screen)

    def binding(self) -> Binding:
        """The key binding for this command."""
        return Binding(
            self.key,
            self.action,
            self.label,
            show=self.show,
            priority=self.priority or acts_as_read(self.key),
            tooltip=self.help,
            id=self.id,
        )


# Keys that the focused list, table or text field may need for itself: a command on
# one of them waits its turn (Textual finds it once the key has gone up from the field).
_FIELD_KEYS = {"enter", "escape", "delete", "backspace", "tab", "pageup", "pagedown", "up",
               "down", "left", "right", "home", "end", "shift+up", "shift+down"}


def acts_as_read(key: str) -> bool:
    """Whether a command on ``key`` acts the moment the key is read (a priority
    binding). Then a form it opens takes the keys typed straight after it, even on a
    busy machine, instead of the field that had focus when it was pressed."""
    return not set(key.split(",")) & _FIELD_KEYS


HELP = Command("help", "f1", "show_help", "Help", "Help", "Keys and help for this screen")
NEXT_ITEM = Command("next_item", "pagedown", "next_item", "Next", "Next item",
                    "Select the next agenda item")
PREVIOUS_ITEM = Command("previous_item", "pageup", "previous_item", "Prev", "Previous item",
                        "Select the previous agenda item")
ATTENDANCE = Command("attendance", "f3", "attendance", "Attendance", "Attendance",
                     "Who is present, apologies, substitutes, arrivals and departures")
DECLARATIONS = Command("declarations", "f4", "declarations", "Declarations", "Declarations",
                       "Declarations of interest")
SEARCH = Command("search", "ctrl+f", "search", "Search", "Search resolutions",
                 "Search every resolution (or entry) ever minuted")
ACTION_LOG = Command("action_log", "ctrl+l", "action_log", "Actions", "Action log",
                     "Every action of every meeting: open, overdue, done")
QUIT = Command("quit", "ctrl+q", "quit", "Quit", "Quit", "Quit clerk (everything is saved)",
               priority=True, in_palette=False)


def screen_command(id: str, key: str, label: str, title: str, help: str,
                   run: Callable[[Any], None], ready: Callable[[Any], bool | None] | None = None,
                   show: bool = True, edits: bool = False) -> Command:
    """A command done by a function of the screen, ``run(screen)``, available when
    ``ready(screen)`` is not False (and, if it ``edits`` the minutes, when they can be
    changed); the screen's ``action_run`` calls it by its id."""
    return Command(id, key, f"run({id!r})", label, title, help, show=show, run=run, ready=ready,
                   edits=edits)


def by_id(commands: Iterable[Command]) -> dict[str, Command]:
    """The commands by their ids."""
    return {command.id: command for command in commands}


def bindings(commands: Iterable[Command]) -> list[Binding]:
    """The bindings of a screen's commands."""
    return [command.binding() for command in commands]


def palette_commands(screen: Screen) -> Iterator[SystemCommand]:
    """The screen's commands that are available now, for the command palette."""
    for command in getattr(screen, "CLERK_COMMANDS", ()):
        _namespace, action, parameters = parse_action(command.action)
        if command.in_palette and screen.check_action(action, parameters) is not False:
            yield SystemCommand(command.title, command.help, partial(screen.run_action, command.action))
