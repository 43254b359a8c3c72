// The public booking page: a customer books a visit (service → day → time → contact → code), and
// later finds it again with the code and their phone number or e-mail to see, move or cancel it.
// It needs no login. It shows the customer's own contact only, on their own booking, and keeps
// none of it: nothing is stored in the browser.
import { addDays, api, dateIn, dayText, el, languageButtons, initialLanguage, lang, LANGS, LANGUAGE_NAMES, NetworkError, serviceName, setLanguage, status, t, timeText }
  from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const branch = encodeURIComponent(params.get('branch') || 'demo');
/** The booking window the page offers: this many days ahead, shown a page of days at a time. */
const WINDOW_DAYS = 60;
const PAGE_DAYS = 14;

let services = null;
/** The branch's time zone, as the days and slots answer it: every time is shown there. */
let zone = null;
/** Draws the step shown now again (after a language change). */
let redraw = () => {};
/** What the customer chose so far: service, days (the days shown), date, slots, slot, contact fields, language. */
let choice = {};
/** The booking the page shows: its view and the contact that proves it is theirs; rescheduling when set. */
let mine = null;

async function start() {
  await setLanguage(initialLanguage(false));
  languageButtons(document.querySelector('.langs'), () => redraw(), false);
  const code = params.get('code');
  if (code) manageForm({ code });
  else await chooseService();
}

/** Shows a step: its elements, its focus on the heading for keyboard and screen-reader users. */
function show(draw, focus = true) {
  redraw = () => {
    main.replaceChildren(...draw().filter(Boolean));
  };
  redraw();
  const h = main.querySelector('h2');
  if (h && focus) {
    h.tabIndex = -1;
    h.focus();
  }
}

/** A GET to the API; on a lost connection says so at the bottom and answers null. */
async function get(path) {
  try {
    const r = await api(path);
    status(null);
    return r;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    status(t('status.offline'));
    return null;
  }
}

/** A change (POST, DELETE); a lost connection is answered as {status: 0}. Never repeated by itself: the customer decides. */
async function change(path, method, body) {
  try {
    return await api(path, { method, body, key: 'book-' + crypto.randomUUID() });
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return { status: 0, data: { detail: t('status.offline') } };
  }
}

const problemText = r => r?.data?.detail ?? (r ? t('status.error', { status: r.status }) : t('status.offline'));

function problemScreen(text, again) {
  show(() => [el('h2', {}, t('book.problem')), el('p', { role: 'alert', class: 'problem' }, text),
    el('button', { type: 'button', onclick: again }, t('book.tryAgain'))]);
}

/** Where in the four steps of a new booking the customer is (none while moving a booking). */
const step = n => (mine ? null : el('p', { class: 'steps muted' }, t('book.step', { n, of: 4 })));
const backButton = (text, onclick) => el('button', { type: 'button', class: 'back', onclick }, '← ' + text);
const nameOf = code => {
  const s = services?.find(x => x.code === code);
  return s ? serviceName(s.names, s.name || s.code) : code;
};
/** "Tuesday, 8 December 2026, 09:00–09:15" in the branch's zone. */
const whenText = (start, end, date) => `${dayText(date)}, ${timeText(start, zone)}${end ? '–' + timeText(end, zone) : ''}`;

async function loadServices() {
  if (services) return true;
  const r = await get(`/branches/${branch}/booking/services`);
  if (r?.status === 200) {
    services = r.data ?? [];
    return true;
  }
  if (r?.status === 404) {
    show(() => [el('h2', {}, t('book.unavailable')), el('p', {}, t('book.unavailableHow'))]);
  } else {
    problemScreen(problemText(r), () => chooseService());
  }
  return false;
}

