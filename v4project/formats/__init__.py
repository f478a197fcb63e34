"""Dates as each language writes them (FORMAT_MODULE_PATH)."""
