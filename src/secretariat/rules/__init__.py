"""Procedure rules of intergovernmental organizations, in pure Python.

Nothing here imports Django or reads a clock: every function takes the date it
is asked about (``on``) and returns data. The Django apps store what these
functions reason about.
"""
