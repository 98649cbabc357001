// Pairs the objects of a model's answer with the items asked for: the answer is untrusted input.

/** What the runner needs of an asked item: its own id, and what the plan fixed for it (intent, language…). */
export interface Asked {
  id: string | undefined;
  /** Plan fields an answer may repeat: used to pair answers whose ids are useless, never to label the record. */
  traits: Record<string, string>;
}

type Obj = Record<string, unknown>;

/**
 * Answer i for asked item i (undefined: really missing). Models renumber ids (`conv_001`… in every reply), invent
 * them, drop them or reorder items, however clearly the prompt asks to copy them. So, in order:
 *  1. by id, where an answer's id is one we asked for (each id used once);
 *  2. by position among what is left, when the counts match and no answer contradicts the item at its position;
 *  3. otherwise by the traits an answer states, when every open item it fits is planned alike (so the choice
 *     cannot mislabel), then by position again if the rest now pairs one to one.
 * What is still unpaired is asked for again; an answer that cannot be placed is never guessed onto an item.
 */
export function matchAnswers(asked: Asked[], answers: unknown[], idOf: (v: unknown) => string | undefined): unknown[] {
  const out: unknown[] = new Array(asked.length).fill(undefined);
  const byId = new Map<string, number>();
  asked.forEach((a, i) => {
    if (a.id !== undefined) byId.set(a.id, i);
  });
  let left: unknown[] = [];
  for (const obj of answers) {
    const id = idOf(obj);
    const i = id === undefined ? undefined : byId.get(id);
    if (i !== undefined && out[i] === undefined) out[i] = obj;
    else left.push(obj);
  }
  const open = () => asked.map((_, i) => i).filter((i) => out[i] === undefined);
  const traitsAt = (i: number) => (asked[i] as Asked).traits;
  if (byPosition(left, open(), traitsAt, out)) return out;

  const rest: unknown[] = [];
  for (const obj of left) {
    const fits = open().filter((i) => states(obj, traitsAt(i)) && consistent(obj, traitsAt(i)));
    const alike = fits.every((i) => signature(traitsAt(i)) === signature(traitsAt(fits[0] as number)));
    if (fits.length > 0 && alike) out[fits[0] as number] = obj;
    else rest.push(obj);
  }
  left = rest;
  byPosition(left, open(), traitsAt, out);
  return out;
}

function byPosition(left: unknown[], slots: number[], traitsAt: (i: number) => Record<string, string>, out: unknown[]): boolean {
  if (left.length === 0 || left.length !== slots.length) return false;
  if (!left.every((obj, k) => consistent(obj, traitsAt(slots[k] as number)))) return false;
  slots.forEach((i, k) => (out[i] = left[k]));
  return true;
}

/** No trait the answer states differs from the plan's. */
function consistent(obj: unknown, traits: Record<string, string>): boolean {
  if (obj === null || typeof obj !== 'object') return true;
  return Object.entries(traits).every(([k, v]) => (obj as Obj)[k] === undefined || (obj as Obj)[k] === v);
}

/** The answer states every trait (a positive claim, not mere absence of contradiction). */
function states(obj: unknown, traits: Record<string, string>): boolean {
  return obj !== null && typeof obj === 'object' && Object.keys(traits).length > 0 && Object.keys(traits).every((k) => (obj as Obj)[k] !== undefined);
}

function signature(traits: Record<string, string>): string {
  return Object.entries(traits)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}
