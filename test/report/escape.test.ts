// Text from a run (conversation turns, step ids) can't break out of the report page: escaped in HTML, inert in the data script.
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../report/html/page.js';

describe('report page escaping', () => {
  const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
  const html = renderPage({
    title: hostile,
    subtitle: hostile,
    sections: [{ id: 's', title: hostile, html: '<p>ok</p>', charts: [{ id: 'c', title: hostile, plot: {}, marks: [{ mark: 'text', data: [{ t: hostile }], options: { text: 't' } }] }] }],
    data: { samples: { s: [{ id: hostile, intent: 'a', category: 'b', language: 'en', sentiment: 'neutral', complexity: 'simple', resolution: 'resolved', turns: [['customer', hostile]] }] } },
  });

  it('no run text opens an element or ends a script', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    const data = /<script type="application\/json" id="genesis-report-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(data).samples.s[0].turns[0][1]).toBe(hostile);
  });

  it('forbids every fetch with a Content-Security-Policy', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });
});
