"""Benchmarks: `python -m benchmarks` (see README, section Benchmarks)."""
