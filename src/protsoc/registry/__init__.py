"""The registry on disk: its layout, the record model, YAML I/O, loading, the cache, the worker
pool, git."""
