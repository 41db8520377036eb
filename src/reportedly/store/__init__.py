"""The corpus store: documents and what was extracted from them, in SQLite."""
