// The offline conversation generator of a build (this one, or another dist via --dist), with the quick start's mix.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `gen(seed, n, noise, over?)` from the dist named by `--dist` in args (default: this checkout's dist). */
export async function generatorFrom(args) {
  const dist = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : new URL('../dist', import.meta.url).pathname);
  const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);
  const { planConversation } = await load('steps/generate-conversations/plan.js');
  const { generateConversation } = await load('providers/offline/conversations/index.js');
  const { createRng } = await load('util/rng.js');
  const base = {
    intents: 'all', languages: { en: 0.5, es: 0.5 }, sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 },
    complexity: { simple: 0.3, medium: 0.5, complex: 0.2 }, turns: { min: 2, max: 8 }, provider: 'default', batch_size: 5, few_shot: 2,
  };
  // `over` narrows the mix (e.g. `{ intents: [...] }`) for a class only some intents can show.
  const gen = (seed, n, noise, over = {}) => Array.from({ length: n }, (_, i) => {
    const s = planConversation({ ...base, count: n, noise, ...over }, seed, i);
    return generateConversation(s, createRng(seed, 'conversation/offline', s.index, 0));
  });
  return { gen };
}
