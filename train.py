"""Retrain the model from labels/ and print its held-out evaluation.

    python train.py            # training split (+ written examples), saved as the shipped model
    python train.py --all      # refit on every label; figures still from the training-split model
    python train.py --furniture  # refit the learned furniture filter (stanceclf/models/furniture.npz)
                                 # from the gold pages of benchmarks/pages, labels/ and corpus/

Same as `stanceclf train`; see `python train.py --help`.
"""

import sys

from stanceclf.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["train", *sys.argv[1:]]))
