// The kiosk: a customer chooses a language and a service and gets a ticket, or checks in with a
// booking code (typed on the screen's keypad, or by a scanner that types it and Enter).
import { api, counterName, dateIn, dayText, el, initialLanguage, languageButtons, lang, NetworkError, serviceName, setLanguage, signedIn, sleep, status, t, timeText,
  waitText } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
let branch;
let defaultLanguage = 'en';
let busy = false;
let back;
/** Whether the booking domain is installed: only then is there a check-in button. */
let bookings = false;
let services = [];
/** When the kiosk last asked which domains are installed: the booking domain may come and go, so it asks every few minutes. */
let capabilitiesAt = 0;
const CAPABILITIES_EVERY = 300000;
/** What a language button redraws: the services, or the check-in form with what was typed. */
let redraw = () => showServices();
/** The letters and digits of booking codes: none that reads like another. */
const CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY34679';
const CODE = new RegExp(`^[${CODE_ALPHABET}]{6}$`);

async function start() {
  await setLanguage(initialLanguage(false));
  bookings = (await signedIn('kiosk', main))?.domains?.includes('booking') ?? false;
  capabilitiesAt = Date.now();
  const branches = await retrying(() => api('/branches'));
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  defaultLanguage = params.get('lang') || branch.locales[0] || 'en';
  await setLanguage(defaultLanguage);
  languageButtons(document.querySelector('.langs'), () => redraw(), false);
  document.getElementById('title').textContent = counterName(branch.names, branch.name, branch.id);
  await showServices();
  setInterval(() => { if (!busy) showServices(); }, 15000);
  document.addEventListener('keydown', scanned);
}

/**
 * A scanner held to a booking's QR code on the services screen types its code and Enter: that
 * is a check-in, without a tap on "I have a booking" first.
 */
let typed = '';
let typedAt = 0;
function scanned(e) {
  if (busy || !bookings || e.ctrlKey || e.altKey || e.metaKey) return;
  if (Date.now() - typedAt > 1000) typed = '';
  const k = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  if (k.length === 1 && CODE_ALPHABET.includes(k)) {
    typed = (typed + k).slice(-6);
    typedAt = Date.now();
  } else if (k === 'Enter' && CODE.test(typed)) {
    e.preventDefault();
    const code = typed;
    typed = '';
    checkIn(code);
  }
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
  // the branch's name in the language shown (a language button rewrites the page's texts)
  document.getElementById('title').textContent = counterName(branch.names, branch.name, branch.id);
  const [found, queues] = await Promise.all([
    retrying(() => api(`/branches/${encodeURIComponent(branch.id)}/services`)),
    retrying(() => api(`/branches/${encodeURIComponent(branch.id)}/queues`)),
    refreshCapabilities(),
  ]);
  if (busy) return;
  services = found.data;
  const byQueue = new Map(queues.data.map(q => [q.id, q]));
  const priority = el('button', { type: 'button', class: 'priority', 'aria-pressed': 'false',
    onclick: e => e.currentTarget.setAttribute('aria-pressed', String(e.currentTarget.getAttribute('aria-pressed') !== 'true')) },
    t('kiosk.priority'));
  const buttons = services.map(s => {
    const q = byQueue.get(s.queue);
    return el('button', { type: 'button', 'data-service': s.code,
      onclick: () => take(s, priority.getAttribute('aria-pressed') === 'true') },
      el('span', { class: 'name' }, serviceName(s.names, s.code)),
      el('span', { class: 'wait' }, q ? `${waitText(q.estimatedWaitSeconds)} · ${t('kiosk.waiting', { count: q.waiting })}` : ''));
  });
  main.replaceChildren(el('h2', {}, t('kiosk.choose')), el('div', { class: 'services' }, ...buttons));
  // the priority choice only where the branch offers it at its kiosks
  if (branch.priorityAtKiosk) main.append(priority);
  if (bookings) {
    main.append(el('button', { type: 'button', class: 'checkin', 'data-action': 'checkin', onclick: () => checkInForm() }, t('kiosk.checkin')));
  }
}

/** Asks again which domains are installed, every few minutes; an unanswered question keeps what was known. */
async function refreshCapabilities(now = false) {
  if (!now && Date.now() - capabilitiesAt < CAPABILITIES_EVERY) return;
  capabilitiesAt = Date.now();
  try {
    const r = await api('/capabilities');
    if (r.status === 200) bookings = r.data?.domains?.includes('booking') ?? false;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
  }
}

