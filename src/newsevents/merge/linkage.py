"""Average-linkage agglomerative clustering over a similarity matrix, with cannot-link pairs.

Shared by story clustering (documents) and incident merging (events). Deterministic: the result
depends only on the matrix (ties go to the lowest index pair), so callers put items in a canonical
order first to make the result independent of input order.
"""

from __future__ import annotations

import numpy as np


def average_linkage(similarity: np.ndarray, threshold: float,
                    cannot_link: np.ndarray | None = None) -> list[list[int]]:
    """Clusters (lists of indices, each sorted, ordered by first index) of a symmetric similarity matrix.

    Two clusters merge while the mean similarity over all their cross pairs is >= ``threshold``
    (highest first). A cluster pair with any ``cannot_link`` cross pair never merges."""
    n = similarity.shape[0]
    if n == 0:
        return []
    sums = np.array(similarity, dtype=float, copy=True)
    blocked = np.zeros((n, n), bool) if cannot_link is None else np.array(cannot_link, bool, copy=True)
    sizes = np.ones(n)
    alive = np.ones(n, bool)
    members: list[list[int]] = [[i] for i in range(n)]
    mean = sums.copy()
    _close(mean, blocked, alive)
    while True:
        flat = int(np.argmax(mean))
        i, j = divmod(flat, n)
        if not np.isfinite(mean[i, j]) or mean[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        sums[i, :] += sums[j, :]
        sums[:, i] = sums[i, :]
        blocked[i, :] |= blocked[j, :]
        blocked[:, i] = blocked[i, :]
        sizes[i] += sizes[j]
        alive[j] = False
        members[i].extend(members[j])
        members[j] = []
        mean[i, :] = sums[i, :] / (sizes[i] * sizes)
        mean[:, i] = mean[i, :]
        _close(mean, blocked, alive, rows=(i, j))
    clusters = [sorted(m) for m in members if m]
    return sorted(clusters, key=lambda c: c[0])


def _close(mean: np.ndarray, blocked: np.ndarray, alive: np.ndarray, rows: tuple[int, ...] | None = None) -> None:
    """Mark pairs that may not merge (self, dead, blocked) with -inf, in the given rows or everywhere."""
    if rows is None:
        mean[blocked] = -np.inf
        mean[~alive, :] = -np.inf
        mean[:, ~alive] = -np.inf
        np.fill_diagonal(mean, -np.inf)
        return
    for r in rows:
        for line, block in ((mean[r, :], blocked[r, :]), (mean[:, r], blocked[:, r])):
            line[block] = -np.inf
            line[~alive] = -np.inf
            line[r] = -np.inf
        if not alive[r]:
            mean[r, :] = -np.inf
            mean[:, r] = -np.inf
