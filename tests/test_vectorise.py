"""The fast paths give exactly what the plain scikit-learn / Python ones give.

The vectoriser and the text folding were rewritten for speed; a model trained
with them must mean the same as one trained with scikit-learn's
``TfidfVectorizer`` and ``str.translate``. These tests hold them to that on
the real corpus and on generated text.
"""

from __future__ import annotations

import gc
import threading
import unicodedata

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer

from stanceclf import features, ngrams
from stanceclf.labels import read_labels
from stanceclf.ngrams import _prefixed_tokens
from stanceclf.predict import _collector_paused
from stanceclf.vectorise import TokenNgrams, _tokens

SETTINGS = [
    {"ngram_max": 1},
    {"ngram_max": 2, "sublinear_tf": True, "dtype": np.float32},  # the shipped words block
    {"ngram_max": 3, "min_df": 2},
    {"ngram_max": 2, "binary": True, "use_idf": False, "norm": None},
    {"ngram_max": 2, "norm": "l1"},
]


@pytest.fixture(scope="module")
def normalised() -> list[str]:
    texts = [s.text for name in ("train", "heldout", "written") for s in read_labels(REPO / "labels" / f"{name}.jsonl")]
    return features.normalise_all(texts)


def assert_same_matrix(expected, got) -> None:
    assert expected.shape == got.shape
    assert expected.dtype == got.dtype
    expected, got = expected.tocsr(), got.tocsr()
    expected.sort_indices()
    assert np.array_equal(expected.indptr, got.indptr)
    assert np.array_equal(expected.indices, got.indices)
    assert np.array_equal(expected.data, got.data)


@pytest.mark.parametrize("params", SETTINGS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()))
def test_token_ngrams_equal_tfidf_vectorizer_on_the_corpus(normalised, params):
    # Fit on part of the corpus so the rest brings unseen words and n-grams.
    train, test = normalised[:900], normalised[600:] + ["", "   ", "neverseenword another", "#deleg #deleg"]
    ours = TokenNgrams(**params).fit(train)
    reference = ours._reference().fit(train)
    assert list(ours.get_feature_names_out()) == list(reference.get_feature_names_out())
    assert_same_matrix(reference.transform(test), ours.transform(test))


@pytest.mark.parametrize("params", SETTINGS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()))
def test_small_calls_count_in_python_and_give_the_same_rows(normalised, params):
    # A few statements per call take NgramTable._counts_few; the matrix must not depend on the path.
    ours = TokenNgrams(**params).fit(normalised[:900])
    table, sample = ours.table_, normalised[600:900:3] + ["", "neverseenword another word", "#deleg #deleg"]
    split = [document.split() for document in sample]
    assert sum(map(len, split)) > ngrams._FEW_TOKENS  # the batch as a whole takes the numpy path
    batched = table._counts(split)
    for at in range(0, len(split), 7):
        few = table._counts_few(split[at : at + 7])
        whole = table._counts(split[at : at + 7])
        for got, expected in zip(few, whole):
            assert got.dtype == expected.dtype and np.array_equal(got, expected)
    reference = ours._reference().fit(normalised[:900])
    one_by_one = sp.vstack([ours.transform([document]) for document in sample]).tocsr()
    assert_same_matrix(reference.transform(sample), one_by_one)
    assert len(batched[0]) == len(sample) + 1


