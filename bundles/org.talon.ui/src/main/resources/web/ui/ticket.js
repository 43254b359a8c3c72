// A customer's own ticket on their phone: number, place in line, estimate, and the counter once called.
import { api, el, initialLanguage, languageButtons, NetworkError, serviceName, setLanguage, sleep, status, t, waitText }
  from './talon.js';

const main = document.getElementById('main');
const id = decodeURIComponent(location.pathname.split('/').pop());
let ticket = null;
let wake = null;

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), draw);
  // a phone that slept looks again the moment it wakes
  document.addEventListener('visibilitychange', () => { if (!document.hidden) wake?.(); });
  for (;;) {
    await load();
    if (ticket && ['DONE', 'NO_SHOW', 'CANCELLED'].includes(ticket.state)) return;
    await new Promise(r => { wake = r; setTimeout(r, document.hidden ? 30000 : 5000); });
  }
}

async function load() {
  try {
    const r = await api('/tickets/' + encodeURIComponent(id));
    status(null);
    if (r.status === 200) ticket = r.data;
    else if (r.status === 404) ticket = { missing: true };
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
    lines.push(el('p', { class: 'calledTo' }, t('ticket.calledTo', { counter: ticket.counterName || ticket.counter })));
  } else {
    lines.push(el('p', {}, t('ticket.state.' + ticket.state)));
  }
  main.replaceChildren(el('section', { class: called ? 'card called' : 'card', 'data-state': ticket.state },
    el('div', { class: 'number' }, ticket.number),
    el('p', {}, serviceName(ticket.serviceNames, ticket.service)),
    ...lines));
}

start();
