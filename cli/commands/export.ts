// `genesis export <name>[@version] --to DIR`: a registered dataset in the Hugging Face layout, optionally pushed to the Hub.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { intOption, parse } from '../args.js';
import type { Io } from '../io.js';
import { show } from '../find-state.js';
import { openState, resolveRef } from './registry.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { packageVersion } from '../../util/code-versions.js';

const USAGE = 'genesis export <name>[@version] --to DIR [--format parquet|jsonl] [--split train=0.9,test=0.1] [--seed N] [--license ID] [--push REPO] [--pipeline FILE | --state-dir DIR]';
const FORMATS = ['parquet', 'jsonl'] as const;
// What an earlier export left in DIR: replaced by a new export; anything else there means DIR is not ours to replace.
const OURS = new Set(['README.md', 'data']);

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      to: { type: 'string' },
      format: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      license: { type: 'string' },
      push: { type: 'string' },
      json: { type: 'boolean' },
      'state-dir': { type: 'string' },
      pipeline: { type: 'string' },
    },
    USAGE,
  );
  const [ref, ...extra] = positionals;
  if (ref === undefined) throw new InputError(`missing dataset name\nusage: ${USAGE}`);
  if (extra.length) throw new InputError(`unexpected argument "${extra[0]}"\nusage: ${USAGE}`);
  if (!values.to) throw new InputError(`missing --to DIR (the folder to write the export into)\nusage: ${USAGE}`);
  const format = values.format ?? 'parquet';
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`--format must be parquet or jsonl, not "${format}"${didYouMean(format, [...FORMATS])}\nusage: ${USAGE}`);
  const { parseSplits, DEFAULT_SPLITS } = await import('../../steps/export-huggingface/split.js');
  const parsed = values.split === undefined ? { splits: [...DEFAULT_SPLITS] } : parseSplits(values.split);
  if ('problem' in parsed) throw new InputError(`--split: ${parsed.problem}\nusage: ${USAGE}`);
  const seed = intOption(values.seed, 'seed', 0);
  const { checkPush, pushToHub, DEFAULT_HUB } = await import('../../steps/export-huggingface/push.js');
  // A push that cannot happen (no token, a malformed repo id) is said before anything is read or written.
  if (values.push !== undefined) checkPush(values.push, process.env.HF_TOKEN);

  const to = resolve(values.to);
  if (existsSync(to)) {
    const foreign = readdirSync(to).filter((f) => !OURS.has(f));
    if (foreign.length) throw new InputError(`--to ${values.to}: the folder holds files an export did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose an empty or new folder`);
  }

  const { db, dir } = await openState(values, io);
  try {
    const d = resolveRef(db, ref, dir);
    const { exportRegistered } = await import('../../steps/export-huggingface/source.js');
    // Written beside DIR and moved into place, so an interrupted export never leaves half a dataset where one was.
    mkdirSync(dirname(to), { recursive: true });
    const tmp = join(dirname(to), `.${basename(to)}.export-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    let result;
    try {
      // Records are read (and checked) before anything in DIR is touched.
      result = exportRegistered(db!, dir, d, tmp, { splits: parsed.splits, seed, format: format as (typeof FORMATS)[number], license: values.license ?? 'mit', genesisVersion: packageVersion() });
      mkdirSync(to, { recursive: true });
      for (const f of OURS) rmSync(join(to, f), { recursive: true, force: true });
      for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(to, f));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const summary = result.splits.map((s) => `${s.name} ${s.count}`).join(', ');
    let pushed: { commitUrl: string; created: boolean } | undefined;
    if (values.push !== undefined) {
      pushed = await pushToHub({
        repo: values.push,
        dir: to,
        files: result.files,
        token: process.env.HF_TOKEN,
        hubUrl: process.env.HF_ENDPOINT || DEFAULT_HUB,
        title: `genesis export ${d.name}@${d.version}`,
        log: (m) => io.stderr(`genesis: ${m}`),
      });
    }
    if (values.json) io.stdout(JSON.stringify({ dataset: `${d.name}@${d.version}`, to, format, splits: result.splits.map(({ name, count }) => ({ name, count })), files: result.files, ...(pushed ? { pushed: { repo: values.push, ...pushed } } : {}) }, null, 2));
    else {
      io.stdout(`exported ${d.name}@${d.version} to ${show(to)}: ${summary} (${format}; ${result.files.join(', ')})`);
      if (pushed) io.stdout(`pushed to ${values.push}: ${pushed.commitUrl}`);
    }
    return 0;
  } finally {
    db?.close();
  }
}