@pytest.mark.parametrize("params", SETTINGS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()))
def test_a_few_rows_weighted_in_python_equal_the_numpy_weighting(normalised, params):
    # Repeated words give counts above 1 (the sublinear value), an unknown-only row has norm 0.
    table = TokenNgrams(**params).fit(normalised[:900]).table_
    repeated = [(document + " " + document).split()[: ngrams._FEW_TOKENS // 3] for document in normalised[600:660]]
    samples = [[tokens] for tokens in repeated] + [repeated[at : at + 3] for at in range(0, 60, 3)]
    samples += [[["neverseenword", "neverseenword"]], [[]], [["the"] * ngrams._FEW_TOKENS]]
    for split in samples:
        assert sum(map(len, split)) <= ngrams._FEW_TOKENS  # the Python path
        expected = table._weighted(*table._counts(split))
        got = table.rows_of_tokens(split)
        for mine, theirs in zip(got, expected):
            assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)


def test_the_value_of_each_count_is_numpys_log_wherever_it_sits_in_an_array():
    table = TokenNgrams(ngram_max=1, sublinear_tf=True, dtype=np.float32).fit(["a b c"]).table_
    counts = np.arange(1, ngrams._FEW_TOKENS + 1, dtype=np.float32)
    for shift in range(9):  # every position within numpy's vector lanes, and a tail
        data = np.concatenate([np.ones(shift, dtype=np.float32), counts])
        np.log(data, data)
        data += 1
        assert data[shift:].tolist() == table._value_of_count[1:]


@pytest.mark.parametrize("params", [{"ngram_max": 2, "sublinear_tf": True}, {"prefix": "#", "binary": True}])
def test_rows_of_token_lists_equal_rows_of_the_joined_statements(params):
    texts = [s.text for s in read_labels(REPO / "labels" / "heldout.jsonl")]
    joined, _ = features.normalise_counted(texts)
    split = features.normalise_counted(texts)[0].tokens
    assert [" ".join(tokens) for tokens in split] == joined
    table = TokenNgrams(**params).fit(joined[::2]).table_
    for got, expected in zip(table.rows_of_tokens(split), table.rows(joined)):
        assert got.dtype == expected.dtype and np.array_equal(got, expected)


def test_cue_tokens_are_the_prefixed_tokens_and_give_the_same_cue_rows():
    texts = [s.text for s in read_labels(REPO / "labels" / "heldout.jsonl")]
    texts += [
        "KYIV, Dec. 1 \u2014 Zelensky\u2019s office said #talks (a hashtag) were \u201cnot on the table\u201d.",
        "Share this article: Facebook | X | Email",
        "",
    ]
    normalised, _ = features.normalise_counted(texts)
    prefixed = [[token for token in tokens if token.startswith(features.CUE_PREFIX)] for tokens in normalised.tokens]
    assert [list(cues) for cues in normalised.cue_tokens] == prefixed
    assert any(prefixed) and not all(prefixed)
    assert normalised.cue_tokens[-3].count("#talks") == 1  # the page's hashtag is a word ("talks"), not a cue token
    table = TokenNgrams(prefix=features.CUE_PREFIX, binary=True, use_idf=False, norm=None).fit(normalised).table_
    for got, expected in zip(table.rows_of_prefixed(normalised.cue_tokens), table.rows_of_tokens(normalised.tokens)):
        assert got.dtype == expected.dtype and np.array_equal(got, expected)


@settings(max_examples=150, deadline=None)
@given(
    lengths=st.lists(st.integers(0, 40), min_size=1, max_size=30)
    | st.lists(st.integers(0, 120), min_size=65, max_size=300)
    | st.just([0, 1, 0, 5_000]),
    norm=st.sampled_from(["l2", "l1"]),
    dtype=st.sampled_from([np.float32, np.float64]),
    seed=st.integers(0, 2**16),
)
def test_unit_rows_are_scikit_learns_normalize_to_the_bit(lengths, norm, dtype, seed):
    from sklearn.preprocessing import normalize

    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    rng = np.random.default_rng(seed)
    data = (rng.lognormal(0, 2, size=indptr[-1]) * rng.choice([-1, 1], size=indptr[-1])).astype(dtype)
    indices = np.zeros(indptr[-1], dtype=np.int32)  # the columns do not enter the norm
    expected = normalize(sp.csr_matrix((data.copy(), indices, indptr), shape=(len(lengths), 1)), norm=norm)
    got = ngrams._unit_rows(indptr, indices, data, norm)
    assert got.dtype == expected.data.dtype and np.array_equal(got, expected.data)
    rows = np.repeat(np.arange(len(lengths)), lengths)
    assert np.array_equal(ngrams._unit_rows(indptr, indices, data, norm, rows), got)


def test_cue_block_equals_a_binary_count_vectorizer_of_cue_tokens(normalised):
    def cue_tokens(text: str) -> list[str]:
        return [token for token in text.split() if token.startswith("#")]

    ours = TokenNgrams(prefix="#", binary=True, use_idf=False, norm=None, dtype=np.float32).fit(normalised[:500])
    reference = CountVectorizer(analyzer=cue_tokens, binary=True, dtype=np.float32).fit(normalised[:500])
    assert list(ours.get_feature_names_out()) == list(reference.get_feature_names_out())
    assert all(name.startswith("#") for name in ours.get_feature_names_out())
    assert_same_matrix(reference.transform(normalised), ours.transform(normalised))


tokens = st.sampled_from(["a", "b", "c", "a_b", "#x", "#y", "zz", "ruactor", "d'e"])
documents = st.lists(st.lists(tokens, max_size=12).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(train=documents, test=documents, ngram_max=st.integers(1, 3), sublinear=st.booleans())
def test_token_ngrams_equal_tfidf_vectorizer_on_generated_documents(train, test, ngram_max, sublinear):
    ours = TokenNgrams(ngram_max=ngram_max, sublinear_tf=sublinear)
    reference = ours._reference()
    try:
        reference.fit(train)
    except ValueError:  # an empty vocabulary: both must refuse
        with pytest.raises(ValueError):
            ours.fit(train)
        return
    ours.fit(train)
    # N-grams must not run across documents: joining two test documents
    # would create ones the reference never counts.
    assert_same_matrix(reference.transform(test), ours.transform(test))


@settings(max_examples=300, deadline=None)
@given(
    document=st.lists(st.sampled_from(["#", "##", "a", "é", " ", "\t", "\n", "\x1c", "\u2003", "\xa0", "x#"])).map(
        "".join
    ),
    prefix=st.sampled_from(["#", "a#", "é"]),
)
def test_prefixed_token_scan_equals_splitting_and_filtering(document, prefix):
    assert _prefixed_tokens(prefix).findall(document) == _tokens(document, prefix)
    tokens = document.split()
    assert ngrams._prefixed(tokens, prefix) == [token for token in tokens if token.startswith(prefix)]


def test_token_ngrams_is_a_well_behaved_estimator(normalised):
    vectoriser = TokenNgrams(ngram_max=2, min_df=2)
    copy = clone(vectoriser)
    assert copy.get_params() == vectoriser.get_params()
    with pytest.raises(ValueError, match="string object received"):
        TokenNgrams().fit(normalised).transform("ruactor is ready")
    with pytest.raises(ValueError, match="ngram_max=1"):
        TokenNgrams(prefix="#", ngram_max=2).fit(normalised)
    with pytest.raises(Exception, match="not fitted"):
        TokenNgrams().transform(["a"])


text_strategy = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "Putin’s",
                "«Kyiv»",
                "2024",
                "—",
                "…",
                "İstanbul",
                "Путин",
                " ",
                "ẞ",
                "ﬁ",
                "\u00a0",
                "\u00ad",
                "\t",
                "Ｐ",
                "ʼ",
            ]
        )
    ).map("".join),
)


