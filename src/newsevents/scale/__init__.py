"""Scale-out: the ingest pipeline run by several workers while the driver reads, deduplicates and writes.

``dispatch`` is the engine-independent part (an ordered window of chunks in flight, stored in input
order through ``newsevents.corpus.store_outcome``); ``ray_engine`` runs the chunks on Ray actors.
Ray is an optional extra (``pip install 'newsevents[ray]'``) and is imported only when a run asks for it.
"""
