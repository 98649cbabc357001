// `genesis predict <model.json> "text"… [--top N] [--json]`: top intents with probabilities from a trained classifier.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExitCode } from '../../util/errors.js';

const USAGE = 'genesis predict <model.json> "text" ["more text"…] [--top N] [--json]   (texts from stdin, one a line, when none given)';

export async function predictCommand(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { top: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.stderr(`error: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}\nusage: ${USAGE}`);
    return ExitCode.usage;
  }
  if (parsed.values.help) {
    io.stdout(`usage: ${USAGE}`);
    return ExitCode.ok;
  }
  const [modelPath, ...given] = parsed.positionals;
  const top = Number(parsed.values.top);
  if (!modelPath) {
    io.stderr(`error: missing model file\nusage: ${USAGE}`);
    return ExitCode.usage;
  }
  if (!Number.isInteger(top) || top < 1) {
    io.stderr(`error: --top must be an integer ≥ 1, not "${parsed.values.top}"`);
    return ExitCode.usage;
  }
  let text: string;
  try {
    text = readFileSync(modelPath, 'utf8');
  } catch (e) {
    io.stderr(`error: cannot read model file ${modelPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return ExitCode.usage;
  }
  const { deserializeTextClassifier } = await import('../../ml/model-file.js');
  let model;
  try {
    model = deserializeTextClassifier(text);
  } catch (e) {
    io.stderr(`error: ${modelPath} is not a valid genesis classifier model: ${(e as Error).message}`);
    return ExitCode.usage;
  }
  const texts = given.length > 0 ? given : await readStdinLines();
  if (texts.length === 0) {
    io.stderr(`error: no texts to classify\nusage: ${USAGE}`);
    return ExitCode.usage;
  }
  const { predictProba } = await import('../../ml/text-classifier.js');
  const results = predictProba(model, texts, top).map((ranked, i) => ({ text: texts[i] as string, top: ranked.map((r) => ({ label: r.label, p: Math.round(r.p * 1e4) / 1e4 })) }));
  if (parsed.values.json) {
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
