// The manager's dashboard: per queue what waits, how long, against its target, open counters and
// the day so far; the counters with their operators and customers. Live from the branch's events.
import { api, counterName, el, initialLanguage, languageButtons, serviceName, setLanguage, staffLogin, status, t } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
let branch;
let services = [];
let source = null;
let me = null;
/** The Talon domains installed: the schedule is there with the booking domain only. */
let domains = [];

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (me ? draw() : begin()));
  await begin();
  setInterval(() => { if (me) draw(); }, 15000); // waits grow while nothing happens
}

async function begin(problem) {
  me = await staffLogin(main, problem);
  const branches = await api('/branches');
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  services = (await api(`/branches/${encodeURIComponent(branch.id)}/services`)).data ?? [];
  domains = (await api('/capabilities')).data?.domains ?? [];
  await draw();
  follow();
}

const minutes = s => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

async function draw() {
  const b = encodeURIComponent(branch.id);
  const [queues, counters, today] = await Promise.all([api(`/branches/${b}/queues`), api(`/branches/${b}/counters`),
    api(`/branches/${b}/today`)]);
  if ([queues, counters, today].some(r => r.status === 401)) return begin(queues.data?.detail);
  if (today.status === 403) {
    main.replaceChildren(el('p', { role: 'alert', class: 'problem' }, today.data?.detail ?? ''));
    return;
  }
  const day = new Map((today.data ?? []).map(d => [d.queue, d]));
  const rows = (queues.data ?? []).map(q => {
    const svc = services.filter(s => s.queue === q.id);
    const target = Math.min(...svc.map(s => s.targetWaitSeconds).filter(x => x > 0), Infinity);
    const over = Number.isFinite(target) && q.longestWaitSeconds > target;
    const d = day.get(q.id) ?? { served: 0, noShows: 0, cancelled: 0 };
    return el('tr', { 'data-queue': q.id, class: over ? 'over' : null },
      el('th', { scope: 'row' }, svc.map(s => serviceName(s.names, s.code)).join(', ') || q.id),
      el('td', { 'data-field': 'waiting' }, String(q.waiting)),
      el('td', { 'data-field': 'longest' }, minutes(q.longestWaitSeconds),
        over ? el('span', { class: 'warning' }, ' ⚠ ' + t('manager.overTarget', { target: minutes(target) })) : null),
      el('td', {}, String(q.openCounters)),
      el('td', { 'data-field': 'served' }, String(d.served)),
      el('td', {}, String(d.noShows)));
  });
  const total = (queues.data ?? []).reduce((a, q) => a + q.waiting, 0);
  const served = (today.data ?? []).reduce((a, d) => a + d.served, 0);
  const open = (counters.data ?? []).filter(c => c.state === 'OPEN').length;
  // replaceChildren would write a null as the text "null"
  main.replaceChildren(...[
    el('div', { class: 'tiles' },
      tile(t('manager.waiting'), total, 'waiting'), tile(t('manager.servedToday'), served, 'served'),
      tile(t('manager.openCounters'), `${open} / ${(counters.data ?? []).length}`, 'open'),
      tile(t('manager.longest'), minutes(Math.max(0, ...(queues.data ?? []).map(q => q.longestWaitSeconds))), 'longest')),
    el('section', { 'aria-labelledby': 'q-title' }, el('h2', { id: 'q-title' }, t('manager.queues')),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ...['manager.service', 'manager.waiting', 'manager.longest', 'manager.openCounters',
          'manager.servedToday', 'manager.noShows'].map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, ...rows))),
    el('section', { 'aria-labelledby': 'c-title' }, el('h2', { id: 'c-title' }, t('manager.counters')),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ...['display.counter', 'manager.state', 'manager.operator', 'display.ticket']
          .map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, ...(counters.data ?? []).map(c => el('tr', { 'data-counter': c.id },
          el('th', { scope: 'row' }, counterName(c.names, c.name, c.id)), el('td', {}, t('operator.state.' + c.state)), el('td', {}, c.operator ?? '—'),
          el('td', {}, c.ticket ? c.ticket.number : '—')))))),
    el('p', {}, el('a', { href: '/manager/site' + location.search, 'data-link': 'site' }, t('manager.site'))),
    domains.includes('booking')
      ? el('p', {}, el('a', { href: '/manager/schedule' + location.search, 'data-link': 'schedule' }, t('manager.schedule'))) : null,
    el('button', { type: 'button', onclick: async () => {
      await api('/session', { method: 'DELETE' }).catch(() => null);
      source?.close();
      source = null;
      begin();
    } }, t('operator.logout'))].filter(Boolean));
}

function tile(label, value, name) {
  return el('div', { class: 'tile', 'data-tile': name }, el('div', { class: 'value' }, String(value)), el('div', {}, label));
}

function follow() {
  if (source) return;
  source = new EventSource(`/api/v1/branches/${encodeURIComponent(branch.id)}/events?from=now`);
  let pending = null;
  const redraw = () => { if (!pending) pending = setTimeout(() => { pending = null; if (me) draw(); }, 500); };
  for (const type of ['TicketIssued', 'TicketCalled', 'TicketServing', 'TicketFinished', 'TicketNoShow', 'TicketParked',
    'TicketTransferred', 'TicketCancelled', 'CounterOpened', 'CounterPaused', 'CounterClosed', 'StreamReset']) {
    source.addEventListener(type, redraw);
  }
  source.addEventListener('open', () => status(null));
  source.addEventListener('error', () => status(t('status.offline')));
}

start();
