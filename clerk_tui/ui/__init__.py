"""The Textual interface: screens and widgets over the store. Only this package
imports Textual."""
