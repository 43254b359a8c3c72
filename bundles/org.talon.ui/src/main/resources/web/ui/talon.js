// What every Talon page shares: its language and texts, calls to /api/v1, the status line, pairing.
export const LANGS = ['en', 'ru', 'pl'];
let texts = {};
export let lang = 'en';

/** Loads the texts of a language and writes them into every [data-i18n] element. */
export async function setLanguage(wanted) {
  const l = LANGS.includes(wanted) ? wanted : 'en';
  const r = await fetch(`/ui/i18n/${l}.json`);
  texts = await r.json();
  lang = l;
  document.documentElement.lang = l;
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.i18nLabel)));
  document.querySelectorAll('.langs button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === l)));
  if (texts[document.body.dataset.title]) document.title = texts[document.body.dataset.title];
}

/** The text for a key with {name} filled in; the key itself when a text is missing. */
export function t(key, vars = {}) {
  const s = texts[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] ?? m));
}

/** Each language's name in itself, as its button and choices show it. */
export const LANGUAGE_NAMES = { en: 'English', ru: 'Русский', pl: 'Polski' };

/** ?lang= first, then the page's remembered choice, then the browser's. */
export function initialLanguage(remember = true) {
  const q = new URLSearchParams(location.search).get('lang');
  return q || (remember && localStorage.getItem('talon.lang')) || (navigator.language || 'en').slice(0, 2);
}

/** The language buttons in a .langs element; each press reloads the texts and calls back. */
export function languageButtons(nav, onChange, remember = true) {
  nav.replaceChildren(...LANGS.map(l => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.lang = l;
    b.lang = l;
    b.textContent = LANGUAGE_NAMES[l];
    b.setAttribute('aria-pressed', String(l === lang));
    b.addEventListener('click', async () => {
      if (remember) localStorage.setItem('talon.lang', l);
      await setLanguage(l);
      onChange?.(l);
    });
    return b;
  }));
}

export class NetworkError extends Error {}

/** A call to /api/v1: {status, data}; a NetworkError when no answer came at all. */
export async function api(path, { method = 'GET', body, key, signal } = {}) {
  // the custom header is what the server asks of cookie-signed changes: other sites cannot send it
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang, 'X-Talon-Request': '1' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  let r;
  try {
    r = await fetch('/api/v1' + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store', signal,
    });
  } catch (e) {
    throw new NetworkError(String(e));
  }
  let data = null;
  if ((r.headers.get('Content-Type') || '').includes('json')) data = await r.json().catch(() => null);
  return { status: r.status, data };
}

/** The line at the bottom that says what is wrong (offline, retrying); null hides it. */
export function status(text) {
  let s = document.getElementById('status');
  if (!s) {
    s = document.createElement('div');
    s.id = 'status';
    s.setAttribute('role', 'status');
    s.setAttribute('aria-live', 'assertive');
    document.body.append(s);
  }
  s.hidden = text == null;
  s.textContent = text ?? '';
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children.filter(c => c != null));
  return e;
}

/**
 * Makes sure the page may use the API: answers the capabilities when it may. A kiosk or display
 * that is not paired shows a pairing code until an admin pairs it, then reloads.
 */
export async function signedIn(role, root) {
  for (;;) {
    let r;
    try {
      r = await api('/capabilities');
    } catch (e) {
      status(t('status.offline'));
      await sleep(3000);
      continue;
    }
    status(null);
    if (r.status === 200) return r.data;
    if (r.status === 401) {
      await pair(role, root);
      continue;
    }
    // a server starting or restarting (404, 503): what a customer reads is that it is away
    status(t('status.offline'));
    await sleep(3000);
  }
}

