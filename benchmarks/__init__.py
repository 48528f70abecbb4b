"""Benchmarks of translit: accuracy, calibration and speed next to what users would use instead.

Run ``python -m benchmarks`` (``--quick`` for a short run); see ``python -m benchmarks --help``.
"""
