"""classify_many on a Dask cluster through joblib's Dask backend."""

from __future__ import annotations

import pytest
from conftest import REPO

from stanceclf import classify_many
from stanceclf.corpus import read_corpus

distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")


def test_local_cluster_gives_the_single_process_results():
    import joblib

    texts = [article.text for article in read_corpus(REPO / "corpus").values()] * 3
    expected = list(classify_many(texts, batch_size=4))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            with joblib.parallel_config(backend="dask"):
                results = list(classify_many(iter(texts), batch_size=4, n_jobs=-1))
            assert len(client.scheduler_info()["workers"]) == 2
    assert results == expected
    assert [p.evidence["framing"] for p in results[0]] == [p.evidence["framing"] for p in expected[0]]
