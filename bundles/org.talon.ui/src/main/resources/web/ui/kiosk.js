// The kiosk: a customer chooses a language and a service and gets a ticket.
import { api, counterName, el, initialLanguage, languageButtons, lang, NetworkError, serviceName, setLanguage, signedIn, sleep, status, t, waitText }
  from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
let branch;
let defaultLanguage = 'en';
let busy = false;
let back;

async function start() {
  await setLanguage(initialLanguage(false));
  await signedIn('kiosk', main);
  const branches = await retrying(() => api('/branches'));
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  defaultLanguage = params.get('lang') || branch.locales[0] || 'en';
  await setLanguage(defaultLanguage);
  languageButtons(document.querySelector('.langs'), () => showServices(), false);
  document.getElementById('title').textContent = counterName(branch.names, branch.name, branch.id);
  await showServices();
  setInterval(() => { if (!busy) showServices(); }, 15000);
}

/** Runs a GET until it is answered; says so while the network is away. */
async function retrying(call) {
  for (;;) {
    try {
      const r = await call();
      if (r.status === 200) { status(null); return r; }
      if (r.status === 401) location.reload();
      status(r.data?.detail ?? t('status.error', { status: r.status }));
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      status(t('status.offline'));
    }
    await sleep(3000);
  }
}

async function showServices() {
  const [services, queues] = await Promise.all([
    retrying(() => api(`/branches/${encodeURIComponent(branch.id)}/services`)),
    retrying(() => api(`/branches/${encodeURIComponent(branch.id)}/queues`)),
  ]);
  if (busy) return;
  const byQueue = new Map(queues.data.map(q => [q.id, q]));
  const priority = el('button', { type: 'button', class: 'priority', 'aria-pressed': 'false',
    onclick: e => e.currentTarget.setAttribute('aria-pressed', String(e.currentTarget.getAttribute('aria-pressed') !== 'true')) },
    t('kiosk.priority'));
  const buttons = services.data.map(s => {
    const q = byQueue.get(s.queue);
    return el('button', { type: 'button', 'data-service': s.code,
      onclick: () => take(s, priority.getAttribute('aria-pressed') === 'true') },
      el('span', { class: 'name' }, serviceName(s.names, s.code)),
      el('span', { class: 'wait' }, q ? `${waitText(q.estimatedWaitSeconds)} · ${t('kiosk.waiting', { count: q.waiting })}` : ''));
  });
  main.replaceChildren(el('h2', {}, t('kiosk.choose')), el('div', { class: 'services' }, ...buttons));
  // the priority choice only where the branch offers it at its kiosks
  if (branch.priorityAtKiosk) main.append(priority);
}

/** Issues the ticket; a lost answer is asked again with the same key, so it is never issued twice. */
async function take(service, priority) {
  if (busy) return;
  busy = true;
  const key = 'kiosk-' + crypto.randomUUID();
  const body = { service: service.code, language: lang };
  if (priority) body.priority = 'PRIORITY';
  main.replaceChildren(el('p', { class: 'muted' }, t('kiosk.issuing')));
  const until = Date.now() + 120000;
  let r = null;
  while (Date.now() < until) {
    try {
      r = await api(`/branches/${encodeURIComponent(branch.id)}/tickets`, { method: 'POST', body, key });
      if (r.status === 201 || (r.status < 500 && r.status !== 429 && r.status !== 408)) break;
      status(t('kiosk.retrying'));
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      status(t('kiosk.retrying'));
      r = null;
    }
    await sleep(2000);
  }
  status(null);
  if (r?.status === 201) showTicket(service, r.data, await print(r.data));
  else if (r?.status === 401) location.reload();
  else showProblem(r ? (r.data?.detail ?? t('status.error', { status: r.status })) : t('kiosk.gaveUp'));
}

/**
 * Asks for the ticket to be printed: on this kiosk's printer, else its fallback. Answers where it
 * went, or null when it was not printed (no printer answered, or no hardware support installed).
 * Asking again is safe: a ticket is printed once.
 */
async function print(ticket) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const r = await api(`/branches/${encodeURIComponent(branch.id)}/tickets/${encodeURIComponent(ticket.id ?? ticket.number)}/print`,
        { method: 'POST', body: {} });
      return r.status === 200 ? r.data : null;
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      await sleep(1000);
    }
  }
  return null;
}

/** What the customer reads about the paper ticket. */
function printedText(outcome) {
  if (outcome?.outcome === 'PRINTED') {
    return outcome.fallback ? t('kiosk.printedElsewhere', { printer: outcome.printerLabel ?? outcome.printer }) : t('kiosk.printed');
  }
  return outcome?.tried?.length ? t('kiosk.notPrinted') : t('kiosk.shownOnScreen');
}

function showTicket(service, ticket, outcome) {
  const done = () => { clearTimeout(back); busy = false; setLanguage(defaultLanguage).then(showServices); };
  main.replaceChildren(el('section', { class: 'ticket', 'aria-labelledby': 'ticket-number' },
    el('p', {}, t('kiosk.yourNumber')),
    el('div', { class: 'number', id: 'ticket-number', 'data-number': ticket.number }, ticket.number),
    el('p', {}, serviceName(service.names, service.code)),
    el('p', {}, t('kiosk.ahead', { count: Math.max(0, ticket.position - 1) }) + ' · ' + waitText(ticket.estimatedWaitSeconds)),
    el('img', { src: '/ui/qr.svg?t=' + encodeURIComponent(ticket.publicId), alt: t('kiosk.qr') }),
    el('p', {}, t('kiosk.qr')),
    el('p', { class: 'printed', 'data-outcome': outcome?.outcome ?? 'NONE', 'data-printer': outcome?.printer ?? '' }, printedText(outcome)),
    el('button', { type: 'button', onclick: done }, t('kiosk.done'))));
  main.querySelector('button').focus();
  back = setTimeout(done, 30000);
}

function showProblem(text) {
  main.replaceChildren(el('section', { class: 'ticket', role: 'alert' },
    el('p', {}, text),
    el('button', { type: 'button', onclick: () => { busy = false; showServices(); } }, t('kiosk.done'))));
  main.querySelector('button').focus();
}

start();
