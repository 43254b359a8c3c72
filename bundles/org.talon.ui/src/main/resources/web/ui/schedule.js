// The manager's schedule of one day: the branch's open hours, and for each staff member and counter
// its working hours and its bookings on a time line. A booking moves to another staff member or
// counter in a dialog (a list and a button: Enter moves, Escape cancels). Live from the branch's events.
import { addDays, api, counterName, dateIn, dayText, el, initialLanguage, languageButtons, serviceName, setLanguage, staffLogin, status, t,
  timeText } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const HOUR = 3600000;
let branch;
let services = [];
let date = null;
let schedule = null;
let problem = null;
let notice = null;
let source = null;
let scrolledTo = null;
/** Whether the signed-in user may move bookings (managers; reception sees the day only). */
let canMove = false;
/** A reload that an event asked for while the dialog was open: it comes when the dialog closes. */
let stale = false;
/** The time line's scale: the whole day in the page's width, or closer (every booking's time readable). */
let zoom = localStorage.getItem('talon.scheduleZoom') === 'detail' ? 'detail' : 'day';

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (branch ? draw() : begin()));
  await begin();
}

async function begin(why) {
  const who = await staffLogin(main, why);
  canMove = (who?.roles ?? []).some(r => r === 'manager' || r === 'admin');
  const branches = await api('/branches');
  if (branches.status === 401) return begin(branches.data?.detail);
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  services = (await api(`/branches/${encodeURIComponent(branch.id)}/services`)).data ?? [];
  date = date ?? (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date') : dateIn(branch.timeZone));
  await load();
  follow();
}

async function load() {
  const asked = date;
  let r;
  try {
    r = await api(`/branches/${encodeURIComponent(branch.id)}/schedule?date=${asked}`);
  } catch (e) {
    status(t('status.offline'));
    return;
  }
  // a day clicked past meanwhile: its own answer draws it
  if (asked !== date) return;
  status(null);
  if (r.status === 401) return begin(r.data?.detail);
  schedule = r.status === 200 ? r.data : null;
  problem = r.status === 200 ? null : (r.status === 404 && !r.data ? t('schedule.unavailable') : r.data?.detail ?? t('status.error', { status: r.status }));
  draw();
}

/** Another day: the address says it too, so a reload (or a link) shows the same day. */
function goTo(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
  date = day;
  notice = null;
  const q = new URLSearchParams(location.search);
  q.set('date', day);
  history.replaceState(null, '', location.pathname + '?' + q);
  load();
}

/** The dashboard of the same branch, in the same language. */
function managerLink() {
  const q = new URLSearchParams(location.search);
  q.delete('date');
  return '/manager' + (q.size ? '?' + q : '');
}

const zone = () => schedule?.zone ?? branch.timeZone;
const range = list => (list ?? []).map(h => `${timeText(h.start, zone())}–${timeText(h.end, zone())}`).join(', ');
const svcName = code => serviceName(services.find(s => s.code === code)?.names, code);
const stateText = s => t('schedule.state.' + s);
const resourceName = r => counterName(r.names, r.name, r.id);

function draw() {
  const picker = el('input', { type: 'date', id: 'schedule-date', name: 'date', value: date });
  picker.addEventListener('change', () => goTo(picker.value));
  const children = [
    el('p', { class: 'tight' }, el('a', { href: managerLink(), 'data-link': 'manager' }, t('schedule.back'))),
    el('div', { class: 'bar day-picker' },
      el('button', { type: 'button', 'data-action': 'previous', onclick: () => goTo(addDays(date, -1)) }, '← ' + t('schedule.previous')),
      el('label', { for: 'schedule-date' }, t('schedule.day')), picker,
      el('button', { type: 'button', 'data-action': 'next', onclick: () => goTo(addDays(date, 1)) }, t('schedule.next') + ' →'),
      el('button', { type: 'button', 'data-action': 'today', onclick: () => goTo(dateIn(branch.timeZone)) }, t('schedule.today'))),
    el('h2', { id: 'schedule-title', class: 'tight' }, dayText(date)),
  ];
  if (notice) children.push(el('p', { role: 'status', class: 'notice' }, notice));
  if (problem) children.push(el('p', { role: 'alert', class: 'problem' }, problem));
  if (schedule) {
    children.push(el('p', { id: 'open-hours', class: 'tight' }, schedule.open?.length ? t('schedule.openHours', { hours: range(schedule.open) })
      : t('schedule.closedDay')));
    children.push(schedule.resources?.length ? timeline(schedule) : el('p', {}, t('schedule.noResources')));
  }
  const scrolled = main.querySelector('.timeline')?.scrollLeft ?? 0;
  // a redraw keeps the keyboard's place: the same booking or button has the focus again
  const focused = document.activeElement;
  const again = focused?.dataset?.booking ? `[data-booking="${CSS.escape(focused.dataset.booking)}"]`
    : focused?.dataset?.action ? `[data-action="${CSS.escape(focused.dataset.action)}"]`
      : focused?.dataset?.zoom ? `[data-zoom="${CSS.escape(focused.dataset.zoom)}"]` : focused?.id ? `#${CSS.escape(focused.id)}` : null;
  main.replaceChildren(...children);
  if (again && main.contains(focused) === false) main.querySelector(again)?.focus();
  // today opens a little before now, once: a redraw keeps where the manager scrolled
  const tl = main.querySelector('.timeline');
  // today: now; another day: its first booking
  const mark = tl?.querySelector('.tl-now') ?? [...(tl?.querySelectorAll('.tl-booking') ?? [])].sort((a, b) => a.offsetLeft - b.offsetLeft)[0];
  if (tl && scrolledTo !== date) {
    scrolledTo = date;
    if (mark) tl.scrollLeft = Math.max(0, mark.offsetLeft - (tl.clientWidth - 13 * parseFloat(getComputedStyle(main).fontSize)) / 4);
  } else if (tl) {
    tl.scrollLeft = scrolled;
  }
}

/** The hour in the branch's zone that an instant falls in, as epoch milliseconds (zones off by half hours too). */
function hourOf(ms) {
  const minute = Number(new Intl.DateTimeFormat('en', { timeZone: zone(), minute: 'numeric' }).format(new Date(ms)));
  return ms - (minute * 60000) - (ms % 60000);
}

function timeline(s) {
  const spans = [...(s.open ?? []), ...s.resources.flatMap(r => [...(r.hours ?? []), ...(r.bookings ?? [])])];
  let from = Math.min(...spans.map(x => Date.parse(x.start)));
  let to = Math.max(...spans.map(x => Date.parse(x.end)));
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    // nothing on this day: an empty day from 8 to 18 keeps the rows readable
    from = Date.parse(`${s.date ?? date}T08:00:00Z`);
    to = from + 10 * HOUR;
  }
  from = hourOf(from);
  to = hourOf(to - 1) + HOUR;
  const hours = Math.round((to - from) / HOUR);
  // wide enough that the shortest booking shows its time: 18em an hour for 15 minutes, 9em for 30
  const shortest = Math.min(...s.resources.flatMap(r => (r.bookings ?? []).map(b => Date.parse(b.end) - Date.parse(b.start))).filter(d => d > 0), HOUR);
  const readable = Math.min(20, Math.max(8, 4.5 * HOUR / shortest));
  const em = parseFloat(getComputedStyle(main).fontSize) || 16;
  // the width left of the page beside the names' column (13em), in hours
  const fit = (main.clientWidth / em - 2 - 13) / hours;
  const perHour = zoom === 'day' ? Math.max(4, fit) : Math.max(fit, readable);
  const place = (e, start, end) => {
    // CSSOM, not a style attribute: the page's policy allows no inline styles
    e.style.left = `${((Date.parse(start) - from) / (to - from)) * 100}%`;
    e.style.width = `${((Date.parse(end) - Date.parse(start)) / (to - from)) * 100}%`;
    return e;
  };
  const track = (...children) => {
    const e = el('div', { class: 'tl-track' }, ...children);
    e.style.minWidth = `${hours * perHour}em`;
    return e;
  };
  const ticks = [];
  for (let h = from; h < to; h += HOUR) {
    ticks.push(place(el('span', { class: 'tl-tick' }, timeText(new Date(h).toISOString(), zone())), new Date(h).toISOString(),
      new Date(h + HOUR).toISOString()));
  }
  const now = Date.now();
  const open = () => [...(s.open ?? []).map(o => place(el('div', { class: 'tl-open', 'aria-hidden': 'true' }), o.start, o.end)),
    // where the day is now
    now > from && now < to ? place(el('div', { class: 'tl-now', 'aria-hidden': 'true' }), new Date(now).toISOString(), new Date(now).toISOString()) : null]
    .filter(Boolean);
  const rows = s.resources.map(r => {
    // bookings that overlap (a cancelled one under a new one) lie in lanes one above the other
    const lanes = [];
    const placed = [...(r.bookings ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).map(b => {
      let lane = lanes.findIndex(end => end <= Date.parse(b.start));
      if (lane < 0) lane = lanes.push(0) - 1;
      lanes[lane] = Date.parse(b.end);
      return { b, lane };
    });
    const t0 = track(...open(), ...(r.hours ?? []).map(h => place(el('div', { class: 'tl-hours', 'aria-hidden': 'true' }), h.start, h.end)),
      ...placed.map(({ b, lane }) => {
        const label = t('schedule.booking', { time: `${timeText(b.start, zone())}–${timeText(b.end, zone())}`, service: svcName(b.service),
          name: b.name || '—', state: stateText(b.state) });
        const e = place(el('button', { type: 'button', class: 'tl-booking', 'data-booking': b.id, 'data-state': b.state,
          'aria-label': label, title: label, onclick: () => moveDialog(r, b) },
        el('span', { class: 'tl-time' }, timeText(b.start, zone(), { hour: 'numeric' })),
        el('span', { class: 'tl-who' }, `${svcName(b.service)} · ${b.name || '—'}`)), b.start, b.end);
        e.style.top = `${lane * 4.8 + 0.3}em`; // in the block's own em (0.7 of the track's)
        return e;
      }));
    t0.style.height = `${Math.max(1, lanes.length) * 3.4 + 0.4}em`;
    return el('div', { class: 'tl-row', role: 'listitem', 'data-resource': r.id },
      el('div', { class: 'tl-name' },
        el('strong', {}, resourceName(r)),
        el('span', { class: 'muted' }, t('schedule.kind.' + r.kind)),
        el('span', { class: 'tl-hours-text' }, r.hours?.length ? t('schedule.works', { hours: range(r.hours) }) : t('schedule.off')),
        el('span', { class: 'muted' }, t('schedule.count', { count: (r.bookings ?? []).filter(b => b.state !== 'CANCELLED').length }))),
      t0);
  });
  const legend = el('div', { class: 'tl-legend' },
    ...['BOOKED', 'CHECKED_IN', 'CANCELLED'].map(state => el('span', { class: 'tl-key', 'data-state': state }, stateText(state))),
    el('div', { class: 'bar zoom', role: 'group', 'aria-label': t('schedule.zoom') },
      ...['day', 'detail'].map(z => el('button', { type: 'button', 'data-zoom': z, 'aria-pressed': String(zoom === z), onclick: () => {
        zoom = z;
        localStorage.setItem('talon.scheduleZoom', z);
        scrolledTo = null;
        draw();
        main.querySelector(`[data-zoom=${z}]`)?.focus();
      } }, t(z === 'day' ? 'schedule.zoomDay' : 'schedule.zoomDetail')))));
  return el('section', { class: 'timeline', 'aria-labelledby': 'schedule-title' }, legend,
    el('div', { class: 'tl-row tl-axis', 'aria-hidden': 'true' }, el('div', { class: 'tl-name' }), track(...ticks)),
    el('div', { role: 'list', 'aria-label': t('schedule.resources') }, ...rows));
}

/** A booking's details; while it is booked, a list of the others who can serve it and a Move button. */
function moveDialog(resource, b) {
  // those who serve the service and work through its whole time (the engine would refuse the others)
  const works = r => (r.hours ?? []).some(h => Date.parse(h.start) <= Date.parse(b.start) && Date.parse(h.end) >= Date.parse(b.end));
  const others = schedule.resources.filter(r => r.id !== resource.id && (!r.services?.length || r.services.includes(b.service)) && works(r));
  const movable = b.state === 'BOOKED' && canMove;
  const select = el('select', { id: 'move-target', name: 'resource', required: 'required' },
    ...others.map(r => el('option', { value: r.id }, resourceName(r) + (r.hours?.length ? ` (${range(r.hours)})` : ''))));
  const form = el('form', { method: 'dialog', class: 'editor' },
    el('h2', { id: 'move-title' }, t('schedule.moveTitle', { time: timeText(b.start, zone()), service: svcName(b.service) })),
    el('dl', { class: 'facts' },
      el('dt', {}, t('schedule.who')), el('dd', {}, b.name || '—'),
      el('dt', {}, t('schedule.time')), el('dd', {}, `${timeText(b.start, zone())}–${timeText(b.end, zone())}`),
      el('dt', {}, t('schedule.state')), el('dd', { id: 'move-state' }, stateText(b.state)),
      el('dt', {}, t('schedule.resource')), el('dd', {}, resourceName(resource))),
    movable && others.length ? el('label', { for: 'move-target' }, t('schedule.moveTo'), select) : null,
    b.state === 'BOOKED' && canMove && !others.length ? el('p', {}, t('schedule.noOther')) : null,
    el('p', { role: 'alert', class: 'problem', id: 'move-problem' }),
    el('div', { class: 'bar' },
      movable && others.length ? el('button', { type: 'submit', id: 'move-go' }, t('schedule.move')) : null,
      el('button', { type: 'button', id: 'move-cancel', onclick: () => dialog.close() }, movable && others.length ? t('site.cancel') : t('schedule.close'))));
  const dialog = el('dialog', { 'aria-labelledby': 'move-title', id: 'move' }, form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const go = form.querySelector('#move-go');
    if (go.disabled) return; // a second Enter while the first is on its way
    const target = others.find(r => r.id === select.value);
    let r;
    go.disabled = true;
    try {
      r = await api(`/branches/${encodeURIComponent(branch.id)}/bookings/${encodeURIComponent(b.id)}/move`,
        { method: 'POST', body: { resource: select.value } });
    } catch (err) {
      form.querySelector('#move-problem').textContent = t('status.offline');
      return;
    } finally {
      go.disabled = false;
    }
    if (r.status === 200) {
      dialog.close();
      notice = t('schedule.moved', { time: timeText(b.start, zone()), resource: target ? resourceName(target) : select.value });
      await load();
      document.querySelector(`[data-booking="${CSS.escape(String(b.id))}"]`)?.focus();
    } else if (r.status === 401) {
      dialog.close();
      begin(r.data?.detail);
    } else {
      form.querySelector('#move-problem').textContent = r.data?.detail ?? t('status.error', { status: r.status });
    }
  });
  // a select does not submit its form on Enter by itself
  select.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); } });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (stale) {
      stale = false;
      load();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  (movable && others.length ? select : form.querySelector('#move-cancel')).focus();
}

