"""Event detection and coding: triggers, clauses, modality, attribution, actors, counts, time and place."""
