"""Screens of the clerk app. Each module (the meeting screen is a package) is one
screen, and none imports another: to open another screen, a screen asks the app
(:class:`clerk_tui.ui.screen_kit.routes.Routes`), which routes."""