/** Bookings made, moved, cancelled or checked in meanwhile redraw the day. */
function follow() {
  if (source) return;
  source = new EventSource(`/api/v1/branches/${encodeURIComponent(branch.id)}/events?from=now`);
  let pending = null;
  const reload = () => {
    if (!pending) {
      pending = setTimeout(() => {
        pending = null;
        if (document.querySelector('dialog[open]')) stale = true;
        else load();
      }, 500);
    }
  };
  // a booking of another day (its old or new time) leaves the day shown as it is
  const ofThisDay = e => {
    try {
      const p = JSON.parse(e.data);
      return [p.start, p.from].some(x => x && dateIn(zone(), x) === date);
    } catch (err) {
      return true;
    }
  };
  for (const type of ['BookingCreated', 'BookingRescheduled', 'BookingMoved', 'BookingCancelled', 'BookingCheckedIn', 'BookingNoShow']) {
    source.addEventListener(type, e => { if (ofThisDay(e)) reload(); });
  }
  source.addEventListener('StreamReset', reload);
  let lost = false;
  // back after a drop: what came meanwhile was not heard (the stream starts from now), so the day is read again
  source.addEventListener('open', () => { status(null); if (lost) { lost = false; reload(); } });
  source.addEventListener('error', () => { lost = true; status(t('status.offline')); });
}

start();
