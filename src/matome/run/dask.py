"""The Dask executor: a run's shards mapped over dask.distributed workers (a LocalCluster unless a scheduler address
is given). The stages never import Dask; only this module does, and only when it runs."""

from __future__ import annotations

import logging
from typing import Any

from matome.run.pipeline import Done, Executor, Shard, ShardTask


def dask_executor(workers: int = 2, scheduler: str | None = None) -> Executor:
    """Shards over a LocalCluster of `workers` single-threaded processes, or over the cluster at `scheduler`."""
    def execute(task: ShardTask, shards: list[Shard], done: Done) -> list[dict[str, Any]]:
        from distributed import Client, LocalCluster, as_completed

        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            results = []
            for future in as_completed(client.map(task, shards, pure=False)):
                results.append(future.result())
                done(results[-1])
            return results
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return execute