async function chooseService() {
  mine = null;
  if (!(await loadServices())) return;
  show(() => [
    step(1),
    el('h2', {}, t('book.chooseService')),
    services.length
      ? el('div', { class: 'services' }, ...services.map(s => el('button', { type: 'button', 'data-service': s.code,
        onclick: () => { choice = { service: s.code, language: choice.language, contact: choice.contact }; chooseDay(); } },
      el('span', { class: 'name' }, serviceName(s.names, s.name || s.code)),
      s.durationMinutes ? el('span', { class: 'wait' }, t('book.duration', { minutes: s.durationMinutes })) : null)))
      : el('p', {}, t('book.noServices')),
    el('section', { class: 'manage', 'aria-labelledby': 'manage-title' },
      el('h2', { id: 'manage-title' }, t('book.haveBooking')),
      el('button', { type: 'button', 'data-action': 'manage', onclick: () => manageForm({}) }, t('book.manage')))], false);
}

/** The days with free times: a page of days from {@code from} (today when not given). */
async function chooseDay(from = null) {
  const r = await get(`/branches/${branch}/booking/days?service=${encodeURIComponent(choice.service)}&days=${PAGE_DAYS}`
    + (from ? '&from=' + from : ''));
  if (r?.status !== 200) return problemScreen(problemText(r), () => chooseDay(from));
  zone = r.data.zone ?? zone;
  const days = r.data.days ?? [];
  if (!from) choice.first = days[0]?.date;
  choice.from = from;
  const first = choice.first;
  const offset = first && from ? Math.round((Date.parse(from) - Date.parse(first)) / 86400000) : 0;
  const last = days[days.length - 1]?.date;
  show(() => [
    step(2),
    backButton(mine ? t('book.backToBooking') : t('book.backToServices'), () => (mine ? manageView() : chooseService())),
    el('h2', {}, t('book.chooseDay')),
    el('p', { class: 'muted' }, nameOf(choice.service)),
    days.some(d => d.open && d.available > 0) ? null : el('p', { class: 'notice-plain' }, t('book.noDays')),
    el('div', { class: 'days' }, ...days.map(d => el('button', { type: 'button', 'data-date': d.date,
      disabled: d.open && d.available > 0 ? null : 'disabled', onclick: () => chooseSlot(d.date) },
    el('span', { class: 'name' }, dayText(d.date, 'short')),
    el('span', { class: 'wait' }, !d.open ? t('book.closed') : d.available > 0 ? t('book.free', { count: d.available }) : t('book.full'))))),
    el('div', { class: 'bar' },
      offset > 0 ? el('button', { type: 'button', 'data-action': 'earlier', onclick: () => chooseDay(offset - PAGE_DAYS > 0 ? addDays(first, offset - PAGE_DAYS) : null) },
        t('book.earlier')) : null,
      last && offset + PAGE_DAYS < WINDOW_DAYS ? el('button', { type: 'button', 'data-action': 'later', onclick: () => chooseDay(addDays(last, 1)) },
        t('book.later')) : null)]);
}

/** The times of a day; full ones are shown but cannot be chosen. {@code problem}: why the last choice failed. */
async function chooseSlot(date, problem = null) {
  const r = await get(`/branches/${branch}/slots?service=${encodeURIComponent(choice.service)}&date=${date}`);
  if (r?.status !== 200) return problemScreen(problemText(r), () => chooseSlot(date, problem));
  zone = r.data.zone ?? zone;
  choice.date = date;
  const slots = r.data.slots ?? [];
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  show(() => [
    step(3),
    backButton(t('book.backToDays'), () => chooseDay(choice.from)),
    el('h2', {}, t('book.chooseTime')),
    el('p', { class: 'muted' }, nameOf(choice.service) + ' · ' + dayText(date)),
    problem ? el('p', { role: 'alert', class: 'problem', id: 'slot-problem' }, problem) : null,
    zone && here !== zone ? el('p', { class: 'hint' }, t('book.zoneHint', { zone })) : null,
    slots.length ? el('div', { class: 'slots' }, ...slots.map(s => el('button', { type: 'button', 'data-start': s.start,
      disabled: s.available > 0 ? null : 'disabled', onclick: () => (mine ? confirmMove(s) : contactForm(s)) },
    el('span', { class: 'name' }, timeText(s.start, zone)),
    el('span', { class: 'wait' }, s.available > 0 ? t('book.free', { count: s.available }) : t('book.full')))))
      : el('p', {}, t('book.noTimes'))]);
}

