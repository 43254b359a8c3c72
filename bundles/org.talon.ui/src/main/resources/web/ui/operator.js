// The operator's workplace: log in, pick a counter, call and serve customers from the keyboard.
import { api, counterName, el, initialLanguage, languageButtons, NetworkError, serviceName, setLanguage, staffLogin, status, t } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
let me = null;
let branch;
let services = [];
let counterId = null;
let counter = null;
let source = null;
/** What the workplace last showed: the transfer dialog offers these. */
let seen = { counters: [], queues: [] };

/** The counter actions, each with its key; the key is shown on its button. */
const ACTIONS = [
  { action: 'call', key: 'N' }, { action: 'recall', key: 'R' }, { action: 'serve', key: 'S' },
  { action: 'finish', key: 'F' }, { action: 'noshow', key: 'X' }, { action: 'park', key: 'P' },
  { action: 'transfer', key: 'T' }, { action: 'pause', key: 'Z' }, { action: 'open', key: 'O' },
  { action: 'close', key: 'C' },
];

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (me ? (counterId ? workplace() : chooseCounter()) : login()));
  me = await staffLogin(main);
  await signedIn();
  document.addEventListener('keydown', onKey);
}

function login(problem) {
  me = null;
  staffLogin(main, problem).then(who => { me = who; signedIn(); });
}

async function signedIn() {
  const branches = await api('/branches');
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  services = (await api(`/branches/${encodeURIComponent(branch.id)}/services`)).data ?? [];
  counterId = params.get('counter') || localStorage.getItem('talon.counter');
  if (counterId) await workplace();
  else await chooseCounter();
}

async function chooseCounter() {
  counterId = null;
  const r = await api(`/branches/${encodeURIComponent(branch.id)}/counters`);
  main.replaceChildren(el('h2', {}, t('operator.chooseCounter')),
    el('div', { class: 'services' }, ...(r.data ?? []).map(c => el('button', { type: 'button', 'data-counter': c.id,
      onclick: () => { localStorage.setItem('talon.counter', c.id); counterId = c.id; workplace(); } },
    el('span', { class: 'name' }, counterName(c.names, c.name, c.id)),
    el('span', { class: 'wait' }, t('operator.state.' + c.state) + (c.operator ? ' · ' + c.operator : ''))))),
    logoutButton());
}

function logoutButton() {
  return el('button', { type: 'button', class: 'logout', onclick: async () => {
    await api('/session', { method: 'DELETE' }).catch(() => null);
    source?.close();
    source = null;
    login();
  } }, t('operator.logout'));
}

async function workplace() {
  const b = encodeURIComponent(branch.id);
  const [counters, queues] = await Promise.all([api(`/branches/${b}/counters`), api(`/branches/${b}/queues`)]);
  if (counters.status === 401) return login(counters.data?.detail);
  seen = { counters: counters.data ?? [], queues: queues.data ?? [] };
  counter = (counters.data ?? []).find(c => c.id === counterId);
  if (!counter) return chooseCounter();
  const tk = counter.ticket;
  const since = tk?.calledAt ? Date.parse(tk.calledAt) : null;
  main.replaceChildren(
    el('div', { class: 'bar' },
      el('h2', { id: 'counter-name' }, counterName(counter.names, counter.name, counter.id)),
      el('span', { class: 'muted', id: 'counter-state' }, t('operator.state.' + counter.state) + ' · ' + me.user),
      el('button', { type: 'button', onclick: chooseCounter }, t('operator.otherCounter')),
      logoutButton()),
    el('section', { class: 'current', 'aria-labelledby': 'current-title' },
      el('h3', { id: 'current-title' }, t('operator.current')),
      tk ? el('div', {},
        el('div', { class: 'number', id: 'current-number', 'data-number': tk.number }, tk.number),
        el('p', {}, serviceName(services.find(s => s.code === tk.service)?.names, tk.service) + ' · '
          + t('operator.ticketState.' + tk.state)),
        since ? el('p', { class: 'timer', 'data-since': String(since) }, '') : null)
        : el('p', { class: 'muted', id: 'current-number' }, t('operator.noCustomer'))),
    el('div', { class: 'actions' }, ...ACTIONS.map(a => el('button', { type: 'button', 'data-action': a.action,
      'aria-keyshortcuts': a.key, onclick: () => act(a.action) },
    t('operator.action.' + a.action), ' ', el('kbd', {}, a.key)))),
    el('p', { id: 'problem', role: 'alert', class: 'problem' }),
    el('section', { 'aria-labelledby': 'queues-title' },
      el('h3', { id: 'queues-title' }, t('display.queues')),
      el('table', { class: 'queues' }, el('tbody', {}, ...(queues.data ?? []).map(q => el('tr', { 'data-queue': q.id },
        el('td', {}, services.filter(s => s.queue === q.id).map(s => serviceName(s.names, s.code)).join(', ') || q.id),
        el('td', {}, String(q.waiting))))))));
  tickTimer();
  follow();
}

