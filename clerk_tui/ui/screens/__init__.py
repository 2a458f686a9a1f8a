"""Screens of the clerk app."""
