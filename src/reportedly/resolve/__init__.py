"""Resolving mentions to entities and speakers."""
