"""Benchmarks for cshire: a data generator at scale and a page-throughput run with wrk.

Not part of ``make test``; see bench/README.md. ``tests/test_bench.py`` smoke-tests both.
"""
