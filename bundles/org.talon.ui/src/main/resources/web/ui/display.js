// The hall display: the last calls (the newest highlighted and blinking), queue lengths, a clock.
// It follows the branch's event stream; after a drop it resumes from the last event it saw.
import { api, counterName, el, initialLanguage, serviceName, setLanguage, signedIn, sleep, status, t } from './talon.js';
import { Announcer } from './announce.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const rows = Math.max(1, Math.min(20, Number(params.get('rows')) || 6));
let branch;
let services = [];
let known = {};     // the counters by id, as read at start and after a StreamReset
let calls = [];      // {number, counter, counterName, at}, newest first
let lastId = null;   // the last event id seen: where a new stream resumes
let source = null;
let blinkUntil = 0;
let announcer = null;

async function start() {
  await setLanguage(initialLanguage());
  await signedIn('display', main);
  const branches = await api('/branches');
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  if (!params.get('lang') && !localStorage.getItem('talon.lang')) await setLanguage(branch.locales[0] || 'en');
  document.getElementById('title').textContent = counterName(branch.names, branch.name, branch.id);
  // in the branch's language (?voiceLang= another), by clips unless ?voice=speech or ?voice=off
  announcer = new Announcer(params.get('voice') || 'clips', params.get('voiceLang') || branch.locales[0] || 'en');
  window.talonAnnouncer = announcer;
  main.replaceChildren(el('div', { class: 'display-grid' },
    el('section', { 'aria-labelledby': 'calls-title' },
      el('h2', { id: 'calls-title' }, t('display.calls')),
      el('table', { class: 'calls' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('display.ticket')), el('th', { scope: 'col' }, t('display.counter')))),
        el('tbody', { id: 'calls' }))),
    el('section', { 'aria-labelledby': 'queues-title' },
      el('h2', { id: 'queues-title' }, t('display.queues')),
      el('table', { class: 'queues' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('display.service')), el('th', { scope: 'col' }, t('display.waiting')))),
        el('tbody', { id: 'queues' })))));
  tick();
  setInterval(tick, 1000);
  services = (await api(`/branches/${encodeURIComponent(branch.id)}/services`)).data ?? [];
  await reload();
  connect();
}

function tick() {
  document.getElementById('clock').textContent = new Date().toLocaleTimeString(document.documentElement.lang,
    { hour: '2-digit', minute: '2-digit', timeZone: branch?.timeZone });
}

/** What is on the display now, from the counters and queues (at start and after a StreamReset). */
async function reload() {
  const b = encodeURIComponent(branch.id);
  const [counters, queues] = await Promise.all([api(`/branches/${b}/counters`), api(`/branches/${b}/queues`)]);
  if (counters.status === 200) {
    known = Object.fromEntries(counters.data.map(c => [c.id, c]));
    const current = counters.data.filter(c => c.ticket && (c.ticket.state === 'CALLED' || c.ticket.state === 'SERVING'))
      .map(c => ({ number: c.ticket.number, counter: c.id, counterName: counterName(c.names, c.name, c.id), at: c.ticket.calledAt }))
      .sort((x, y) => String(y.at).localeCompare(String(x.at)));
    calls = current.slice(0, rows);
    drawCalls();
  }
  if (queues.status === 200) drawQueues(queues.data);
}

let queuesPending = null;
function refreshQueues() {
  // one read for a burst of events
  if (queuesPending) return;
  queuesPending = setTimeout(async () => {
    queuesPending = null;
    try {
      const q = await api(`/branches/${encodeURIComponent(branch.id)}/queues`);
      if (q.status === 200) drawQueues(q.data);
    } catch (e) { /* the stream's state says it */ }
  }, 300);
}

function drawCalls() {
  const blink = Date.now() < blinkUntil;
  document.getElementById('calls').replaceChildren(...calls.map((c, i) =>
    el('tr', { class: i === 0 ? (blink ? 'newest blink' : 'newest') : null, 'data-number': c.number },
      el('td', {}, c.number), el('td', {}, c.counterName || c.counter))));
}

function drawQueues(queues) {
  document.getElementById('queues').replaceChildren(...queues.map(q => {
    const names = services.filter(s => s.queue === q.id).map(s => serviceName(s.names, s.code));
    return el('tr', { 'data-queue': q.id }, el('td', {}, names.join(', ') || q.id), el('td', {}, String(q.waiting)));
  }));
}

/** The called counter's name in the page's language, from the counters read at start (a counter added since: the event's). */
function calledName(p) {
  const k = known[p.counter];
  return k ? counterName(k.names, k.name, k.id) : (p.counterName || p.counter);
}

function called(e) {
  const p = JSON.parse(e.data);
  const name = calledName(p);
  calls = [{ number: p.number, counter: p.counter, counterName: name, at: p.calledAt }, ...calls.filter(c => c.number !== p.number)]
    .slice(0, rows);
  blinkUntil = Date.now() + 5000;
  drawCalls();
  // when the call was on the screen (wall-clock milliseconds), for whoever measures the display
  window.talonLastCall = { number: p.number, shownAt: performance.timeOrigin + performance.now() };
  announcer.announce(p.number, name, p.counter);
  setTimeout(drawCalls, 5100);
  document.dispatchEvent(new CustomEvent('talon:call', { detail: { number: p.number, counter: p.counter, counterName: name } }));
}

function gone(e) {
  const p = JSON.parse(e.data);
  // a finished, parked or transferred ticket stays on the board until newer calls push it off,
  // but one that is no longer at a counter leaves it
  if (e.type === 'TicketNoShow' || e.type === 'TicketParked' || e.type === 'TicketTransferred') {
    calls = calls.filter(c => c.number !== p.number);
    drawCalls();
  }
}

/** The event stream: from now on at first, then from the last event seen, after any drop. */
function connect() {
  const b = encodeURIComponent(branch.id);
  const url = `/api/v1/branches/${b}/events` + (lastId == null ? '?from=now' : `?lastEventId=${lastId}`);
  source = new EventSource(url);
  window.talonStream = source; // for the page test: the stream open now
  const seen = e => { if (e.lastEventId) lastId = e.lastEventId; };
  source.addEventListener('open', () => status(null));
  for (const type of ['TicketCalled', 'TicketRecalled']) source.addEventListener(type, e => { seen(e); called(e); refreshQueues(); });
  for (const type of ['TicketIssued', 'TicketServing', 'TicketFinished', 'TicketNoShow', 'TicketParked', 'TicketTransferred',
    'TicketCancelled', 'CounterOpened', 'CounterPaused', 'CounterClosed']) {
    source.addEventListener(type, e => { seen(e); gone(e); refreshQueues(); });
  }
  source.addEventListener('StreamReset', e => { seen(e); reload(); });
  source.addEventListener('error', async () => {
    status(t('status.offline'));
    if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects with Last-Event-ID itself
    // refused (not a drop): signed out, or the server is restarting; try again from the last id
    source = null;
    await sleep(3000);
    await signedIn('display', main).catch(() => {});
    connect();
  });
}

start();
