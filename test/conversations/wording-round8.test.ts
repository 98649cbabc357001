// Grammar round 8 (issue 15): constructions no English template may write in any of its expansions, checked over the
// whole grammar. "[Why was|Why did] my transfer [get |]declined" wrote "Why was my transfer get declined" and "Why did
// my transfer declined"; "[Is it possible|Can I] to re-link" wrote "Can I to re-link" (found reading round 8).
import { describe, expect, it } from 'vitest';
import { compileTemplate, expansions, grammarTemplates } from './expansions.js';

const english = grammarTemplates('en').flatMap(({ where, source }) => expansions(compileTemplate(source)).map((text) => ({ where, text })));

describe('offline grammar: no English template writes a broken construction', () => {
  it('reads the whole grammar', () => {
    expect(english.length).toBeGreaterThan(5_000);
  });

  it.each([
    ['"did my transfer declined" (did + past participle)', /\b(did|does|do) (my|the|your|this) (\w+ )?(declined|failed|rejected|reverted|blocked|stopped|worked)\b/iu],
    ['"was my transfer get declined"', /\b(was|is|were) (my|the|this) \w+ (get|go|work|arrive|fail|come)\b/iu],
    ['"Can I to …"', /\bcan i to\b/iu],
    ['"does my card being …"', /\b(does|did) \w+ \w+ being\b/iu],
    ['"a the …", "my the …"', /\b(a|an|my|the) (the|my|a)\b/iu],
    ['a doubled word ("to to", "the the")', /\b(to|the|a|my|is|of|on|in|for) \1\b/iu],
  ])('never writes %s', (_label, re) => {
    expect(english.filter((e) => re.test(e.text)).map((e) => `${e.where}: ${e.text}`)).toEqual([]);
  });
});
