// "What changed from v3 to v4": two versions of a dataset side by side (the figures come from serve/compare.ts).
import { html, page, type Html } from '../html.js';
import type { Row, VersionDiff } from '../compare.js';
import { fmt } from './parts.js';

function table(rows: Row[], opts: { share?: boolean } = {}): Html {
  // Many small shares (77 intents of ~1.3 % each) need a finer step than a few large ones to show their changes.
  const digits = opts.share && rows.some((r) => typeof r.a === 'number' && r.a < 0.05) ? 2 : 1;
  const pct = (v: number) => `${(v * 100).toFixed(digits)}`;
  const show = (v: Row['a']) => (opts.share && typeof v === 'number' ? `${pct(v)}%` : fmt(v));
  const delta = (r: Row): { text: Html; changed: boolean } => {
    if (r.delta === undefined) return r.a === r.b ? { text: html`<span class="muted">same</span>`, changed: false } : { text: html`<strong>changed</strong>`, changed: true };
    const magnitude = opts.share ? `${pct(Math.abs(r.delta))} pp` : fmt(Math.abs(r.delta));
    // A change too small to show at this precision reads as none, not as "-0.0".
    if (!/[1-9]/.test(magnitude)) return { text: html`<span class="muted">±0</span>`, changed: false };
    return { text: html`<span class="${r.delta > 0 ? 'up' : 'down'}">${r.delta > 0 ? '+' : '−'}${magnitude}</span>`, changed: true };
  };
  return html`<table class="diff"><thead><tr><th></th><th>A</th><th>B</th><th>B − A</th></tr></thead><tbody>
${rows.map((r) => {
  const d = delta(r);
  return html`<tr${d.changed ? html` class="changed"` : ''}><td>${r.label}${r.note ? html` <span class="muted">${r.note}</span>` : ''}</td><td>${show(r.a)}</td><td>${show(r.b)}</td><td>${d.text}</td></tr>`;
})}</tbody></table>`;
}

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? 'none';
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

export function comparePage(d: VersionDiff): string {
  const title = `${d.a.name}: v${d.a.version} → v${d.b.version}`;
  const dists = d.distributions.map(
    (s) => html`<section class="card"><h3>${s.field} share${s.rows.length > 12 ? html` <span class="muted">(the 12 largest changes of ${s.rows.length})</span>` : ''}</h3>${table(s.rows.slice(0, 12), { share: true })}</section>`,
  );
  const fp = d.fingerprint.length
    ? html`<table class="diff"><thead><tr><th>field</th><th>A</th><th>B</th></tr></thead><tbody>${d.fingerprint.map((c) => html`<tr class="changed"><td><code>${c.field}</code></td><td><code>${short(c.before)}</code></td><td><code>${short(c.after)}</code></td></tr>`)}</tbody></table>`
    : html`<p>Same producer fingerprint: both versions were made the same way.</p>`;
  return page(title, html`<h1>What changed in ${d.a.name} from v${d.a.version} (A) to v${d.b.version} (B)</h1>
<div class="columns">
<section class="card grow"><h2>Counts</h2>${table(d.counts)}</section>
<section class="card grow"><h2>Reports</h2>${d.headlines.length ? html`<table class="diff"><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>${d.headlines.map((h) => html`<tr${h.a !== h.b ? html` class="changed"` : ''}><td>${h.kind}</td><td>${h.a}</td><td>${h.b}</td></tr>`)}</tbody></table>` : html`<p class="muted">No reports registered.</p>`}
${d.scores.length ? table(d.scores) : ''}</section>
</div>
<h2>Distributions</h2>${dists.length ? html`<div class="columns">${dists}</div>` : html`<p class="muted">No bias report registered for either version, so no distributions to compare.</p>`}
<div class="columns">
<section class="card grow"><h2>Lineage</h2>${table(d.lineage)}</section>
<section class="card grow"><h2>Producer fingerprint differences</h2>${fp}</section>
</div>`);
}
