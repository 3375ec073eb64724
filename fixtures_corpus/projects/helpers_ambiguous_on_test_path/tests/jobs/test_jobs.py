from helpers import seed


def test_seed_again():
    seed(2)
