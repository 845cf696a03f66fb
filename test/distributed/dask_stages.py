"""The CLI's map, join and merge stages under a real Dask Distributed cluster (a scheduler and
two worker processes on this machine): `reuse --fingerprints` / `--align` with the grouping by
fingerprint done by Dask, and `events --stage shards|cluster|merge` with the grouping by shard
done by Dask. Each staged result must equal the single-process command's, line for line.

Usage: python3 dask_stages.py CLI_JS WORK_DIR RESULT_JSON
"""
import itertools
import json
import os
import random
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster

# A groupby in Dask (and a partitionBy in PySpark) sends a key to the worker its hash names; str
# hashes differ between processes unless the seed is fixed, and a shard's lines would then be
# split between two groups. The workers inherit this process's environment.
if os.environ.get('PYTHONHASHSEED') != '0':
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, 'PYTHONHASHSEED': '0'})

CLI, WORK, RESULT = sys.argv[1], sys.argv[2], sys.argv[3]
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'eval', 'events')


def pipe(args):
    """A bag partition through one CLI stage: JSON lines in on stdin, JSON lines out."""
    def run(lines):
        lines = list(lines)
        if not lines:
            return []
        done = subprocess.run(['node', CLI, *args], input='\n'.join(lines) + '\n', capture_output=True, text=True)
        if done.returncode != 0 or done.stderr:
            raise RuntimeError(f"corpus-lens {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
        # Lines end at \n only: str.splitlines() would also cut at U+2028 or U+0085 inside a text.
        return [l for l in done.stdout.split('\n') if l]
    return run


def corpus_of_copies(n):
    """Articles of three paragraphs of one evaluation report and one of another (as the unit test builds them)."""
    reports = []
    with open(os.path.join(SHARED, 'giveme5w1h-news-cluster.jsonl')) as f:
        for line in f:
            paras = [p for p in json.loads(line)['text'].split('\n') if len(p.split(' ')) > 8]
            if len(paras) >= 6:
                reports.append(paras)
    rng = random.Random(7)
    out = []
    for k in range(n):
        r = rng.choice(reports)
        at = rng.randrange(len(r) - 3)
        other = rng.choice(reports)
        paras = r[at:at + 3] + [rng.choice(other)]
        out.append((f'a{k:04d}.txt', f'Headline number {k}\n\n' + '\n\n'.join(paras) + '\n'))
    return out


def check(name, staged, single):
    ok = sorted(staged) == sorted(single) and len(single) > 0
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {len(staged)} staged lines, {len(single)} single-process lines", flush=True)
    if not ok:
        only_staged = sorted(set(staged) - set(single))[:3]
        only_single = sorted(set(single) - set(staged))[:3]
        print(f'     only staged: {only_staged}\n     only single: {only_single}', flush=True)
    return ok


def reuse_under_dask(client):
    folder = os.path.join(WORK, 'reuse-corpus')
    os.makedirs(folder, exist_ok=True)
    records = []
    for name, text in corpus_of_copies(1000):
        path = os.path.join(folder, name)
        with open(path, 'w') as f:
            f.write(text)
        records.append({'id': path, 'text': text})
    single = subprocess.run(['node', CLI, 'reuse', *[os.path.join(folder, n) for n in sorted(os.listdir(folder))]], capture_output=True, text=True, check=True).stdout.splitlines()

    articles = db.from_sequence([json.dumps(r) for r in records], npartitions=4)
    prints = articles.map_partitions(pipe(['reuse', '--fingerprints'])).map(json.loads)
    postings = prints.map(lambda r: [(f, r['id']) for f in r['fingerprints']]).flatten().groupby(lambda kv: kv[0])
    pair_counts = (postings.map(lambda kv: sorted({i for _, i in kv[1]}))
                   .filter(lambda ids: 2 <= len(ids) <= 200)
                   .map(lambda ids: list(itertools.combinations(ids, 2))).flatten()
                   .frequencies())
    by_id = {r['id']: r for r in records}
    candidates = (pair_counts.filter(lambda pc: pc[1] >= 2)
                  .map(lambda pc: json.dumps({'a': by_id[pc[0][0]], 'b': by_id[pc[0][1]]}))
                  .repartition(4))
    staged = candidates.map_partitions(pipe(['reuse', '--align'])).compute()
    return check('reuse over 1,000 articles: fingerprints, a groupby on the fingerprint in Dask, align', staged, single)


def events_under_dask(client):
    lines = []
    for name in ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl']:
        with open(os.path.join(SHARED, name)) as f:
            lines += [l.strip() for l in f if l.strip()]
    # The stages join articles by id; BASIL has four records with the id "empty".
    seen, unique = set(), []
    for l in lines:
        key = json.loads(l).get('id', json.loads(l).get('uuid'))
        if key not in seen:
            seen.add(key)
            unique.append(l)
    lines = unique
    path = os.path.join(WORK, 'events.jsonl')
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    single = subprocess.run(['node', CLI, 'events', '--window', '365', path], capture_output=True, text=True, check=True).stdout.splitlines()
    articles = db.from_sequence(lines, npartitions=4)
    shard_lines = articles.map_partitions(pipe(['events', '--window', '365', '--stage', 'shards']))
    shard_events = (shard_lines.groupby(lambda l: json.loads(l)['shard'])
                    .map(lambda kv: pipe(['events', '--stage', 'cluster'])(kv[1])).flatten())
    merged = pipe(['events', '--stage', 'merge'])(shard_events.compute())
    return check('events in 365-day windows over 680 articles: shards, a groupby on the shard in Dask, cluster, merge', merged, single)


def main():
    os.makedirs(WORK, exist_ok=True)
    results = {'passed': 0, 'failed': 0}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        print(f"Dask scheduler {cluster.scheduler_address}, workers: {len(client.scheduler_info()['workers'])}", flush=True)
        db_config = {'scheduler': client}
        import dask
        with dask.config.set(**db_config):
            for test in (reuse_under_dask, events_under_dask):
                try:
                    ok = test(client)
                except Exception as e:  # a stage that fails is a failed test, not a crash of the phase
                    print(f'FAIL {test.__name__}: {e}', flush=True)
                    ok = False
                results['passed' if ok else 'failed'] += 1
    with open(RESULT, 'w') as f:
        json.dump(results, f)
    print(f"distributed: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results['failed'] else 0)


if __name__ == '__main__':
    main()
