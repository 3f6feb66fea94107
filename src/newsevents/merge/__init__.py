"""Merging across articles: near-duplicate copies, stories (articles on one event), incidents (events
from several articles that are one real-world incident)."""

from newsevents.merge.incidents import Incident, merge_incidents
from newsevents.merge.near_duplicates import DuplicateLink, IndexEntry, NearDuplicateIndex
from newsevents.merge.stories import DocumentSimilarity, Story, cluster_stories

__all__ = [
    "DocumentSimilarity", "DuplicateLink", "Incident", "IndexEntry", "NearDuplicateIndex", "Story",
    "cluster_stories", "merge_incidents",
]
