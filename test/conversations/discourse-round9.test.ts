// Round 9 of the discourse layer (issue 15, blind review 2026-12-08 and the pre-reviews of seeds 301/302): labels the
// words carry, resolution labels the turns carry, and canned lines only where they mean something. Every rule is
// asserted over thousands of drawn conversations and fails on the generator before round 9 (2ea5013).
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { expansionsIn } from './register-expansions.js';
import type { Conversation, Turn } from '../../util/records.js';
import { PRAISE } from '../../util/sentiment-lexicon.js';
import { NEGATIVE_CUE, negativeLabelUnsaid } from '../../metrics/coherence/negative-label.js';
import { escalationUnsaid } from '../../metrics/coherence/escalation.js';
import { agentRequestDropped, cannedLineUnfounded } from '../../metrics/coherence/canned-lines.js';
import { reportsTrouble } from '../../providers/offline/conversations/acts.js';
import { grammar } from '../../providers/offline/conversations/grammar.js';
import { TU, USTED } from '../../metrics/coherence/register.js';

const many = generateClean(3000, 909);
const lang = (c: Conversation): 'en' | 'es' => c.language as 'en' | 'es';
const show = (c: Conversation): string => `[${c.sentiment}/${c.resolution_status}] ` + c.turns.map((t) => `${t.speaker[0]}: ${t.text}`).join(' | ');
const agentTurns = (c: Conversation): Turn[] => c.turns.filter((t) => t.speaker === 'agent');
const first = (c: Conversation): string => c.turns[0]?.text ?? '';
/** Intents whose story is something gone wrong (a declined card, a fee charged), not a how-to question. */
const problem = (c: Conversation): boolean => grammar().problem.has(c.intent);