function tickTimer() {
  const e = document.querySelector('.timer');
  if (!e) return;
  const s = Math.max(0, Math.floor((Date.now() - Number(e.dataset.since)) / 1000));
  e.textContent = t('operator.since', { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` });
}
setInterval(tickTimer, 1000);

/** Any change in the branch redraws the workplace (lengths, the counter's state). */
function follow() {
  if (source) return;
  source = new EventSource(`/api/v1/branches/${encodeURIComponent(branch.id)}/events?from=now`);
  let pending = null;
  const redraw = () => { if (!pending) pending = setTimeout(() => { pending = null; if (me && counterId) workplace(); }, 300); };
  for (const type of ['TicketIssued', 'TicketCalled', 'TicketRecalled', 'TicketServing', 'TicketFinished', 'TicketNoShow',
    'TicketParked', 'TicketTransferred', 'TicketCancelled', 'CounterOpened', 'CounterPaused', 'CounterClosed', 'StreamReset']) {
    source.addEventListener(type, redraw);
  }
  source.addEventListener('open', () => status(null));
  source.addEventListener('error', () => status(t('status.offline')));
}

async function act(action) {
  const problem = document.getElementById('problem');
  let body;
  if (action === 'transfer') {
    body = await transferTarget();
    if (!body) return;
  }
  try {
    const r = await api(`/branches/${encodeURIComponent(branch.id)}/counters/${encodeURIComponent(counterId)}/${action}`,
      { method: 'POST', body });
    if (r.status === 401) return login(r.data?.detail);
    if (r.status >= 400) {
      problem.textContent = r.data?.detail ?? t('status.error', { status: r.status });
      return;
    }
    if (r.status === 204 && action === 'call') {
      await workplace();
      document.getElementById('problem').textContent = t('operator.nobodyWaiting');
      return;
    }
    await workplace();
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    problem.textContent = t('status.offline');
  }
}

/**
 * Where to transfer the current customer: a queue, another counter, or an operator at another
 * counter, and whether first in line there. A modal dialog: Enter transfers, Escape cancels.
 */
function transferTarget() {
  return new Promise(resolve => {
    const others = seen.counters.filter(c => c.id !== counterId);
    const operators = [...new Set(others.map(c => c.operator).filter(Boolean))];
    const group = (label, options) => (options.length ? el('optgroup', { label }, ...options) : null);
    const select = el('select', { id: 'transfer-target', name: 'target', required: 'required' },
      group(t('operator.transferQueues'), seen.queues.map(q => el('option', { value: 'queue:' + q.id },
        services.filter(s => s.queue === q.id).map(s => serviceName(s.names, s.code)).join(', ') || q.id))),
      group(t('operator.transferCounters'), others.map(c => el('option', { value: 'counter:' + c.id }, counterName(c.names, c.name, c.id)))),
      group(t('operator.transferOperators'), operators.map(o => el('option', { value: 'operator:' + o }, o))));
    const form = el('form', { method: 'dialog', class: 'editor' },
      el('h2', { id: 'transfer-title' }, t('operator.transferTitle', { number: counter?.ticket?.number ?? '' })),
      el('label', { for: 'transfer-target' }, t('operator.transferTo'), select),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'first', id: 'transfer-first' }), t('operator.transferFirst')),
      el('div', { class: 'bar' },
        el('button', { type: 'submit', id: 'transfer-go' }, t('operator.transferGo')),
        el('button', { type: 'button', onclick: () => dialog.close() }, t('site.cancel'))));
    const dialog = el('dialog', { 'aria-labelledby': 'transfer-title', id: 'transfer' }, form);
    let chosen = null;
    form.addEventListener('submit', e => {
      e.preventDefault();
      const [kind, ...rest] = select.value.split(':');
      chosen = { [kind]: rest.join(':'), first: form.querySelector('#transfer-first').checked };
      dialog.close();
    });
    // a select does not submit its form on Enter by itself
    select.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); } });
    dialog.addEventListener('close', () => { dialog.remove(); resolve(chosen); });
    document.body.append(dialog);
    dialog.showModal();
    select.focus();
  });
}

function onKey(e) {
  if (!counterId || !me || e.ctrlKey || e.altKey || e.metaKey) return;
  if (document.querySelector('dialog[open]')) return;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName)) return;
  const a = ACTIONS.find(x => x.key === e.key.toUpperCase());
  if (a) {
    e.preventDefault();
    act(a.action);
  }
}

start();
