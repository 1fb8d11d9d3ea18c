"""Readers: raw article text (wikitext or the plain-text rendering) to a lossless Document."""
