// The display over one counter: its current ticket, large.
import { api, counterName, el, initialLanguage, setLanguage, signedIn, status, t } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const counterId = decodeURIComponent(location.pathname.split('/').pop());
let branch;
let lastId = null;

async function start() {
  await setLanguage(initialLanguage());
  await signedIn('display', main);
  const branches = await api('/branches');
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  await reload();
  connect();
}

async function reload() {
  const r = await api(`/branches/${encodeURIComponent(branch.id)}/counters`);
  if (r.status !== 200) return;
  const c = r.data.find(x => x.id === counterId);
  if (!c) {
    main.replaceChildren(el('p', { role: 'alert' }, t('counter.unknown', { counter: counterId })));
    return;
  }
  document.getElementById('title').textContent = counterName(c.names, c.name, c.id);
  const current = c.ticket && (c.ticket.state === 'CALLED' || c.ticket.state === 'SERVING') ? c.ticket.number : null;
  draw(current, c.state);
}

function draw(number, state) {
  main.replaceChildren(number
    ? el('div', { class: 'big', 'data-number': number }, number)
    : el('div', { class: 'big muted word' }, state === 'OPEN' ? t('counter.open') : t('counter.closed')));
}

function connect() {
  const url = `/api/v1/branches/${encodeURIComponent(branch.id)}/events` + (lastId == null ? '?from=now' : `?lastEventId=${lastId}`);
  const source = new EventSource(url);
  source.addEventListener('open', () => status(null));
  const mine = e => { if (e.lastEventId) lastId = e.lastEventId; return JSON.parse(e.data).counter === counterId; };
  for (const type of ['TicketCalled', 'TicketRecalled', 'TicketFinished', 'TicketNoShow', 'TicketParked', 'TicketTransferred',
    'CounterOpened', 'CounterPaused', 'CounterClosed', 'StreamReset']) {
    source.addEventListener(type, e => { if (mine(e) || type === 'StreamReset') reload(); });
  }
  source.addEventListener('error', () => {
    status(t('status.offline'));
    if (source.readyState === EventSource.CLOSED) setTimeout(() => signedIn('display', main).then(connect), 3000);
  });
}

start();
