// A customer's own ticket on their phone: number, place in line, estimate, and the counter once
// called, live: the page follows its ticket as a stream of updates (the same address asked with
// Accept: text/event-stream). Put away (hidden, the phone asleep) it closes the stream; back, it
// asks once at once and opens the stream again, so it never shows an old state for long.
import { api, counterName, el, initialLanguage, languageButtons, NetworkError, serviceName, setLanguage, status, t, waitText }
  from './talon.js';

const main = document.getElementById('main');
const id = decodeURIComponent(location.pathname.split('/').pop());
const FINAL = ['DONE', 'NO_SHOW', 'CANCELLED'];
let ticket = null;
let source = null;
let retry = null;

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), draw);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      // put away: the stream goes too (the phone sleeps, the server frees its place)
      clearTimeout(retry);
      source?.close();
      return;
    }
    // back: what happened meanwhile first, then the stream again
    load().then(() => { if (!source || source.readyState === EventSource.CLOSED) follow(); });
  });
  await load();
  follow();
}

const done = () => ticket && (ticket.missing || FINAL.includes(ticket.state));

function follow() {
  clearTimeout(retry);
  if (done()) return;
  source?.close();
  source = new EventSource('/api/v1/tickets/' + encodeURIComponent(id));
  window.talonTicketStream = source; // for the page test: which stream is open
  source.addEventListener('update', e => {
    status(null);
    ticket = JSON.parse(e.data);
    draw();
    if (done()) source.close();
  });
  source.addEventListener('error', () => {
    // the browser reconnects by itself while it can; a stream it gave up on (the server answered
    // with an error, or is away) is asked for again in a while
    if (source.readyState === EventSource.CLOSED) {
      load().then(() => { retry = setTimeout(follow, document.hidden ? 60000 : 10000); });
    }
  });
}

async function load() {
  try {
    const r = await api('/tickets/' + encodeURIComponent(id));
    // the API's 404 says so in a problem (JSON); a bare 404 is a server without its API, restarting
    const known = r.status === 200 || (r.status === 404 && r.data);
    if (r.status === 200) ticket = r.data;
    else if (known) ticket = { missing: true };
    status(known ? null : t('status.offline'));
    draw();
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    status(t('status.offline'));
  }
}

function draw() {
  if (!ticket) return;
  if (ticket.missing) {
    main.replaceChildren(el('p', { class: 'card' }, t('ticket.unknown')));
    return;
  }
  const called = ticket.state === 'CALLED' || ticket.state === 'SERVING';
  const lines = [];
  if (ticket.state === 'WAITING') {
    lines.push(el('p', {}, t('ticket.position', { position: ticket.position })));
    lines.push(el('p', {}, waitText(ticket.estimatedWaitSeconds)));
  } else if (called) {
    lines.push(el('p', { class: 'calledTo' }, t('ticket.calledTo', { counter: counterName(ticket.counterNames, ticket.counterName, ticket.counter) })));
  } else {
    lines.push(el('p', {}, t('ticket.state.' + ticket.state)));
  }
  main.replaceChildren(el('section', { class: called ? 'card called' : 'card', 'data-state': ticket.state },
    el('div', { class: 'number' }, ticket.number),
    el('p', {}, serviceName(ticket.serviceNames, ticket.service)),
    ...lines));
}

start();
