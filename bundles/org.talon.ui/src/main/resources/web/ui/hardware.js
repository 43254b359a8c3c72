// The hardware of a branch (/hardware) and one device (/hardware/<id>): its status and what it
// shows. A virtual device's page is the device: a paper roll, a counter display, a hall board, a
// keypad's keys, a feedback terminal's rating buttons.
import { api, el, initialLanguage, languageButtons, NetworkError, setLanguage, sleep, staffLogin, status, t } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const parts = location.pathname.split('/').filter(Boolean);
const deviceId = parts.length > 1 ? decodeURIComponent(parts[1]) : null;
const KEYS = ['CALL', 'NEXT', 'RECALL', 'SERVE', 'FINISH', 'NO_SHOW', 'PARK', 'PAUSE', 'OPEN', 'CLOSE'];
/** The keyboard's keys for a keypad's: N next, C call, R recall, S serve, F finish, X no-show, P park. */
const SHORTCUTS = { n: 'NEXT', c: 'CALL', r: 'RECALL', s: 'SERVE', f: 'FINISH', x: 'NO_SHOW', p: 'PARK' };
let branch;
let device = null;

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (device ? draw(device) : list()));
  const caps = await api('/capabilities').catch(() => null);
  if (caps?.status !== 200) await staffLogin(main);
  const branches = await api('/branches');
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  if (deviceId) follow();
  else list();
}

function place(d) {
  if (d.counter) return t('hardware.place.counter', { id: d.counter });
  if (d.kiosk) return t('hardware.place.kiosk', { id: d.kiosk });
  return t('hardware.place.hall', { id: d.hall ?? '' });
}

function stateText(d) {
  return t('hardware.state.' + d.state) + (d.reason ? ' — ' + d.reason : '');
}

function showing(d) {
  const s = d.showing;
  if (s?.calls) return s.calls.map(c => `${c.number} → ${c.counterLabel}`).join(', ');
  if (s?.line1 != null) return `${s.line1} / ${s.line2}`;
  if (s?.invite) return s.invite;
  return d.printed?.length ? t('hardware.printedAt', { number: d.printed[0].number }) : '';
}

/** Every device of the branch, refreshed every 3 s. */
async function list() {
  document.getElementById('title').textContent = t('hardware.title');
  for (;;) {
    let r;
    try {
      r = await api(`/branches/${encodeURIComponent(branch.id)}/hardware`);
    } catch (e) {
      status(t('status.offline'));
      await sleep(3000);
      continue;
    }
    if (r.status === 401) { await staffLogin(main); continue; }
    status(r.status === 200 ? null : (r.data?.detail ?? t('status.error', { status: r.status })));
    if (r.status === 200) {
      main.replaceChildren(r.data.length === 0 ? el('p', {}, t('hardware.none')) : el('table', { class: 'hardware' },
        el('thead', {}, el('tr', {}, ...['device', 'kind', 'place', 'status', 'showing'].map(c => el('th', { scope: 'col' }, t('hardware.col.' + c))))),
        el('tbody', {}, ...r.data.map(d => el('tr', { 'data-state': d.state },
          el('td', {}, el('a', { href: `/hardware/${encodeURIComponent(d.id)}?branch=${encodeURIComponent(branch.id)}` }, d.label)),
          el('td', {}, d.kinds.map(k => t('hardware.kind.' + k)).join(', ')),
          el('td', {}, place(d)),
          el('td', { class: 'state' }, stateText(d)),
          el('td', {}, showing(d)))))));
    }
    await sleep(3000);
  }
}

/** One device: drawn again each time it changes (the answer waits for a change). */
async function follow() {
  let version = null;
  for (;;) {
    let r;
    try {
      const after = version == null ? '' : `?after=${version}`;
      r = await api(`/branches/${encodeURIComponent(branch.id)}/hardware/${encodeURIComponent(deviceId)}${after}`);
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      status(t('status.offline'));
      await sleep(2000);
      continue;
    }
    if (r.status === 401) { await staffLogin(main); continue; }
    if (r.status === 404) {
      main.replaceChildren(el('p', { role: 'alert' }, t('hardware.unknown', { id: deviceId })));
      await sleep(5000);
      continue;
    }
    if (r.status !== 200) {
      status(r.data?.detail ?? t('status.error', { status: r.status }));
      await sleep(2000);
      continue;
    }
    status(null);
    if (r.data.version !== version) {
      version = r.data.version;
      device = r.data;
      draw(device);
    }
  }
}

async function input(body) {
  const r = await api(`/branches/${encodeURIComponent(branch.id)}/hardware/${encodeURIComponent(deviceId)}/input`, { method: 'POST', body })
    .catch(() => null);
  if (!r) status(t('status.offline'));
  else if (r.status !== 200) status(r.data?.detail ?? t('status.error', { status: r.status }));
}

