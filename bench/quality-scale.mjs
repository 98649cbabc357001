// Bench: validate/conversations + bias/conversations at 10k/100k(/1M) conversations (time, peak RSS), and the
// Banking77 half-vs-half realism ceiling. Usage: npx tsc -p tsconfig.json && node bench/quality-scale.mjs [sizes…]
// Env: BANKING77=path/to/train.csv (default ../shared/datasets/banking77/train.csv).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', p);
const { createRng } = await import(dist('util/rng.js'));

function ctxFor(params, inputDir, seed = 42) {
  const outDir = mkdtempSync(join(tmpdir(), 'genesis-bench-out-'));
  return {
    stepId: 'bench', pipelineName: 'bench', params, seed,
    inputs: inputDir ? [{ stepId: 'gen', uses: 'generate/conversations', dir: inputDir, files: ['conversations.jsonl'], outputHash: 'x' }] : [],
    outDir, pipelineDir: root, resolvePath: (p) => resolve(root, p),
    rng: (...l) => createRng(seed, 'step', ...l), log: { info() {}, warn() {} }, progress() {},
    signal: new AbortController().signal,
  };
}

const EN = 'card payment transfer account balance money app phone bank week yesterday today morning euros dollars pounds refund charge fee limit online shop store cash machine statement pending declined blocked new old virtual physical address name details number code pin password help please still again already never always since twice once'.split(' ');
const ES = 'tarjeta pago transferencia cuenta saldo dinero aplicación teléfono banco semana ayer hoy mañana euros dólares reembolso cargo comisión límite tienda efectivo cajero extracto pendiente rechazado bloqueada nueva vieja virtual física dirección nombre datos número código contraseña ayuda todavía nunca siempre'.split(' ');

async function writeConversations(path, n) {
  const { loadCatalogue } = await import(dist('metrics/catalogue.js'));
  const cat = loadCatalogue();
  const intents = cat ? cat.intents.map((name) => ({ name, category: cat.intentCategory.get(name.toLowerCase().replace(/[^a-z0-9_]/g, '')) })) : Array.from({ length: 77 }, (_, i) => ({ name: `intent_${i}`, category: 'other' }));
  const rng = createRng(1, 'bench-conversations');
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const it = intents[i % intents.length];
    const lang = rng.chance(0.5) ? 'en' : 'es';
    const W = lang === 'en' ? EN : ES;
    const ph = (k) => Array.from({ length: k }, () => rng.pick(W)).join(' ');
    const turns = [];
    const tc = 2 * rng.int(1, 3);
    for (let t = 0; t < tc; t++)
      turns.push(t % 2 === 0
        ? { speaker: 'customer', text: lang === 'en' ? `Hi, I have a problem with my ${ph(rng.int(3, 9))} and it is ${rng.int(1, 999)}?` : `Hola, tengo un problema con mi ${ph(rng.int(3, 9))} y es de ${rng.int(1, 999)}.` }
        : { speaker: 'agent', text: lang === 'en' ? `Thank you, I can see the ${ph(rng.int(4, 10))} and will ${ph(3)} for you.` : `Gracias, puedo ver la ${ph(rng.int(4, 10))} y voy a ${ph(3)} para usted.` });
    const c = { conversation_id: `c${i}`, intent: it.name, category: it.category, sentiment: rng.pick(['positive', 'neutral', 'negative']), complexity: rng.pick(['simple', 'medium', 'complex']), emotion_arc: 'stable', language: lang, turn_count: tc, resolution_status: rng.pick(['resolved', 'escalated']), turns };
    if (!out.write(JSON.stringify(c) + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function child(n) {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-bench-'));
  await writeConversations(join(dir, 'conversations.jsonl'), n);
  const validate = (await import(dist('steps/validate-conversations/index.js'))).default;
  const bias = (await import(dist('steps/bias-conversations/index.js'))).default;
  const rssBefore = process.resourceUsage().maxRSS;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = await validate.run(ctxFor({ sample_size: 500, compression_sample: 5000, near_duplicate_threshold: 0.9, weights: {}, gates: {} }, dir));
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  const b = await bias.run(ctxFor({ gates: {} }, dir));
  const t2 = performance.now();
  const c2 = process.cpuUsage(c0);
  const cpu = (c) => (c.user + c.system) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ n, validate_s: (t1 - t0) / 1000, bias_s: (t2 - t1) / 1000, validate_cpu_s: cpu(c1), bias_cpu_s: cpu(c2) - cpu(c1), load1: (await import('node:os')).loadavg()[0], peak_rss_mb: process.resourceUsage().maxRSS / 1024, rss_before_mb: rssBefore / 1024, validate: v.summary, bias: b.summary }));
}

async function ceiling() {
  const csv = process.env.BANKING77 ?? join(root, '..', 'shared', 'datasets', 'banking77', 'train.csv');
  if (!existsSync(csv)) return console.log(JSON.stringify({ ceiling: 'skipped: no Banking77 at ' + csv }));
  const { readCsv } = await import(dist('util/tabular.js'));
  const rows = createRng(3, 'split').shuffle(await readCsv(csv));
  const half = Math.floor(rows.length / 2);
  const dir = mkdtempSync(join(tmpdir(), 'genesis-ceiling-'));
  const q = (s) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(join(dir, 'reference.csv'), 'text,category\n' + rows.slice(half).map((r) => `${q(r.text)},${q(r.category)}`).join('\n') + '\n');
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'conversations.jsonl'), rows.slice(0, half).map((r, i) => JSON.stringify({ conversation_id: `b${i}`, intent: r.category, category: 'other', sentiment: 'neutral', complexity: 'simple', emotion_arc: 'stable', language: 'en', turn_count: 1, resolution_status: 'resolved', turns: [{ speaker: 'customer', text: r.text }] })).join('\n') + '\n');
  const validate = (await import(dist('steps/validate-conversations/index.js'))).default;
  const ctx = ctxFor({ reference: join(dir, 'reference.csv'), sample_size: 500, compression_sample: 5000, near_duplicate_threshold: 0.9, weights: {}, gates: {} }, join(dir, 'a'));
  await validate.run(ctx);
  const rep = JSON.parse(readFileSync(join(ctx.outDir, 'quality.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ ceiling: 'Banking77 half A vs half B', realism: rep.realism, diversity: { self_bleu: rep.diversity.self_bleu, distinct_1: rep.diversity.distinct_1, distinct_2: rep.diversity.distinct_2, distinct_3: rep.diversity.distinct_3, compression_ratio: rep.diversity.compression_ratio, duplicates: rep.diversity.duplicates.rate, near_duplicates: rep.diversity.near_duplicates.rate, score: rep.diversity.score } }));
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else if (process.argv[2] === '--ceiling') await ceiling();
else {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    process.stdout.write(r.stdout || r.stderr);
  }
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--ceiling'], { encoding: 'utf8' });
  process.stdout.write(r.stdout || r.stderr);
}
