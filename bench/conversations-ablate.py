# Generator ablation helper: fits conversations-usefulness.py's TF-IDF + LR on each variant's synthetic first turns and
# scores the held-out 20 % of Banking77 (seed 42) only. The untouched split (seed 2015) is never scored: it is only
# cut out of the "pool" (the 60 % in neither test split) whose kind mix and shape the variants may be matched to.
# Usage: python3 conversations-ablate.py REAL_CSV --pool OUT.csv            (writes the pool's texts, then exits)
#        python3 conversations-ablate.py REAL_CSV [--jobs N] name=synthetic.csv ...
import csv, sys, time
from multiprocessing import Pool
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline, make_union
from sklearn.metrics import accuracy_score, f1_score

read = lambda p: [(r['text'], r['category']) for r in csv.DictReader(open(p, newline='', encoding='utf-8'))]
real = read(sys.argv[1])
rx, ry = [t for t, _ in real], [c for _, c in real]
# Same calls, same seeds as conversations-usefulness.py and conversations-splits.py: the splits are identical.
rest_x, test_x, rest_y, test_y = train_test_split(rx, ry, test_size=0.2, stratify=ry, random_state=42)

if '--pool' in sys.argv:
    _, un_x, _, _ = train_test_split(rest_x, rest_y, test_size=0.25, stratify=rest_y, random_state=2015)
    un_set = set(un_x)
    with open(sys.argv[sys.argv.index('--pool') + 1], 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f); w.writerow(['text', 'category'])
        w.writerows((t, c) for t, c in zip(rest_x, rest_y) if t not in un_set)
    sys.exit(0)

def model():
    # conversations-usefulness.py's model, unchanged: only the training text varies between rows.
    feats = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                       TfidfVectorizer(analyzer='char_wb', ngram_range=(3, 5), sublinear_tf=True, min_df=2))
    return make_pipeline(feats, LogisticRegression(max_iter=2000, C=10))

def score(job):
    name, path = job
    syn = read(path)
    t0 = time.time()
    pred = model().fit([t for t, _ in syn], [c for _, c in syn]).predict(test_x)
    return name, len(syn), accuracy_score(test_y, pred), f1_score(test_y, pred, average='macro'), time.time() - t0

jobs_n = int(sys.argv[sys.argv.index('--jobs') + 1]) if '--jobs' in sys.argv else 1
skip = {sys.argv.index('--jobs'), sys.argv.index('--jobs') + 1} if '--jobs' in sys.argv else set()
jobs = [tuple(a.split('=', 1)) for i, a in enumerate(sys.argv[2:], 2) if i not in skip]
with Pool(jobs_n) as p:
    # One line per variant as soon as it is fitted (the node side parses "ablate\t…" lines).
    for name, n, acc, f1, secs in p.imap(score, jobs):
        print(f'ablate\t{name}\t{n}\t{acc:.4f}\t{f1:.4f}\t{secs:.0f}', flush=True)