function draw(d) {
  document.getElementById('title').textContent = d.label;
  const head = el('p', { class: 'device-state', 'data-state': d.state },
    (d.virtual ? t('hardware.virtual') + ' · ' : '') + d.kinds.map(k => t('hardware.kind.' + k)).join(', ') + ' · ' + place(d) + ' · ' + stateText(d));
  const body = [];
  if (d.kinds.includes('DISPLAY')) body.push(display(d));
  if (d.kinds.includes('KEYPAD')) body.push(keypad(d));
  if (d.kinds.includes('FEEDBACK')) body.push(feedback(d));
  if (d.kinds.includes('PRINTER')) body.push(...printer(d));
  main.replaceChildren(head, ...body);
}

function display(d) {
  const calls = d.showing?.calls ?? [];
  if (d.counter) {
    const c = calls[0];
    return c ? el('div', { class: 'big' + (d.showing.alert ? ' blink' : ''), 'data-number': c.number }, c.number)
      : el('div', { class: 'big muted word' }, '—');
  }
  if (calls.length === 0) return el('p', { class: 'muted' }, t('hardware.nothing'));
  // the newest call first and marked; it blinks when the change was that call
  const alert = d.showing.alert?.number;
  return el('table', { class: 'calls' }, el('tbody', {}, ...calls.map((c, i) =>
    el('tr', { class: i === 0 ? (c.number === alert ? 'newest blink' : 'newest') : '', 'data-number': c.number },
      el('td', {}, c.number), el('td', {}, c.counterName)))));
}

function keypad(d) {
  const screen = el('div', { class: 'keypad-screen', 'aria-live': 'polite' },
    el('div', {}, d.showing?.line1 ?? ''), el('div', {}, d.showing?.line2 ?? ''));
  const keys = el('div', { class: 'keys', role: 'group', 'aria-label': t('hardware.keys') }, ...KEYS.map(k =>
    el('button', { type: 'button', 'data-key': k, onclick: () => input({ key: k }) }, t('hardware.key.' + k))));
  return el('section', { class: 'keypad' }, screen, keys);
}

function feedback(d) {
  const invite = d.showing?.invite;
  const scale = 5;
  return el('section', { class: 'feedback' },
    el('h2', {}, invite ? t('hardware.rateTicket', { number: invite }) : t('hardware.rate')),
    el('div', { class: 'ratings', role: 'group' }, ...Array.from({ length: scale }, (_, i) => i + 1).map(n =>
      el('button', { type: 'button', 'data-rating': n, 'aria-label': t('hardware.rating', { n, scale }),
        onclick: async () => { await input({ rating: n, scale }); status(t('hardware.thanks')); setTimeout(() => status(null), 1500); } },
      '★'.repeat(n)))));
}

function printer(d) {
  const states = ['ONLINE', 'PAPER_LOW', 'PAPER_OUT', 'COVER_OPEN', 'OFFLINE'];
  const controls = d.virtual ? el('div', { class: 'keys', role: 'group', 'aria-label': t('hardware.set') }, ...states.map(s =>
    el('button', { type: 'button', 'data-state': s, 'aria-pressed': String(d.state === s), onclick: () => input({ state: s }) },
      t('hardware.state.' + s)))) : null;
  const paper = el('section', { class: 'paper', 'aria-label': t('hardware.paper') },
    ...(d.printed?.length ? d.printed.map(p => {
      const id = p.url ? p.url.split('/t/').pop() : null;
      return el('article', { class: 'ticket printed-ticket', 'data-number': p.number },
        el('p', {}, el('strong', {}, p.branchName ?? '')), el('p', {}, p.serviceName ?? ''), el('p', {}, p.heading ?? ''),
        el('div', { class: 'number' }, p.number), el('p', {}, p.waitText ?? ''), el('p', {}, p.issuedText ?? ''),
        id ? el('img', { src: '/ui/qr.svg?t=' + encodeURIComponent(id), alt: p.urlCaption ?? '' }) : null,
        el('p', {}, p.urlCaption ?? ''));
    }) : [el('p', { class: 'muted' }, t('hardware.noPaper'))]));
  return [controls, paper].filter(Boolean);
}

document.addEventListener('keydown', e => {
  if (!device?.kinds.includes('KEYPAD') || e.ctrlKey || e.altKey || e.metaKey || e.target.tagName === 'INPUT') return;
  const key = SHORTCUTS[e.key.toLowerCase()];
  if (key) { e.preventDefault(); input({ key }); }
  else if (device.kinds.includes('FEEDBACK') && /^[1-5]$/.test(e.key)) input({ rating: Number(e.key), scale: 5 });
});

start();
