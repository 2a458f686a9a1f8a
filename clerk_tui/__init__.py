"""clerk: the minutes desk for meeting clerks."""

__version__ = "0.1.0"