def plain_fold(text: str) -> str:
    """_fold's definition, written the slow way."""
    lookalikes = str.maketrans(features._LOOKALIKES)
    folded = unicodedata.normalize("NFKC", text.translate(lookalikes).lower())
    return " ".join(folded.translate(features._FOLD).split())


@settings(max_examples=300, deadline=None)
@given(text=text_strategy)
def test_fold_equals_the_plain_translation(text):
    assert features._fold(text) == plain_fold(text)


def test_fold_handles_each_typographic_character():
    text = "“A” „b“ «c» ‘d’ ‚e‘ f–g h—i j… 1939 and Путин 2"
    assert features._fold(text) == plain_fold(text)
    assert features._fold("Zelensky’s 1,500 troops") == "zelensky's 0,000 troops"


def test_classifying_leaves_the_garbage_collector_as_it_was(tiny_model):
    assert gc.isenabled()
    tiny_model.classify_statements(["Kyiv refused.", "Talks resumed."])
    assert gc.isenabled()
    gc.disable()
    try:
        tiny_model.classify_statements(["Kyiv refused."])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_is_restored_after_an_error_and_across_threads():
    with pytest.raises(RuntimeError):
        with _collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()
    # Two overlapping pauses: the collector comes back only after the last.
    first_inside, release_first = threading.Event(), threading.Event()

    def hold() -> None:
        with _collector_paused():
            first_inside.set()
            release_first.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    first_inside.wait(5)
    with _collector_paused():
        pass
    assert not gc.isenabled()  # the worker is still inside
    release_first.set()
    worker.join(5)
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("data_type", "dense_type"), [(np.float32, np.float32), (np.float64, np.float64), (np.float64, np.float32)]
)
@pytest.mark.parametrize("lengths", [[3], [0, 5], [4, 0, 7, 1, 2]])
def test_csr_product_is_scipys_operator_to_the_bit(data_type, dense_type, lengths, monkeypatch):
    rng = np.random.default_rng(7)
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = rng.integers(0, 50, size=indptr[-1]).astype(np.int32)
    data = rng.normal(size=indptr[-1]).astype(data_type)
    dense = rng.normal(scale=10, size=(50, 6)).astype(dense_type)
    expected = np.asarray(sp.csr_matrix((data, indices, indptr), shape=(len(lengths), 50)) @ dense)
    got = ngrams.csr_product(indptr, indices, data, dense)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    monkeypatch.setattr(ngrams, "csr_matvecs", None)  # a scipy without the loop: the operator
    assert np.array_equal(ngrams.csr_product(indptr, indices, data, dense), expected)


