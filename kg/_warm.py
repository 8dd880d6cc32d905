"""Preloaded by the forkserver of ``kg.batch``'s worker pool: builds the extractor once, so
that the workers forked from it start warm (see ``kg.batch._Pool``), with its objects frozen
out of their collections (``kg.pipeline.extractor``) and shared. Never imported by anything
else: importing it costs seconds."""

try:
    from kg.pipeline import extractor

    extractor()
except Exception:  # noqa: BLE001 - the forkserver must live: each worker will try again
    pass          # in its initializer, and report what fails there
