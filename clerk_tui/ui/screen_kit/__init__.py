"""What clerk's screens are built from: the base screen, the one form, the pick and
confirm dialogs, the table of a meeting's records, and the routes a screen asks the app
to take. Screens import these; these never import a screen."""
