"""The app's widgets: cards, the context panel and the input line."""
