// Browser side of `genesis serve`: live progress from the server's event stream, and the Run button. No framework,
// nothing fetched from anywhere but this server.
'use strict';

(() => {
  const key = document.body.dataset.pipeline;
  if (!key) return;
  const summary = document.getElementById('live-summary');
  const rows = new Map([...document.querySelectorAll('#steps tr[data-step]')].map((tr) => [tr.dataset.step, tr]));
  const form = document.getElementById('run-form');
  const message = document.getElementById('run-message');
  const button = document.getElementById('run-button');
  let pageRun = false;
  let total = 0;
  let finished = 0;

  const cell = (id) => {
    const tr = rows.get(id);
    return tr && { status: tr.querySelector('.live-status'), bar: tr.querySelector('progress'), note: tr.querySelector('.live-note') };
  };
  const setStatus = (id, status) => {
    const c = cell(id);
    if (!c) return;
    c.status.textContent = status;
    c.status.className = `live-status badge s-${status}`;
  };
  const say = (text) => {
    summary.textContent = text;
  };

  function onRunEvent(e) {
    switch (e.kind) {
      case 'run-start':
        total = e.steps.length;
        finished = 0;
        for (const [id] of rows) {
          setStatus(id, e.steps.some((s) => s.id === id) ? 'waiting' : 'not selected');
          const c = cell(id);
          c.bar.hidden = true;
          c.note.textContent = '';
        }
        say(`running ${e.pipeline} (run ${e.runId}): 0 of ${total} steps done`);
        break;
      case 'step-start':
        setStatus(e.id, 'running');
        cell(e.id) && (cell(e.id).note.textContent = e.reason);
        break;
      case 'step-progress': {
        const c = cell(e.id);
        if (!c) break;
        if (e.total) {
          c.bar.hidden = false;
          c.bar.max = e.total;
          c.bar.value = e.done;
        }
        c.note.textContent = `${e.done}${e.total ? `/${e.total}` : ''}${e.note ? ` ${e.note}` : ''}`;
        break;
      }
      case 'step-log':
        if (e.level === 'warn' && cell(e.id)) cell(e.id).note.textContent = `warning: ${e.message}`;
        break;
      case 'step-finish': {
        finished++;
        setStatus(e.report.id, e.report.status);
        const c = cell(e.report.id);
        if (c) {
          c.bar.hidden = true;
          c.note.textContent = e.report.error || e.report.summary || '';
        }
        say(`running: ${finished} of ${total} steps done`);
        break;
      }
      case 'run-finish':
        say(`${e.report.status}: run ${e.report.runId} finished`);
        refreshRuns();
        break;
    }
  }

  function onState(s) {
    if (s.error) return say(`state not readable: ${s.error}`);
    // A run from a terminal (or another dashboard): the state folder is all there is to show.
    if (s.running && !s.pageRun && !pageRun) {
      for (const id of s.running.stepsDone) setStatus(id, 'done');
      say(`running from a terminal (pid ${s.lock.pid}: ${s.lock.command}), run ${s.running.run.id}: ${s.running.stepsDone.length} step${s.running.stepsDone.length === 1 ? '' : 's'} committed, ${s.running.items} items checkpointed so far`);
    } else if (s.lock && !s.pageRun && !pageRun) say(`the state folder is locked by pid ${s.lock.pid} (${s.lock.command})`);
    else if (!s.lock && !s.pageRun && !pageRun && /^running from a terminal|^the state folder is locked/.test(summary.textContent)) {
      say('the terminal run ended');
      refreshRuns();
    }
    button.disabled = Boolean(s.pageRun);
  }

  async function refreshRuns() {
    const res = await fetch(location.href, { credentials: 'same-origin' });
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = doc.getElementById('runs');
    const old = document.getElementById('runs');
    if (fresh && old) old.replaceWith(fresh);
  }

  const events = new EventSource(`/api/events?file=${encodeURIComponent(key)}`);
  events.addEventListener('run', (m) => {
    pageRun = true;
    onRunEvent(JSON.parse(m.data));
  });
  events.addEventListener('exit', (m) => {
    const x = JSON.parse(m.data);
    pageRun = false;
    button.disabled = false;
    // Exit 0 and 1 are told by the run's own events; anything else (refused, crashed) by its last words.
    if (x.code !== 0 && x.code !== 1) message.textContent = `the run ended with exit ${x.code}${x.stderr ? `: ${x.stderr.split('\n').slice(-3).join(' ')}` : ''}`;
  });
  events.addEventListener('state', (m) => onState(JSON.parse(m.data)));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const body = { file: key, force: f.get('force') === 'on', retryFailed: f.get('retryFailed') === 'on', step: f.get('step') || undefined, mode: f.get('mode') };
    message.textContent = 'starting…';
    const res = await fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    const reply = await res.json();
    if (res.ok) {
      message.textContent = `started: ${reply.command}`;
      button.disabled = true;
    } else message.textContent = `not started: ${reply.error}`;
  });
})();