async function pair(role, root) {
  for (;;) {
    let p;
    try {
      p = await api('/pairings', { method: 'POST' });
    } catch (e) {
      status(t('status.offline'));
      await sleep(3000);
      continue;
    }
    if (p.status !== 201) {
      status(p.data?.detail ?? t('status.error', { status: p.status }));
      await sleep(10000);
      continue;
    }
    status(null);
    const code = p.data.code;
    root.replaceChildren(el('section', { class: 'pairing', 'aria-labelledby': 'pair-title' },
      el('h1', { id: 'pair-title' }, t('pair.title')),
      el('p', {}, t('pair.howto')),
      el('div', { class: 'code', 'aria-label': t('pair.code') }, code.slice(0, 3) + ' ' + code.slice(3)),
      el('code', {}, `talon:device-pair ${code} ${role} ${role}-1`)));
    // poll until paired (the answer sets the device cookie) or expired (a new code)
    for (;;) {
      await sleep(2000);
      let s;
      try {
        s = await api('/pairings/' + encodeURIComponent(p.data.id));
      } catch (e) {
        status(t('status.offline'));
        continue;
      }
      status(null);
      if (s.status === 200 && s.data.state === 'paired') return;
      if (s.status === 404) break;
    }
  }
}

/** A service's name in the page's language (then English, then its code). */
export function serviceName(names, code) {
  return (names && (names[lang] || names.en)) || code;
}

/**
 * A counter's (or a branch's) name in the page's language: its own name there (names.pl =
 * "Stanowisko 3"), else the name it has for every language, else its id.
 */
export function counterName(names, name, id) {
  return (names && names[lang]) || name || id || '';
}

/** Intl options with the time zone, when this browser knows it (else the browser's own zone). */
function inZone(zone, options) {
  if (!zone) return options;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return { ...options, timeZone: zone };
  } catch (e) {
    return options;
  }
}

/** "09:15": the time of day of an instant (ISO 8601 text) in a time zone (the branch's), in the page's language. */
export function timeText(iso, zone, options = {}) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, inZone(zone, { hour: '2-digit', minute: '2-digit', ...options })).format(new Date(iso));
}

/** "Tuesday, 8 December": a calendar day (YYYY-MM-DD) in the page's language; {@code style} 'short' gives "Tue 8 Dec". */
export function dayText(date, style = 'long') {
  const [y, m, d] = date.split('-').map(Number);
  const options = style === 'short' ? { weekday: 'short', day: 'numeric', month: 'short' }
    : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The calendar day (YYYY-MM-DD) of an instant (a Date or ISO text, now when not given) in a time zone. */
export function dateIn(zone, when = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', inZone(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }))
    .formatToParts(new Date(when));
  const part = type => parts.find(p => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day {@code days} after a day (YYYY-MM-DD). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "about 10 min", "no wait": what a customer reads of an estimate in seconds. */
export function waitText(seconds) {
  if (seconds == null) return t('wait.unknown');
  if (seconds < 60) return t('wait.none');
  return t('wait.minutes', { minutes: Math.round(seconds / 60) });
}

/**
 * The staff member signed in on this page: asks GET /session, and shows the login form until a
 * login succeeds (the session is an HttpOnly cookie; no browser dialog). {@code problem} is shown
 * on the form, e.g. why the last session ended.
 */
export async function staffLogin(root, problem) {
  if (!problem) {
    const r = await api('/session').catch(() => null);
    if (r?.status === 200) return r.data;
  }
  return new Promise(resolve => {
    const show = text => {
      const form = el('form', { class: 'login', 'aria-labelledby': 'login-title' },
        el('h2', { id: 'login-title' }, t('operator.login')),
        el('label', {}, t('operator.user'), el('input', { name: 'user', autocomplete: 'username', required: 'required' })),
        el('label', {}, t('operator.password'),
          el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: 'required' })),
        text ? el('p', { role: 'alert', class: 'problem' }, text) : null,
        el('button', { type: 'submit' }, t('operator.signIn')));
      form.addEventListener('submit', async e => {
        e.preventDefault();
        const data = new FormData(form);
        try {
          const r = await api('/session', { method: 'POST', body: { user: data.get('user'), password: data.get('password') } });
          if (r.status === 200) resolve(r.data);
          else show(r.data?.detail ?? t('status.error', { status: r.status }));
        } catch (err) {
          show(t('status.offline'));
        }
      });
      root.replaceChildren(form);
      form.querySelector('input').focus();
    };
    show(problem);
  });
}
