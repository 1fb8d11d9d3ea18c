"""Wikitext markup below the document model: one tokenizer, template names, plain text of a value.

Depends only on the core (``span``, ``diagnostics``, ``errors``, ``caches``) and
mwparserfromhell, which it calls only on pieces its own tokenizer found balanced.
"""
