// Pulls a JSON array of items out of model text: fences, prose around it, truncation, one broken item.

export interface Extracted {
  /** Items recovered, in order (objects or other JSON values). */
  items: unknown[];
  /** False when the text ended before the array did (max_tokens) — the tail items are missing. */
  complete: boolean;
  /** Items present but unparseable (salvage skipped them). */
  skipped: number;
}

/** Keys under which models sometimes wrap the array: {"conversations": [...]}. */
const WRAPPERS = ['items', 'conversations', 'data', 'results', 'records', 'series'];

export function extractJsonItems(text: string): Extracted {
  const body = unfence(text).trim();
  try {
    return { items: unwrap(JSON.parse(body)), complete: true, skipped: 0 };
  } catch {
    // Fall through to salvage.
  }
  const start = body.search(/[[{]/);
  if (start < 0) return { items: [], complete: false, skipped: 0 };
  if (body[start] === '{') {
    // An object first: either a wrapper whose array got cut, or loose objects separated by prose.
    const wrapped = /^\{\s*"([A-Za-z_]+)"\s*:\s*\[/.exec(body.slice(start));
    if (wrapped && WRAPPERS.includes(wrapped[1] as string)) return scanArray(body, start + wrapped[0].length - 1);
    return scanObjects(body, start);
  }
  return scanArray(body, start);
}

function unfence(text: string): string {
  const open = /```[a-zA-Z]*\s*\n?/.exec(text);
  if (!open) return text;
  const rest = text.slice(open.index + open[0].length);
  const close = rest.indexOf('```');
  return close < 0 ? rest : rest.slice(0, close);
}

function unwrap(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') {
    for (const k of WRAPPERS) {
      const inner = (v as Record<string, unknown>)[k];
      if (Array.isArray(inner)) return inner;
    }
    return [v];
  }
  return [];
}

/** Walks the elements of the array opening at `open`, parsing each complete one on its own. */
function scanArray(s: string, open: number): Extracted {
  const items: unknown[] = [];
  let skipped = 0;
  let depth = 0;
  let inString = false;
  let elementStart = -1;
  const take = (end: number) => {
    const slice = s.slice(elementStart, end).trim();
    elementStart = -1;
    if (slice === '') return;
    try {
      items.push(JSON.parse(slice));
    } catch {
      skipped++;
    }
  };
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (depth === 1 && elementStart < 0) elementStart = i;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 2 && elementStart < 0) elementStart = i;
      if (depth === 1) elementStart = -1;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (elementStart >= 0) take(i);
        return { items, complete: true, skipped };
      }
      if (depth === 1 && elementStart >= 0) take(i + 1);
    } else if (c === ',' && depth === 1) {
      if (elementStart >= 0) take(i);
    } else if (depth === 1 && elementStart < 0 && !/\s/.test(c as string)) {
      elementStart = i;
    }
  }
  return { items, complete: false, skipped };
}

/** Collects top-level `{...}` objects anywhere in the text (prose between them is ignored). */
function scanObjects(s: string, from: number): Extracted {
  const items: unknown[] = [];
  let skipped = 0;
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth > 0 && c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && depth > 0) {
      if (--depth === 0) {
        try {
          items.push(JSON.parse(s.slice(start, i + 1)));
        } catch {
          skipped++;
        }
      }
    }
  }
  return { items, complete: depth === 0, skipped };
}
