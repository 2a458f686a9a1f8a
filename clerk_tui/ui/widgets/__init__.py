"""Widgets of the clerk app."""
