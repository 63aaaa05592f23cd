"""Open standards atazan publishes in, kept apart from any context: pure Python, no Django."""