describe('offline conversations: round 9 of the discourse layer', () => {
  it('a positive label on a first message that reports trouble praises in the customer\'s own first words (#11, #41, #75)', () => {
    const complaints = many.filter((c) => c.sentiment === 'positive' && problem(c) && reportsTrouble(first(c), lang(c)));
    expect(complaints.length).toBeGreaterThan(50);
    expect(complaints.filter((c) => !PRAISE[lang(c)].test(first(c))).map(show)).toEqual([]);
  });

  it('a negative label has a negative cue in the customer\'s first message (#55: a plain question labelled negative)', () => {
    const negatives = many.filter((c) => c.sentiment === 'negative');
    expect(negatives.length).toBeGreaterThan(300);
    // Without a follow-up (whose lead carries a cue of its own) the first message is all the customer writes.
    expect(negatives.filter((c) => !c.turns.some((t, i) => i > 1 && t.speaker === 'customer') && !NEGATIVE_CUE[lang(c)].test(first(c))).map(show)).toEqual([]);
    expect(negatives.filter((c) => negativeLabelUnsaid(c.turns, c.language, c.sentiment) !== undefined).map(show)).toEqual([]);
  });

  it('"escalated" only where an agent turn escalates (#31, #56)', () => {
    expect(many.filter((c) => escalationUnsaid(c.turns, c.resolution_status) !== undefined).map(show)).toEqual([]);
  });

  it('"resolved" never leaves a request for data unanswered; a request ends the chat waiting (pending) (#95)', () => {
    const asks = /(?:^|[.!?;:]\s+)(?:please |por favor,? )?(?:share|send us|upload|tell me|comparte|comparta|compártal[oa]|envíanos|envíenos|dime|dígame)(?!\p{L})/iu;
    const bad = many.filter((c) => c.resolution_status === 'resolved' && c.turns.some((t, i) => t.speaker === 'agent' && asks.test(t.text) && !/^\S*\d/u.test(c.turns[i + 1]?.text ?? 'x') && !/\d/u.test(c.turns[i + 1]?.text ?? '')));
    expect(bad.map(show)).toEqual([]);
    // And rarely a follow-up right after the agent asked for something (#52): only where the intent's answer to what
    // the customer said always asks ("Dime con qué banco está", category data), 5 of 3,000 after round 9.
    const dropped = many.filter((c) => agentRequestDropped(c.turns) !== undefined);
    expect(dropped.length, dropped.map((c) => agentRequestDropped(c.turns)).join('\n')).toBeLessThanOrEqual(8);
  });

  it('canned lines only where they mean something: no "let me explain" before an action, "makes sense" after a redirect, a repair before a new question, "Stay safe" after a fee question', () => {
    expect(many.map((c) => cannedLineUnfounded(c.turns)).filter((p) => p !== undefined)).toEqual([]);
  });

  it('"If anything changes…" only where something can change: a problem reported, a wait, something under way (#2, #30)', () => {
    const changes = /if anything changes|si algo cambia/iu;
    const waits = /\d+(?:[–-]\d+)? (?:working |business )?(?:days?|hours?|weeks?|días|horas|semanas)|(?<!\d )(?:a|one) (?:working |business )?day|a few (?:days|hours)|unos días|unas horas|can take|puede tardar|hábil|pending|pendiente|as soon as|on its way|once it|en cuanto|en camino|cuando (?:llegue|esté)|i've|we've|ya \p{L}+é|he \p{L}+ado/iu;
    const bad = many.filter((c) => {
      const at = c.turns.findIndex((t) => t.speaker === 'agent' && changes.test(t.text));
      // "I haven't received money here before" reads as a report to the rule too: those words are left out.
      return at >= 0 && !problem(c) && !reportsTrouble(first(c), lang(c)) && !/have not|has not|never|nunca|no he/iu.test(first(c)) && !waits.test(c.turns.slice(0, at + 1).map((t) => t.text).join(' '));
    });
    expect(bad.map(show)).toEqual([]);
  });

  it('a complaint, a worry or a negative label is acknowledged in the first reply, never one cold answer (#64, #98; 302 #7, #11, #36)', () => {
    const ack = /(sorry|apologi[sz]e|understand|right place|i'll help|thanks|thank you|i can help|happy to|let's|let me|no worries|don't worry|no problem|of course|lamento|siento|disculp\p{L}*|entiendo|gracias|con gusto|te ayudo|le ayudo|vamos a|encantad[oa]s|qué amable|qué gusto|no te preocupes|no se preocupe|tranquil[oa]|déjame|permítame|lo reviso|lo resolvemos|te explico|le explico|claro|por supuesto)/iu;
    const worried = /worr|nervous|scared|anxious|urgent|preocup|nervios|miedo|urgente/iu;
    // A negative label whose cue comes later (a follow-up's "Seriously?") owes nothing to a calm first question.
    const owed = many.filter((c) => (c.sentiment === 'negative' && NEGATIVE_CUE[lang(c)].test(first(c))) || worried.test(first(c)) || (problem(c) && reportsTrouble(first(c), lang(c))));
    expect(owed.length).toBeGreaterThan(500);
    expect(owed.filter((c) => c.turns[1]?.speaker === 'agent' && !ack.test(c.turns[1].text)).map(show)).toEqual([]);
    // A negative customer's words (a complaint, a worry) get sympathy, not only "thanks for getting in touch".
    const sympathy = /(sorry|apologi[sz]e|understand|don't worry|lamento|siento|disculp\p{L}*|entiendo|inconveniente|no te preocupes|no se preocupe|tranquil[oa])/iu;
    const upset = many.filter((c) => c.sentiment === 'negative' && NEGATIVE_CUE[lang(c)].test(first(c)) && c.turns[1]?.speaker === 'agent' && !/\?\s*$/u.test(c.turns[1].text));
    // And no sympathy for a feeling nobody wrote: "Tienes toda la razón en estar molesto" to a calm question.
    const calm = many.filter((c) => c.sentiment !== 'positive' && !NEGATIVE_CUE[lang(c)].test(first(c)) && !/confus|lost|confund|perdid/iu.test(first(c)) && c.turns[1]?.speaker === 'agent');
    expect(calm.length).toBeGreaterThan(300);
    expect(calm.filter((c) => /razón en estar molest|right to be (?:annoyed|upset|frustrated)|understand your frustration|entiendo (?:tu|su) molestia/iu.test(c.turns[1]?.text ?? '')).map(show)).toEqual([]);
    expect(upset.filter((c) => !sympathy.test(c.turns[1]?.text ?? '')).map(show)).toEqual([]);
  });

  it('the agent\'s last words to a customer who ends displeased acknowledge it (301 #70, #78; 302: a curt "Okay.")', () => {
    const displeased = /annoying|not convinced|not impressed|expected better|not happy|sin estar convencid|molest|no me hace gracia|esperaba más|no estoy nada content|más clar/iu;
    const acknowledges = /(understand|sorry|lamento|siento|entiendo|hear you)/iu;
    const ends = many.filter((c) => c.turns.length >= 4 && c.turns[c.turns.length - 1]?.speaker === 'agent' && displeased.test(c.turns[c.turns.length - 2]?.text ?? ''));
    expect(ends.length).toBeGreaterThan(20);
    expect(ends.filter((c) => !acknowledges.test(c.turns[c.turns.length - 1]?.text ?? '')).map(show)).toEqual([]);
  });

  it('outsized praise in the closing only after the agent did something to earn it, not a fee justified or Premium offered (#75)', () => {
    const outsized = /this is why I love|best (support|customer service)|por cosas así|me encanta la app|da gusto que atiendan/iu;
    const cost = /fee|premium|metal|comisión|tarifa|%/iu;
    const free = /free|no charge|no fee|costs? nothing|gratis|sin coste|sin costo|sin comisión/iu;
    const bad = many.filter((c) => {
      const at = c.turns.findIndex((t, i) => i > 0 && t.speaker === 'customer' && outsized.test(t.text));
      const before = c.turns[at - 1]?.text ?? '';
      return at > 0 && cost.test(before) && !free.test(before);
    });
    expect(bad.map(show)).toEqual([]);
  });

  it('no greeting that names the team right before the message names it again ("Hey team, your team…", #37)', () => {
    expect(many.filter((c) => /^(hey team|hola equipo)\b.*(team|equipo)/iu.test(first(c).replace(/^(hey team|hola equipo)/iu, (m) => m + ' ')) && /(team|equipo)/iu.test(first(c).replace(/^(hey team|hola equipo)/iu, ''))).map(show)).toEqual([]);
  });

  it('every Spanish template in common.json and the paraphrase sets keeps one register in each expansion', () => {
    const bad = expansionsIn('es').filter(({ register, text }) => (register === 1 ? TU : USTED).test(text));
    expect(bad.map(({ where, register, text }) => `${where} [${register === 1 ? 'usted' : 'tú'}] ${text}`)).toEqual([]);
  });
});
