// Streams conversations once into bounded sketches and reports completeness, consistency, realism, diversity.
import { deflateSync } from 'node:zlib';
import type { Rng } from '../util/rng.js';
import { CHECKS, checkConversation, type Catalogue, type CheckName } from './conversation-checks.js';
import { DistinctN } from './distinct.js';
import { ExactDuplicates } from './duplicates.js';
import { jensenShannonCounts } from './divergence.js';
import { combine, hashString, key52 } from './hash32.js';
import { NearDuplicateIndex } from './minhash.js';
import { compareWithReference, type RealismReport } from './realism.js';
import { Reservoir } from './reservoir.js';
import { selfBleu } from './self-bleu.js';
import { tokenize } from './text.js';
import { normalizeIntent, TextProfileBuilder, type TextProfile } from './text-profile.js';

export interface QualityOptions {
  reference: TextProfile;
  /** Expected intent weights (normalised names compared); undefined → distribution not scored. */
  intentTargets?: Readonly<Record<string, number>>;
  catalogue?: Catalogue;
  rng: Rng;
  sampleSize: number;
  compressionSample: number;
  nearDuplicateThreshold: number;
}

export interface DiversityReport {
  score: number;
  distinct_1: number;
  distinct_2: number;
  distinct_3: number;
  /** True when a distinct-n count came from the HyperLogLog sketch (±~1 %). */
  distinct_estimated: boolean;
  self_bleu: number;
  self_bleu_sample: number;
  compression_ratio: number;
  compression_sample: number;
  duplicates: { documents: number; duplicates: number; rate: number };
  /** `capped`: (document, band) visits that compared with only the 16 most recent clusters of a bucket holding more. */
  near_duplicates: { documents: number; near_duplicates: number; rate: number; threshold: number; capped: number };
}

export interface ConversationQuality {
  documents: number;
  completeness: number;
  consistency: { score: number; checks: Record<string, { applied: number; failed: number; rate: number; examples: string[] }> };
  realism: RealismReport & { reference: string; language: string };
  diversity: DiversityReport;
  distribution_vs_target: { score: number | null; observed: Record<string, number> };
  /** Why a score is missing, per score that could not be measured (a gate on it fails with this reason). */
  unmeasured: Record<string, string>;
}

const MAX_EXAMPLES = 5;

export class ConversationQualityAccumulator {
  private documents = 0;
  private completenessSum = 0;
  private consistent = 0;
  private readonly checks = new Map<CheckName, { applied: number; failed: number; examples: string[] }>();
  private readonly profile: TextProfileBuilder;
  private readonly distinct = [new DistinctN(1), new DistinctN(2), new DistinctN(3)] as const;
  private readonly dups = new ExactDuplicates();
  private readonly near: NearDuplicateIndex;
  private readonly bleuSample: Reservoir<string[]>;
  private readonly zipSample: Reservoir<string>;
  private readonly intents: Record<string, number> = {};
  private readonly languages: Record<string, number> = {};
  private a = new Uint32Array(256);
  private b = new Uint32Array(256);
  private docA = new Uint32Array(1024);

  constructor(private readonly opts: QualityOptions) {
    this.profile = new TextProfileBuilder(new Set(Object.keys(opts.reference.vocabulary.top)));
    this.near = new NearDuplicateIndex(opts.nearDuplicateThreshold);
    this.bleuSample = new Reservoir(opts.sampleSize, opts.rng.fork('self-bleu'));
    this.zipSample = new Reservoir(opts.compressionSample, opts.rng.fork('compression'));
    for (const c of CHECKS) this.checks.set(c, { applied: 0, failed: 0, examples: [] });
  }

