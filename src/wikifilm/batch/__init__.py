"""Batch extraction: dump streaming, the worker pool, and output sinks."""
