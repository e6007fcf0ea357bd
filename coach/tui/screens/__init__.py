"""The app's screens: session (default), review, lint findings, help and the note dialog."""
