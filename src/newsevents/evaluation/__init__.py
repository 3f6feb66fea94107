"""The evaluation harness: suites over ../shared/data, baselines measured in the same run, a pinned gate."""
