async def is_healthy():
    return False


async def count():
    return 3


def test_vacuous_truth():
    # A coroutine object is truthy: this passes although is_healthy() returns False.
    assert is_healthy()  # error: ASL202


def test_vacuous_truth_with_message():
    assert is_healthy(), "service must be healthy"  # error: ASL202


def test_negation():
    assert not is_healthy()  # error: ASL202


def test_comparisons():
    assert count() == 3  # error: ASL202
    assert 3 == count()  # error: ASL202
    assert count() is not None  # error: ASL202


def test_comparison_spanning_lines():
    assert (
        count()  # error: ASL202
        >= 1
    )
