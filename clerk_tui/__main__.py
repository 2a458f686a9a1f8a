"""Run clerk with ``python -m clerk_tui``."""

from clerk_tui.cli import main

if __name__ == "__main__":
    main()
