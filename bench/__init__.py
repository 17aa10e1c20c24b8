"""Benchmarks of the running site (`make bench-web`); not part of the installed package."""
