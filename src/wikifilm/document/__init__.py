"""The lossless document model: frozen nodes whose leaf spans tile the source text."""
