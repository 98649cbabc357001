# Writes the Banking77 splits the usefulness benches use, so a genesis pipeline can read them: held-out 20 % (seed 42),
# untouched 25 % of the other 80 % (seed 2015), and a real seed set of N per intent from the 60 % in neither.
import csv, sys, collections, random
from sklearn.model_selection import train_test_split

real_path, out_dir, n_seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
real = [(r['text'], r['category']) for r in csv.DictReader(open(real_path, newline='', encoding='utf-8'))]
rx, ry = [t for t, _ in real], [c for _, c in real]
# Same calls, same seeds as conversations-usefulness.py: the splits are identical.
rest_x, test_x, rest_y, test_y = train_test_split(rx, ry, test_size=0.2, stratify=ry, random_state=42)
_, un_x, _, un_y = train_test_split(rest_x, rest_y, test_size=0.25, stratify=rest_y, random_state=2015)
un_set = set(un_x)
pool = [(t, c) for t, c in zip(rest_x, rest_y) if t not in un_set]
random.Random(7).shuffle(pool)
by = collections.defaultdict(list)
for t, c in pool:
    if len(by[c]) < n_seed: by[c].append(t)
def write(name, rows):
    with open(f'{out_dir}/{name}', 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f); w.writerow(['text', 'category']); w.writerows(rows)
write('heldout.csv', zip(test_x, test_y))
write('untouched.csv', zip(un_x, un_y))
write('seed.csv', [(t, c) for c in sorted(by) for t in by[c]])
print(f'splits: held-out {len(test_x)}, untouched {len(un_x)}, seed {sum(len(v) for v in by.values())} ({n_seed}/intent, outside both)')
