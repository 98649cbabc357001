// HTML built by a tagged template that escapes every interpolated value unless it is already Html.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** A whole page: the shared navigation, the stylesheet and the browser script (served by this server, nothing remote). */
export function page(title: string, body: Html, opts: { data?: Record<string, string> } = {}): string {
  const data = Object.entries(opts.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · genesis</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/style.css"></head>
<body${data}><header><a class="brand" href="/">genesis</a><nav><a href="/">pipelines</a><a href="/datasets">datasets</a></nav></header>
<main>${body}</main><script src="/assets/app.js"></script></body></html>`.text;
}

export function when(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '–';
}
