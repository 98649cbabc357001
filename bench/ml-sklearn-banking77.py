# Bench peer: scikit-learn TF-IDF (word 1-2 + char_wb 2-5, sublinear) + LogisticRegression(C=10), run to convergence.
# Usage: python3 bench/ml-sklearn-banking77.py train.csv split.json [max_iter] [--predict-10k]  (split.json: {"train": [...], "test": [...]})
# Without --predict-10k the process does only what `genesis run` does for the step (read, fit, score the test rows),
# so its wall time is the whole-process peer figure.
# No warning is silenced: a ConvergenceWarning is turned into an error, so a figure from an unconverged fit cannot be reported.
import json, resource, sys, time, warnings
import csv

from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline, make_union

warnings.simplefilter("error", ConvergenceWarning)
csv_path, split_path = sys.argv[1], sys.argv[2]
args = [a for a in sys.argv[3:] if not a.startswith("--")]
max_iter = int(args[0]) if args else 10000
predict_10k = "--predict-10k" in sys.argv
with open(csv_path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
texts = [r["text"] for r in rows]
labels = [r["category"] for r in rows]
split = json.load(open(split_path))
tr, te = split["train"], split["test"]
pipe = make_pipeline(
    make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    ),
    LogisticRegression(C=10, max_iter=max_iter),
)
t0 = time.perf_counter()
pipe.fit([texts[i] for i in tr], [labels[i] for i in tr])
train_s = time.perf_counter() - t0
test_texts = [texts[i] for i in te]
pred = pipe.predict(test_texts)
predict_s = None
if predict_10k:
    many = [test_texts[i % len(test_texts)] for i in range(10000)]
    t1 = time.perf_counter()
    pipe.predict(many)
    predict_s = round(time.perf_counter() - t1, 3)
y = [labels[i] for i in te]
lr = pipe.steps[-1][1]
print(json.dumps({
    "peer": "scikit-learn " + __import__("sklearn").__version__,
    "features": int(lr.coef_.shape[1]),
    "iterations": int(lr.n_iter_[0]),
    "max_iter": max_iter,
    "converged": int(lr.n_iter_[0]) < max_iter,
    "train_seconds": round(train_s, 2),
    "predict_10k_seconds": predict_s,
    "accuracy": round(accuracy_score(y, pred), 4),
    "macro_f1": round(f1_score(y, pred, average="macro"), 4),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000),
}))
