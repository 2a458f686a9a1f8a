"""A short crash campaign on every test run (``make soak`` runs the long one)."""

from __future__ import annotations

from crash_campaign import campaign, summary


def test_kill_9_while_typing_loses_nothing_typed_250ms_before():
    results = list(campaign(trials=4, seed=11))
    assert {r.mode for r in results} == {"capture", "editor"}
    assert all(r.required > 0 for r in results), summary(results)
    for trial in results:
        assert trial.integrity == "ok" and trial.opened, trial
        assert not trial.garbled, trial
        assert trial.lost == 0, trial