@pytest.mark.parametrize("ngram_max", [2, 3])
def test_no_ngram_runs_from_one_statement_into_the_next(ngram_max):
    # Each statement ends on a word that, with the next statement's first words, is a known n-gram; "zzz"
    # has the largest token id, whose digit carries into the one before when the end marker follows it.
    train = [
        "talks in geneva resumed on monday zzz",
        "zzz talks in geneva stalled again",
        "monday zzz talks in geneva",
        "the delegation left geneva zzz",
    ]
    vectoriser = TokenNgrams(ngram_max=ngram_max, sublinear_tf=True, dtype=np.float32).fit(train)
    assert vectoriser.table_.tokens[-1] == "zzz"
    statements = [
        "officials said talks in geneva zzz",
        "zzz talks",
        "in geneva monday",
        "",
        "zzz",
        "unheardof talks in geneva resumed",
        "zzz unheardof talks",
    ] * 20  # more than ngrams._FEW_TOKENS tokens: the numpy path
    assert sum(len(statement.split()) for statement in statements) > ngrams._FEW_TOKENS
    assert_same_matrix(vectoriser._reference().fit(train).transform(statements), vectoriser.transform(statements))


@pytest.mark.parametrize("ngram_max", [2, 3])
def test_statements_with_nothing_known_leave_empty_rows_in_a_numpy_sized_batch(ngram_max):
    # NgramTable._counts drops every token, marker and n-gram without a column in one filter and closes the
    # last run with a key above all: empty rows first, last and between, and a batch with nothing known.
    train = ["the envoy said talks could resume in geneva", "talks stalled after the envoy left geneva"]
    vectoriser = TokenNgrams(ngram_max=ngram_max, sublinear_tf=True, dtype=np.float32).fit(train)
    reference = vectoriser._reference().fit(train)
    unknown = "shelling overnight near the port " * 25  # "the" is the only known word
    batches = [
        ["", "envoy talks envoy talks geneva", "", unknown.replace("the ", ""), "the envoy said talks", ""],
        [unknown.replace("the ", "")] * 3,
        [unknown, "geneva geneva geneva talks could resume"],
    ]
    for statements in batches:
        assert sum(len(statement.split()) for statement in statements) > ngrams._FEW_TOKENS
        assert_same_matrix(reference.transform(statements), vectoriser.transform(statements))
