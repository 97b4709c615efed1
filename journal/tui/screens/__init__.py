"""The app's screens: the five tabs, help, welcome and dialogs."""
