"""Normalizers: document nodes to typed values with raw text, span and diagnostics."""
