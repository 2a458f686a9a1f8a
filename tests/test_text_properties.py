"""Any text a clerk can type or paste is stored unchanged once cleaned, and Word can hold it."""

from __future__ import annotations

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui import models as m
from clerk_tui.fields import clean_text

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)


@given(ANY_TEXT)
def test_cleaning_is_idempotent_and_word_accepts_the_result(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    docx.Document().add_paragraph(cleaned)  # raises on characters XML cannot hold
    cleaned.encode("utf-8")  # no lone surrogates left


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_TEXT)
def test_any_entry_text_round_trips_through_the_store(store, sample, text):
    note = store.entries.add(m.Note(item_id=sample.items[0].id, text=text, captured_at=store.now()))
    assert store.entries.get(note.id).text == clean_text(text)


@given(st.text(st.characters(categories=("L", "N")), min_size=1, max_size=20),
       st.sampled_from("\x0b\x0c\x1c\x1d\x1e\x1f"),
       st.text(st.characters(categories=("L", "N")), min_size=1, max_size=20))
def test_a_control_between_two_words_leaves_two_words(first, control, second):
    # Word copies a line break as a vertical tab; a PDF's text ends a page with a form feed.
    assert clean_text(first + control + second).split() == [first, second]
