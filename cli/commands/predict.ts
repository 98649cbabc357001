// `genesis predict <model.json> "text"… [--top N] [--json]`: top intents with probabilities from a trained classifier.
import { ExitCode, InputError } from '../../util/errors.js';
import { intOption, parse } from '../args.js';

const USAGE = 'genesis predict <model.json> "text" ["more text"…] [--top N] [--json]   (texts from stdin, one a line, when none given)';

export async function predictCommand(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const { values, positionals } = parse(argv, { top: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } }, USAGE);
  const [modelPath, ...given] = positionals;
  if (!modelPath) throw new InputError(`missing model file\nusage: ${USAGE}`);
  const top = intOption(values.top, 'top', 1) ?? 3;
  const { readTextClassifierFile } = await import('../../ml/model-file.js');
  const model = readTextClassifierFile(modelPath);
  const texts = given.length > 0 ? given : await readStdinLines();
  if (texts.length === 0) throw new InputError(`no texts to classify\nusage: ${USAGE}`);
  const { predictProba } = await import('../../ml/text-classifier.js');
  const results = predictProba(model, texts, top).map((ranked, i) => ({ text: texts[i] as string, top: ranked.map((r) => ({ label: r.label, p: Math.round(r.p * 1e4) / 1e4 })) }));
  if (values.json) {
    io.stdout(JSON.stringify(results));
    return ExitCode.ok;
  }
  for (const r of results) {
    io.stdout(r.text);
    for (const t of r.top) io.stdout(`  ${t.p.toFixed(3)}  ${t.label}`);
  }
  return ExitCode.ok;
}

async function readStdinLines(): Promise<string[]> {
  if (process.stdin.isTTY) return [];
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
