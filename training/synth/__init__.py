"""Synthetic training data for newsevents' sentence classifier (written for this project).

``generate_rows(seed)`` composes sentences from the template families in ``acled``,
``disruptions`` and ``negatives``; every row is marked ``synthetic: true``.
"""
