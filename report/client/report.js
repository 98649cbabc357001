// Browser code of the genesis report: draws each chart spec with Observable Plot and runs the conversation sample browser.
// Plain ES2020 in one file, no imports: the page inlines it after d3 and Plot, and `genesis serve` can reuse it as is.
(function () {
  'use strict';
  var MARKS = ['barX', 'barY', 'cell', 'line', 'lineY', 'dot', 'ruleX', 'ruleY', 'text', 'tickX', 'tickY', 'areaY'];
  var state = { rendered: 0, failed: [] };
  window.__genesisReport = state;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function drawChart(target, spec) {
    var marks = spec.marks.map(function (m) {
      if (MARKS.indexOf(m.mark) < 0) throw new Error('unknown mark ' + m.mark);
      return Plot[m.mark](m.data, m.options);
    });
    var options = Object.assign({ style: { fontSize: '11px', background: 'transparent' } }, spec.plot, { marks: marks });
    var figure = el('figure', { class: 'chart' + (spec.small ? ' small' : ''), 'data-chart-id': spec.id }, [
      el('figcaption', { class: 'title', text: spec.title }),
      Plot.plot(options),
      spec.caption ? el('figcaption', { class: 'caption', text: spec.caption }) : null,
    ]);
    target.replaceChildren(figure);
  }

  function drawCharts(root, charts) {
    root.querySelectorAll('[data-chart]').forEach(function (target) {
      var spec = charts[target.getAttribute('data-chart')];
      if (!spec) return;
      try {
        drawChart(target, spec);
        state.rendered++;
      } catch (e) {
        // A chart that can't be drawn says so in its place; the rest of the report still renders.
        state.failed.push(spec.id);
        target.replaceChildren(el('p', { class: 'bad', text: 'chart "' + spec.title + '" could not be drawn: ' + e.message }));
      }
    });
  }

  var FILTERS = [['intent', 'intent'], ['language', 'language'], ['sentiment', 'sentiment'], ['resolution', 'resolution']];

  function sampleBrowser(host, sample) {
    var chosen = {};
    var selects = FILTERS.map(function (f) {
      var values = Array.from(new Set(sample.map(function (c) { return c[f[0]]; }))).sort();
      var s = el('select', { 'data-filter': f[0], 'aria-label': f[1] }, [el('option', { value: '', text: 'any ' + f[1] })].concat(values.map(function (v) { return el('option', { value: v, text: v }); })));
      s.addEventListener('change', function () { chosen[f[0]] = s.value; update(); });
      return el('label', {}, [s]);
    });
    var count = el('span', { class: 'count' });
    var list = el('ol', { class: 'conv-list' });
    var chat = el('div', { class: 'chat' });
    host.replaceChildren(el('div', { class: 'filters' }, selects.concat([count])), el('div', { class: 'browser' }, [list, chat]));

    function show(c, item) {
      list.querySelectorAll('li.current').forEach(function (li) { li.classList.remove('current'); });
      if (item) item.classList.add('current');
      var head = el('div', { class: 'chat-head' }, [
        el('b', { text: c.id }),
        el('span', { text: ' ' + [c.intent, c.category, c.language, c.sentiment, c.complexity, c.resolution].join(' · ') }),
      ]);
      chat.replaceChildren(head);
      c.turns.forEach(function (t) {
        chat.appendChild(el('div', { class: 'bubble ' + (t[0] === 'customer' ? 'customer' : 'agent') }, [el('span', { class: 'who', text: t[0] }), el('p', { text: t[1] })]));
      });
    }

    function update() {
      var shown = sample.filter(function (c) {
        return FILTERS.every(function (f) { return !chosen[f[0]] || c[f[0]] === chosen[f[0]]; });
      });
      count.textContent = shown.length + ' of ' + sample.length + ' sampled conversations';
      list.replaceChildren();
      shown.forEach(function (c, i) {
        var first = (c.turns[0] || ['', ''])[1];
        var li = el('li', { 'data-id': c.id, tabindex: '0' }, [el('b', { text: c.intent }), el('span', { text: ' ' + c.language + ' · ' + c.sentiment + ' — ' + first })]);
        li.addEventListener('click', function () { show(c, li); });
        li.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(c, li); });
        list.appendChild(li);
        if (i === 0) show(c, li);
      });
      if (!shown.length) chat.replaceChildren(el('p', { class: 'note', text: 'No sampled conversation matches these filters.' }));
    }
    update();
  }

  /** Renders every chart and sample under `root` from the JSON in `dataElement` (the report page, or a serve view). */
  function render(root, data) {
    drawCharts(root, data.charts || {});
    root.querySelectorAll('[data-sample]').forEach(function (host) {
      var sample = (data.samples || {})[host.getAttribute('data-sample')];
      if (sample && sample.length) sampleBrowser(host, sample);
    });
  }

  window.genesisReport = { render: render };
  var dataElement = document.getElementById('genesis-report-data');
  if (dataElement) render(document, JSON.parse(dataElement.textContent));
  state.done = true;
})();
