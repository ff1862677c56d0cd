"""Python benchmark modules, one per core module; each exposes ``cases(runtime) -> list[Case]``."""
