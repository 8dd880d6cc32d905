"""Preloaded by the forkserver of ``kg.batch``'s worker pool: builds the extractor once, so
that the workers forked from it start warm (see ``kg.batch._Pool``). Never imported by
anything else: importing it costs seconds."""

import gc

try:
    from kg.pipeline import extractor

    extractor()
except Exception:  # noqa: BLE001 - the forkserver must live: each worker will try again
    pass          # in its initializer, and report what fails there
else:
    gc.freeze()  # the extractor's objects stay out of the workers' collections (and shared)