  add(c: Record<string, unknown>): void {
    this.documents++;
    const id = typeof c.conversation_id === 'string' ? c.conversation_id : `#${this.documents}`;
    const res = checkConversation(c, this.opts.catalogue);
    this.completenessSum += res.completeness;
    if (res.failed.length === 0) this.consistent++;
    for (const name of res.applied) (this.checks.get(name) as { applied: number }).applied++;
    for (const name of res.failed) {
      const s = this.checks.get(name) as { failed: number; examples: string[] };
      s.failed++;
      if (s.examples.length < MAX_EXAMPLES) s.examples.push(id);
    }
    const intent = typeof c.intent === 'string' ? normalizeIntent(c.intent) : '';
    this.intents[intent] = (this.intents[intent] ?? 0) + 1;

    const turns = Array.isArray(c.turns) ? (c.turns as Array<{ speaker?: unknown; text?: unknown }>) : [];
    const customer: Array<{ text: string; tokens: string[] }> = [];
    const allTokens: string[] = [];
    let docLen = 0;
    let exact = 0x12345;
    let exact2 = 0x6789;
    for (const t of turns) {
      const text = typeof t.text === 'string' ? t.text : '';
      const tokens = tokenize(text);
      if (t.speaker === 'customer') customer.push({ text, tokens });
      if (tokens.length > this.a.length) ((this.a = new Uint32Array(tokens.length * 2)), (this.b = new Uint32Array(tokens.length * 2)));
      if (docLen + tokens.length > this.docA.length) {
        const next = new Uint32Array((docLen + tokens.length) * 2);
        next.set(this.docA.subarray(0, docLen));
        this.docA = next;
      }
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i] as string;
        const h1 = hashString(tok, 0);
        const h2 = hashString(tok, 0x2545f491);
        this.a[i] = h1;
        this.b[i] = h2;
        this.docA[docLen++] = h1;
        exact = combine(exact, h1);
        exact2 = combine(exact2, h2);
        allTokens.push(tok);
      }
      // Turn boundaries and speakers are part of a conversation's identity.
      exact = combine(exact, t.speaker === 'agent' ? 1 : 2);
      exact2 = combine(exact2, t.speaker === 'agent' ? 3 : 4);
      for (const d of this.distinct) d.addText(this.a, this.b, tokens.length);
    }
    this.dups.add(key52(exact, exact2));
    this.near.add(this.docA, docLen);
    this.bleuSample.offer(() => allTokens);
    this.zipSample.offer(() => turns.map((t) => (typeof t.text === 'string' ? t.text : '')).join('\n'));
    const lang = c.language === 'es' ? 'es' : 'en';
    this.languages[lang] = (this.languages[lang] ?? 0) + 1;
    if (lang === this.opts.reference.language) this.profile.add(intent, customer, lang);
  }

  finish(): ConversationQuality {
    const n = this.documents;
    const checks: ConversationQuality['consistency']['checks'] = {};
    for (const [name, s] of this.checks) checks[name] = { ...s, rate: s.applied === 0 ? 0 : s.failed / s.applied };
    const bleu = selfBleu(this.bleuSample.items);
    const zipText = Buffer.from(this.zipSample.items.join('\n'), 'utf8');
    const compression = zipText.length === 0 ? 0 : deflateSync(zipText, { level: 6 }).length / zipText.length;
    const dups = this.dups.rate();
    const near = this.near.result();
    const realism = compareWithReference(this.opts.reference, this.profile);
    const targets = this.opts.intentTargets;
    let distribution: number | null = null;
    if (targets && Object.keys(targets).length > 0) {
      const t: Record<string, number> = {};
      for (const [k, v] of Object.entries(targets)) t[normalizeIntent(k)] = (t[normalizeIntent(k)] ?? 0) + v;
      distribution = n === 0 ? 0 : 1 - jensenShannonCounts(t, this.intents);
    }
    const unmeasured: Record<string, string> = {};
    if (realism.compared_documents === 0) {
      const langs = Object.keys(this.languages).sort().map((l) => `${l} ${this.languages[l]}`).join(', ');
      unmeasured.realism = `no conversation in the reference's language (${this.opts.reference.language}); the dataset's ${n} conversations: ${langs || 'none'}`;
    }
    if (distribution === null) unmeasured.distribution = 'no intent targets (no `targets.intent`, generation.json targets or intent catalogue)';
    return {
      documents: n,
      completeness: n === 0 ? 0 : this.completenessSum / n,
      consistency: { score: n === 0 ? 0 : this.consistent / n, checks },
      realism: { ...realism, reference: this.opts.reference.source, language: this.opts.reference.language },
      diversity: {
        score: n === 0 ? 0 : ((1 - bleu) + (1 - near.rate)) / 2,
        distinct_1: this.distinct[0].value(),
        distinct_2: this.distinct[1].value(),
        distinct_3: this.distinct[2].value(),
        distinct_estimated: this.distinct.some((d) => d.counter.estimated),
        self_bleu: bleu,
        self_bleu_sample: this.bleuSample.items.length,
        compression_ratio: compression,
        compression_sample: this.zipSample.items.length,
        duplicates: dups,
        near_duplicates: { documents: near.documents, near_duplicates: near.near_duplicates, rate: near.rate, threshold: this.opts.nearDuplicateThreshold, capped: near.capped },
      },
      distribution_vs_target: { score: distribution, observed: Object.fromEntries(Object.keys(this.intents).sort().map((k) => [k, this.intents[k] as number])) },
      unmeasured,
    };
  }
}

export const DEFAULT_WEIGHTS = { completeness: 0.2, consistency: 0.25, realism: 0.2, diversity: 0.2, distribution: 0.15 } as const;

/** Weighted mean of the parts that could be measured (weights renormalised over them). */
export function overallScore(parts: Readonly<Record<string, number | null>>, weights: Readonly<Record<string, number>>): number {
  let s = 0;
  let w = 0;
  for (const [k, v] of Object.entries(parts)) {
    const wk = weights[k] ?? 0;
    if (v === null || wk <= 0) continue;
    s += wk * v;
    w += wk;
  }
  return w === 0 ? 0 : s / w;
}