/** Back to the services in the kiosk's own language, from any screen a customer leaves or walks away from. */
function home() {
  clearTimeout(back);
  busy = false;
  redraw = () => showServices();
  setLanguage(defaultLanguage).then(showServices);
}

/** "I have a booking": the code in a field that takes a scanner's Enter, and a keypad of the code's letters and digits. */
function checkInForm(problem = null, code = '') {
  busy = true;
  clearTimeout(back);
  const done = home;
  // a customer who walks away leaves the services behind them
  const idle = () => { clearTimeout(back); back = setTimeout(done, 60000); };
  const input = el('input', { id: 'checkin-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    inputmode: 'none', maxlength: '6', class: 'code-input', 'aria-describedby': 'checkin-hint' });
  input.value = code;
  const tidy = () => { input.value = input.value.toUpperCase().split('').filter(c => CODE_ALPHABET.includes(c)).join('').slice(0, 6); };
  input.addEventListener('input', () => { tidy(); idle(); });
  const type = key => {
    input.value = key === 'back' ? input.value.slice(0, -1) : key === 'clear' ? '' : (input.value + key).slice(0, 6);
    idle();
  };
  // a tap on a key leaves the focus in the field (where a scanner types); a key pressed by keyboard keeps its own
  const key = (k, label, text) => el('button', { type: 'button', 'data-key': k, 'aria-label': label ?? null,
    onpointerdown: e => e.preventDefault(), onclick: () => type(k) }, text ?? k);
  const form = el('form', { class: 'checkin-form', 'aria-labelledby': 'checkin-title' },
    el('h2', { id: 'checkin-title' }, t('kiosk.checkinTitle')),
    el('p', { id: 'checkin-hint' }, t('kiosk.checkinHint')),
    el('label', { for: 'checkin-code', class: 'code-label' }, t('kiosk.code'), input),
    el('p', { role: 'alert', class: 'problem', id: 'checkin-problem' }, problem ?? ''),
    el('div', { class: 'keypad', role: 'group', 'aria-label': t('kiosk.keypad') },
      ...CODE_ALPHABET.split('').map(c => key(c)),
      key('back', t('kiosk.backspace'), '⌫'), key('clear', null, t('kiosk.clear'))),
    el('div', { class: 'bar' },
      el('button', { type: 'submit', id: 'checkin-go' }, t('kiosk.checkinGo')),
      el('button', { type: 'button', id: 'checkin-cancel', onclick: done }, t('kiosk.back'))));
  // what a scanner types while the focus is on a key still goes into the field
  form.addEventListener('keydown', e => {
    // a scanner's Enter submits the code wherever the focus is (on a key it would press that key)
    if (e.key === 'Enter' && e.target !== input && CODE.test(input.value)) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    if (e.target === input || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return;
    if (CODE_ALPHABET.includes(e.key.toUpperCase())) {
      e.preventDefault();
      type(e.key.toUpperCase());
    }
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    tidy();
    if (!CODE.test(input.value)) {
      form.querySelector('#checkin-problem').textContent = t('kiosk.codeLength');
      input.focus();
      return;
    }
    clearTimeout(back);
    checkIn(input.value);
  });
  main.replaceChildren(form);
  input.focus();
  idle();
  // a language button draws the form again in that language, with what was typed
  redraw = () => checkInForm(form.querySelector('#checkin-problem').textContent || null, input.value);
}

/** Checks a booking in: its ticket is shown and printed as an issued ticket is; a refusal says what to do. */
async function checkIn(code) {
  busy = true;
  redraw = () => showServices();
  clearTimeout(back);
  main.replaceChildren(el('p', { class: 'muted' }, t('kiosk.checkingIn')));
  const r = await sending(`/branches/${encodeURIComponent(branch.id)}/bookings/${encodeURIComponent(code)}/checkin`, {}, 'checkin-' + crypto.randomUUID());
  if (r?.status === 201) {
    const ticket = r.data.ticket;
    const service = services.find(s => s.code === ticket.service) ?? { code: ticket.service };
    showTicket(service, ticket, await print(ticket), r.data.booking);
  } else if (r?.status === 401) {
    location.reload();
  } else if (r?.status === 404) {
    // perhaps the booking domain went away: the check-in button follows it
    await refreshCapabilities(true);
    checkInForm(t('kiosk.unknownCode'), code);
  } else if (r?.status === 400) {
    checkInForm(r.data?.detail ?? t('kiosk.unknownCode'), code);
  } else if (r?.status === 409) {
    // too early or too late: the API's words say what to do
    showProblem(r.data?.detail ?? t('status.error', { status: r.status }), true);
  } else {
    showProblem(r ? (r.data?.detail ?? t('status.error', { status: r.status })) : t('kiosk.gaveUp'));
  }
}

/** Issues the ticket; a lost answer is asked again with the same key, so it is never issued twice. */
async function take(service, priority) {
  if (busy) return;
  busy = true;
  const key = 'kiosk-' + crypto.randomUUID();
  const body = { service: service.code, language: lang };
  if (priority) body.priority = 'PRIORITY';
  main.replaceChildren(el('p', { class: 'muted' }, t('kiosk.issuing')));
  const r = await sending(`/branches/${encodeURIComponent(branch.id)}/tickets`, body, key);
  if (r?.status === 201) showTicket(service, r.data, await print(r.data));
  else if (r?.status === 401) location.reload();
  else showProblem(r ? (r.data?.detail ?? t('status.error', { status: r.status })) : t('kiosk.gaveUp'));
}

/** A POST tried again for two minutes while the network or the server is away, with the same key; null when it never was answered. */
async function sending(path, body, key) {
  const until = Date.now() + 120000;
  let r = null;
  while (Date.now() < until) {
    try {
      r = await api(path, { method: 'POST', body, key });
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
  return r;
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

/** A booked time: its time of day, and its day too when that is not today (a long arrival window). */
function appointmentTime(start) {
  const day = dateIn(branch.timeZone, start);
  return (day === dateIn(branch.timeZone) ? '' : dayText(day, 'short') + ' ') + timeText(start, branch.timeZone);
}

/** The new ticket; a checked-in booking's ticket says its time instead of the line ahead (it is called at its time). */
function showTicket(service, ticket, outcome, booking = null) {
  const done = home;
  main.replaceChildren(el('section', { class: 'ticket', 'aria-labelledby': 'ticket-number', 'data-booking': booking?.code ?? null },
    booking ? el('p', { class: 'checked-in' }, t('kiosk.checkedIn')) : null,
    el('p', {}, t('kiosk.yourNumber')),
    el('div', { class: 'number', id: 'ticket-number', 'data-number': ticket.number }, ticket.number),
    el('p', {}, serviceName(service.names, service.code)),
    booking ? el('p', { class: 'appointment' }, t('kiosk.appointment', { time: appointmentTime(booking.start) }))
      : el('p', {}, t('kiosk.ahead', { count: Math.max(0, ticket.position - 1) }) + ' · ' + waitText(ticket.estimatedWaitSeconds)),
    el('img', { src: '/ui/qr.svg?t=' + encodeURIComponent(ticket.publicId), alt: t('kiosk.qr') }),
    el('p', {}, t('kiosk.qr')),
    el('p', { class: 'printed', 'data-outcome': outcome?.outcome ?? 'NONE', 'data-printer': outcome?.printer ?? '' }, printedText(outcome)),
    el('button', { type: 'button', onclick: done }, t('kiosk.done'))));
  main.querySelector('button').focus();
  back = setTimeout(done, 30000);
}

/** A refusal in large type; {@code checkIn}: a check-in's, which offers a ticket and another code. */
function showProblem(text, checkIn = false) {
  const done = home;
  main.replaceChildren(el('section', { class: checkIn ? 'ticket refusal' : 'ticket', role: 'alert', id: 'kiosk-problem' },
    el('p', { class: checkIn ? 'message' : null }, text),
    checkIn ? el('div', { class: 'bar' },
      el('button', { type: 'button', 'data-action': 'take', onclick: done }, t('kiosk.takeTicket')),
      el('button', { type: 'button', 'data-action': 'checkin', onclick: () => checkInForm() }, t('kiosk.otherCode')))
      : el('button', { type: 'button', onclick: done }, t('kiosk.done'))));
  main.querySelector('button').focus();
  clearTimeout(back);
  back = setTimeout(done, 30000);
}

start();
