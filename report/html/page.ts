// Assembles one self-contained HTML page from sections: styles, library, data and browser code inlined, nothing fetched.
import type { ClientData, Section } from '../types.js';
import { chartLibrary, clientScript, clientStyle } from './assets.js';
import { esc, scriptJson } from './escape.js';

export interface PageInput {
  title: string;
  subtitle: string;
  sections: readonly Section[];
  data: ClientData;
}

/** A `</script>` inside an inlined library would end its element early; the library text never needs one verbatim. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

/** The body of the report (navigation, sections, data): what `genesis serve` can embed in its own page. */
export function renderBody(p: PageInput): string {
  const ordered = [...p.sections].sort((a, b) => Number(!!b.alert) - Number(!!a.alert));
  const charts = Object.fromEntries(ordered.flatMap((s) => s.charts.map((c) => [c.id, c])));
  const headlines = ordered.flatMap((s) => (s.headline ?? []).map((h) => ({ ...h, section: s.id })));
  const strip = headlines.length
    ? `<div class="headline">${headlines.map((h) => `<a href="#${esc(h.section)}" class="figure${h.bad ? ' bad' : ''}"><span>${esc(h.label)}</span><b>${esc(h.value)}</b></a>`).join('')}</div>`
    : '';
  return `<header><h1>${esc(p.title)}</h1><p>${esc(p.subtitle)}</p>${strip}
<nav>${ordered.map((s) => `<a href="#${esc(s.id)}"${s.alert ? ' class="alert"' : ''}>${esc(s.title)}</a>`).join('')}</nav></header>
<main>${ordered
    .map((s) => `<section id="${esc(s.id)}"${s.alert ? ' class="alert"' : ''}><h2>${s.alert ? '<span class="bad">needs attention</span> ' : ''}${esc(s.title)}</h2>${s.html}</section>`)
    .join('\n')}</main>
<script type="application/json" id="genesis-report-data">${scriptJson({ charts, ...p.data })}</script>`;
}

export function renderPage(p: PageInput): string {
  // The CSP forbids every fetch (default-src 'none'): the page can only ever use what it carries.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${clientStyle()}</style></head>
<body>
${renderBody(p)}
${chartLibrary().map(inlineScript).join('\n')}
${inlineScript(clientScript())}
</body></html>
`;
}
