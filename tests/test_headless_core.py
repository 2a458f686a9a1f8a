"""The core never imports Textual: models, store, minutes and importer run headless."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["clerk_tui.models", "clerk_tui.fields", "clerk_tui.store", "clerk_tui.settings",
        "clerk_tui.cli", "clerk_tui.quick_entry", "clerk_tui.importer.agenda", "clerk_tui.demo",
        "clerk_tui.minutes.compose", "clerk_tui.minutes.export", "clerk_tui.archive",
        "clerk_tui.importer.minutes", "clerk_tui.importer.report", "clerk_tui.store.search",
        "clerk_tui.output_paths",
        "clerk_tui.verification", "clerk_tui.minutes.frozen", "clerk_tui.minutes.template_safety",
        "clerk_tui.store.record_check", "clerk_tui.store.sealing", "clerk_tui.action_log",
        "clerk_tui.import_run", "clerk_tui.check_report", "clerk_tui.search_results",
        "clerk_tui.minutes.compose.follow_up"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_leaves_textual_unloaded(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
