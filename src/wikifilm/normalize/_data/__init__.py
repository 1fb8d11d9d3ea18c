"""Lexicons as data: romanization tables, month names, currencies, scale words."""