function contactForm(slot) {
  choice.slot = slot;
  const c = choice.contact ?? (choice.contact = {});
  show(() => {
    const input = (name, label, attrs) => {
      const i = el('input', { id: 'book-' + name, name, ...attrs });
      i.value = c[name] ?? '';
      i.addEventListener('input', () => { c[name] = i.value; });
      return el('label', { for: 'book-' + name }, t(label), i);
    };
    const language = el('select', { id: 'book-language', name: 'language' },
      ...LANGS.map(l => el('option', { value: l, lang: l }, LANGUAGE_NAMES[l])));
    language.value = choice.language ?? lang;
    language.addEventListener('change', () => { choice.language = language.value; });
    const form = el('form', { class: 'editor booking-form', novalidate: 'novalidate' },
      input('name', 'book.name', { autocomplete: 'name', required: 'required', maxlength: '80' }),
      input('phone', 'book.phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '32', 'aria-describedby': 'book-contact-hint' }),
      input('email', 'book.email', { type: 'email', autocomplete: 'email', maxlength: '120', 'aria-describedby': 'book-contact-hint' }),
      el('p', { class: 'hint', id: 'book-contact-hint' }, t('book.contactHint')),
      el('label', { for: 'book-language' }, t('book.language'), language),
      el('p', { class: 'hint' }, t('book.privacy')),
      el('p', { role: 'alert', class: 'problem', id: 'book-problem' }),
      el('button', { type: 'submit', id: 'book-submit' }, t('book.confirm')));
    form.addEventListener('submit', e => {
      e.preventDefault();
      book(form);
    });
    return [step(4), backButton(t('book.backToTimes'), () => chooseSlot(choice.date)),
      el('h2', {}, t('book.yourDetails')),
      el('p', { class: 'summary' }, nameOf(choice.service) + ' · ' + whenText(slot.start, slot.end, choice.date)),
      form];
  });
}

async function book(form) {
  const problem = form.querySelector('#book-problem');
  const c = choice.contact;
  const name = (c.name ?? '').trim();
  const phone = (c.phone ?? '').trim();
  const email = (c.email ?? '').trim();
  if (!name) {
    problem.textContent = t('book.needName');
    form.querySelector('#book-name').focus();
    return;
  }
  if (!phone && !email) {
    problem.textContent = t('book.needContact');
    form.querySelector('#book-phone').focus();
    return;
  }
  const submit = form.querySelector('#book-submit');
  submit.disabled = true;
  submit.textContent = t('book.booking');
  const contact = { name };
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  const r = await change(`/branches/${branch}/bookings`, 'POST',
    { service: choice.service, start: choice.slot.start, contact, language: choice.language ?? lang });
  if (r.status === 201) {
    mine = { view: r.data, contact: phone || email };
    choice.contact = {};
    confirmation();
    return;
  }
  if (r.status === 409) {
    // the time was taken meanwhile, or the contact has too many bookings: the times again, with why
    chooseSlot(choice.date, problemText(r));
    return;
  }
  submit.disabled = false;
  submit.textContent = t('book.confirm');
  problem.textContent = problemText(r);
}

/** What the customer keeps: the code, its QR code, the time, what to do on arrival. */
function details(v) {
  const booked = v.state === 'BOOKED';
  return el('section', { class: 'card booking', 'aria-labelledby': 'booking-code-label', 'data-state': v.state },
    el('p', { id: 'booking-code-label' }, t('book.yourCode')),
    el('div', { class: 'code', id: 'booking-code', 'data-code': v.code }, v.code),
    booked ? el('img', { src: `/api/v1/bookings/${encodeURIComponent(v.code)}/qr.png?contact=${encodeURIComponent(mine.contact)}`,
      alt: t('book.qrAlt', { code: v.code }), width: '180', height: '180' }) : null,
    el('p', { class: 'when' }, whenText(v.start, v.end, dateOf(v.start))),
    el('p', {}, nameOf(v.service) === v.service && v.serviceName ? v.serviceName : nameOf(v.service)),
    v.name ? el('p', { class: 'muted' }, t('book.bookedFor', { name: v.name })) : null,
    el('p', { class: 'state', 'data-state': v.state }, t('book.state.' + v.state)),
    v.state === 'CHECKED_IN' && v.ticketNumber ? el('p', { class: 'ticket-number' }, t('book.ticket', { number: v.ticketNumber })) : null,
    booked ? el('div', { class: 'arrival' },
      el('h3', {}, t('book.onArrival')),
      el('p', { id: 'arrival' }, !(v.checkinFrom && v.checkinUntil) ? t('book.arrivalAny')
        // a window that is open already says until when, not since when
        : Date.parse(v.checkinFrom) <= Date.now() ? t('book.arrivalNow', { until: momentText(v.checkinUntil, v.start) })
          : t('book.arrival', { from: momentText(v.checkinFrom, v.start), until: momentText(v.checkinUntil, v.start) })),
      el('p', {}, t('book.keepCode'))) : null);
}

/** The time of an instant, with its day when that is not the day of {@code start} (a long arrival window). */
const momentText = (iso, start) => (dateOf(iso) === dateOf(start) ? timeText(iso, zone) : `${dayText(dateOf(iso), 'short')} ${timeText(iso, zone)}`);

/** The calendar day of an instant in the branch's zone (the day its own text names, while the zone is not known). */
const dateOf = iso => (zone ? dateIn(zone, iso) : iso.slice(0, 10));

function confirmation() {
  show(() => [
    el('h2', { class: 'done' }, t('book.booked')),
    details(mine.view),
    el('div', { class: 'bar' },
      el('button', { type: 'button', 'data-action': 'manage-this', onclick: () => manageView() }, t('book.manageThis')),
      el('button', { type: 'button', 'data-action': 'another', onclick: () => { choice = {}; chooseService(); } }, t('book.another')))]);
}

/** "Manage my booking": the code and the phone number or e-mail it was made with. */
function manageForm(prefill, problem = null) {
  show(() => {
    const code = el('input', { id: 'manage-code', name: 'code', required: 'required', autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: 'false', maxlength: '8', class: 'code-input', 'aria-describedby': 'manage-code-hint' });
    code.value = prefill.code ?? '';
    const contact = el('input', { id: 'manage-contact', name: 'contact', required: 'required', maxlength: '120',
      'aria-describedby': 'manage-contact-hint' });
    contact.value = prefill.contact ?? '';
    const form = el('form', { class: 'editor' },
      el('label', { for: 'manage-code' }, t('book.code'), code, el('span', { class: 'hint', id: 'manage-code-hint' }, t('book.codeHint'))),
      el('label', { for: 'manage-contact' }, t('book.phoneOrEmail'), contact,
        el('span', { class: 'hint', id: 'manage-contact-hint' }, t('book.phoneOrEmailHint'))),
      el('p', { role: 'alert', class: 'problem', id: 'manage-problem' }, problem ?? ''),
      el('button', { type: 'submit', id: 'manage-find' }, t('book.find')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const c = code.value.toUpperCase().replace(/[\s-]/g, '');
      const who = contact.value.trim();
      if (!c || !who) {
        form.querySelector('#manage-problem').textContent = t('book.needCodeAndContact');
        return;
      }
      const r = await get(`/bookings/${encodeURIComponent(c)}?contact=${encodeURIComponent(who)}`);
      if (r?.status === 200) {
        mine = { view: r.data, contact: who };
        manageView();
      } else if (r?.status === 404) {
        manageForm({ code: c, contact: who }, t('book.notFound'));
      } else {
        form.querySelector('#manage-problem').textContent = problemText(r);
      }
    });
    return [backButton(t('book.backToServices'), () => chooseService()), el('h2', {}, t('book.manageTitle')), form];
  });
}

/** The customer's own booking: its details, and moving or cancelling it while it is booked. */
async function manageView(notice = null) {
  await loadServices();
  if (!zone) {
    // the booking's times are shown in the branch's zone: the days answer it
    const r = await get(`/branches/${branch}/booking/days?service=${encodeURIComponent(mine.view.service)}&days=1`);
    if (r?.status === 200) zone = r.data.zone;
  }
  let asking = false;
  show(() => {
    const v = mine.view;
    const actions = v.state !== 'BOOKED' ? null : asking
      ? el('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'cancel-question' },
        el('p', { id: 'cancel-question' }, t('book.cancelSure')),
        el('div', { class: 'bar' },
          el('button', { type: 'button', 'data-action': 'cancel-yes', onclick: () => cancel() }, t('book.cancelYes')),
          el('button', { type: 'button', 'data-action': 'cancel-no', onclick: () => { asking = false; redraw(); main.querySelector('[data-action=cancel]')?.focus(); } },
            t('book.cancelNo'))))
      : el('div', { class: 'bar' },
        el('button', { type: 'button', 'data-action': 'reschedule', onclick: () => { choice = { service: v.service }; chooseDay(); } },
          t('book.reschedule')),
        el('button', { type: 'button', 'data-action': 'cancel', onclick: () => {
          asking = true;
          redraw();
          main.querySelector('[data-action=cancel-no]')?.focus();
        } }, t('book.cancel')));
    return [
      backButton(t('book.backToServices'), () => { mine = null; chooseService(); }),
      el('h2', {}, t('book.yourBooking')),
      notice ? el('p', { role: 'status', class: 'notice' }, notice) : null,
      details(v),
      actions,
      el('p', { role: 'alert', class: 'problem', id: 'manage-problem' })];
  });
}

async function cancel() {
  const r = await change(`/bookings/${encodeURIComponent(mine.view.code)}?contact=${encodeURIComponent(mine.contact)}`, 'DELETE');
  if (r.status === 200) {
    mine.view = r.data;
    manageView(t('book.cancelled'));
  } else {
    await manageView();
    main.querySelector('#manage-problem').textContent = problemText(r);
  }
}

/** Rescheduling: the new time, said once more before it is taken. */
function confirmMove(slot) {
  const v = mine.view;
  show(() => [
    backButton(t('book.backToTimes'), () => chooseSlot(choice.date)),
    el('h2', {}, t('book.moveTitle')),
    el('p', {}, t('book.moveFrom', { when: whenText(v.start, v.end, dateOf(v.start)) })),
    el('p', { class: 'summary' }, t('book.moveTo', { when: whenText(slot.start, slot.end, choice.date) })),
    el('p', { role: 'alert', class: 'problem', id: 'move-problem' }),
    el('div', { class: 'bar' },
      el('button', { type: 'button', 'data-action': 'move-yes', onclick: async e => {
        e.currentTarget.disabled = true;
        const r = await change(`/bookings/${encodeURIComponent(v.code)}/reschedule?contact=${encodeURIComponent(mine.contact)}`, 'POST',
          { start: slot.start });
        if (r.status === 200) {
          mine.view = r.data;
          manageView(t('book.moved'));
        } else if (r.status === 409) {
          chooseSlot(choice.date, problemText(r));
        } else {
          main.querySelector('#move-problem').textContent = problemText(r);
          main.querySelector('[data-action=move-yes]').disabled = false;
        }
      } }, t('book.moveYes')))]);
}

start();
