// The manager's editor of a branch's services, counters and work profiles. Each is a
// configuration in ConfigAdmin (an etc/*.cfg file): what is saved here is what config:list shows.
import { api, el, initialLanguage, languageButtons, setLanguage, staffLogin, t } from './talon.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
let branch;
let site;
let notice = null; // {text, alert}: what the last save or removal did

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (site ? draw() : begin()));
  await begin();
}

async function begin(problem) {
  await staffLogin(main, problem);
  const branches = await api('/branches');
  if (branches.status === 401) return begin(branches.data?.detail);
  branch = branches.data.find(b => b.id === params.get('branch')) ?? branches.data[0];
  await load();
}

async function load() {
  const r = await api(`/branches/${encodeURIComponent(branch.id)}/site`);
  if (r.status === 401) return begin(r.data?.detail);
  if (r.status !== 200) {
    main.replaceChildren(el('p', { role: 'alert', class: 'problem' }, r.data?.detail ?? t('status.error', { status: r.status })));
    return;
  }
  site = r.data;
  draw();
}

/** The three kinds the editor knows: their fields, their table columns and their address. */
/** A built-in rule in the page's language; a rule another bundle installed by its own name. */
const ruleName = r => (t('site.rule.' + r) === 'site.rule.' + r ? r : t('site.rule.' + r));

const KINDS = {
  services: {
    key: s => s.code, idField: 'code',
    columns: ['site.code', 'site.name', 'site.prefix', 'site.queue', 'site.targetWait', 'site.serviceTime'],
    row: s => [s.code, s.names[document.documentElement.lang] || s.names.en || Object.values(s.names)[0] || '',
      s.prefix || s.code, s.queue || s.code, String(s.targetWaitMinutes), String(s.expectedServiceMinutes)],
    fields: () => [
      { name: 'code', label: 'site.code', required: true, pattern: '[A-Za-z0-9]{1,8}', idOnly: true },
      ...site.locales.map(l => ({ name: 'name.' + l, label: 'site.nameIn', vars: { language: l }, lang: l })),
      { name: 'prefix', label: 'site.prefix', pattern: '[A-Za-z0-9]{0,4}', hint: 'site.prefixHint', placeholder: s => s?.code },
      { name: 'queue', label: 'site.queue', pattern: '[A-Za-z0-9_\\-]{0,32}', hint: 'site.queueHint', placeholder: s => s?.code },
      { name: 'targetWaitMinutes', label: 'site.targetWait', type: 'number', min: 0, max: 1440 },
      { name: 'expectedServiceMinutes', label: 'site.serviceTime', type: 'number', min: 1, max: 480 }],
    values: s => ({ code: s.code, prefix: s.prefix, queue: s.queue === s.code ? '' : s.queue, targetWaitMinutes: s.targetWaitMinutes,
      expectedServiceMinutes: s.expectedServiceMinutes, ...Object.fromEntries(Object.entries(s.names).map(([l, n]) => ['name.' + l, n])) }),
    body: f => ({
      names: Object.fromEntries(site.locales.map(l => [l, f.get('name.' + l) ?? ''])),
      prefix: f.get('prefix'), queue: f.get('queue'),
      targetWaitMinutes: number(f.get('targetWaitMinutes')), expectedServiceMinutes: number(f.get('expectedServiceMinutes')) }),
  },
  counters: {
    key: c => c.id, idField: 'id',
    columns: ['site.id', 'site.name', 'site.profile'],
    row: c => [c.id, (c.names && c.names[document.documentElement.lang]) || c.name, c.profile],
    fields: () => [
      { name: 'id', label: 'site.id', required: true, pattern: '[A-Za-z0-9_\\-]{1,32}', idOnly: true },
      { name: 'name', label: 'site.counterName', hint: 'site.counterNameHint' },
      ...site.locales.map(l => ({ name: 'name.' + l, label: 'site.nameIn', vars: { language: l }, lang: l })),
      { name: 'profile', label: 'site.profile', options: site.profiles.map(p => p.id), required: true }],
    values: c => ({ id: c.id, name: c.name, profile: c.profile,
      ...Object.fromEntries(Object.entries(c.names || {}).map(([l, n]) => ['name.' + l, n])) }),
    body: f => ({ name: f.get('name'), names: Object.fromEntries(site.locales.map(l => [l, f.get('name.' + l) ?? ''])),
      profile: f.get('profile') }),
  },
  profiles: {
    key: p => p.id, idField: 'id',
    columns: ['site.id', 'site.rule', 'site.queues', 'site.conditions'],
    row: p => [p.id, ruleName(p.rule), p.queues, p.conditions || '—'],
    fields: () => [
      { name: 'id', label: 'site.id', required: true, pattern: '[A-Za-z0-9_\\-]{1,32}', idOnly: true },
      { name: 'rule', label: 'site.rule', options: site.rules, optionText: ruleName },
      { name: 'queues', label: 'site.queues', required: true, hint: 'site.queuesHint' },
      { name: 'conditions', label: 'site.conditions', hint: 'site.conditionsHint' }],
    values: p => ({ id: p.id, rule: p.rule, queues: p.queues, conditions: p.conditions }),
    body: f => ({ rule: f.get('rule'), queues: f.get('queues'), conditions: f.get('conditions') }),
  },
};

const number = v => (v === null || v === '' ? null : Number(v));

function draw() {
  // replaceChildren would write a null as the text "null"
  main.replaceChildren(...[
    el('p', {}, el('a', { href: '/manager' + location.search }, t('site.back'))),
    notice ? el('p', { role: notice.alert ? 'alert' : 'status', class: notice.alert ? 'problem' : 'notice' }, notice.text) : null,
    ...Object.keys(KINDS).map(section)].filter(Boolean));
}

function section(kind) {
  const k = KINDS[kind];
  const items = site[kind];
  return el('section', { 'aria-labelledby': kind + '-title', 'data-kind': kind },
    el('div', { class: 'bar' }, el('h2', { id: kind + '-title' }, t('site.' + kind)),
      el('button', { type: 'button', 'data-add': kind, onclick: () => edit(kind, null) }, t('site.add.' + kind))),
    el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ...k.columns.map(c => el('th', { scope: 'col' }, t(c))), el('th', { scope: 'col' }, t('site.actions')))),
      el('tbody', {}, ...items.map(item => el('tr', { 'data-id': k.key(item) },
        ...k.row(item).map((v, i) => (i === 0 ? el('th', { scope: 'row' }, v) : el('td', {}, v))),
        el('td', { class: 'row-actions' },
          el('button', { type: 'button', 'data-edit': k.key(item), 'aria-label': t('site.editItem', { id: k.key(item) }),
            onclick: () => edit(kind, item) }, t('site.edit')),
          el('button', { type: 'button', 'data-remove': k.key(item), 'aria-label': t('site.removeItem', { id: k.key(item) }),
            onclick: () => remove(kind, item) }, t('site.remove'))))))));
}

/** The form of one element in a modal dialog: keyboard-first, Escape closes it, the refusal is read out. */
function edit(kind, item) {
  const k = KINDS[kind];
  const values = item ? k.values(item) : {};
  const form = el('form', { method: 'dialog', class: 'editor' },
    el('h2', { id: 'editor-title' }, item ? t('site.editItem', { id: k.key(item) }) : t('site.add.' + kind)),
    ...k.fields().filter(f => !(f.idOnly && item)).map(f => field(f, values[f.name], f.placeholder?.(item))),
    el('p', { role: 'alert', class: 'problem', id: 'editor-problem' }),
    el('div', { class: 'bar' },
      el('button', { type: 'submit', value: 'save' }, t('site.save')),
      el('button', { type: 'button', value: 'cancel', onclick: () => dialog.close() }, t('site.cancel'))));
  const dialog = el('dialog', { 'aria-labelledby': 'editor-title' }, form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new FormData(form);
    const id = item ? k.key(item) : String(data.get(k.idField) ?? '').trim();
    const r = await api(`/branches/${encodeURIComponent(branch.id)}/site/${kind}/${encodeURIComponent(id)}`,
      { method: 'PUT', body: k.body(data) }).catch(() => ({ status: 0, data: { detail: t('status.offline') } }));
    if (r.status === 200 || r.status === 201) {
      dialog.close();
      notice = { text: t('site.saved', { id, pid: r.data.pid }) };
      await load();
    } else if (r.status === 401) {
      dialog.close();
      begin(r.data?.detail);
    } else {
      form.querySelector('#editor-problem').textContent = r.data?.detail ?? t('status.error', { status: r.status });
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function field(f, value, placeholder) {
  const id = 'f-' + f.name.replace(/\W/g, '-');
  let input;
  if (f.options) {
    input = el('select', { id, name: f.name, required: f.required ? 'required' : null },
      ...f.options.map(o => {
        const opt = el('option', { value: o }, f.optionText ? f.optionText(o) : o);
        if (o === value) opt.selected = true;
        return opt;
      }));
  } else {
    input = el('input', { id, name: f.name, type: f.type ?? 'text', required: f.required ? 'required' : null,
      pattern: f.pattern ?? null, min: f.min ?? null, max: f.max ?? null, lang: f.lang ?? null, placeholder: placeholder ?? null,
      'aria-describedby': f.hint ? id + '-hint' : null });
    if (value != null) input.value = String(value);
  }
  return el('label', { for: id }, t(f.label, f.vars ?? {}), input,
    f.hint ? el('span', { id: id + '-hint', class: 'hint' }, t(f.hint)) : null);
}

async function remove(kind, item) {
  const id = KINDS[kind].key(item);
  if (!confirm(t('site.confirmRemove', { id }))) return;
  const r = await api(`/branches/${encodeURIComponent(branch.id)}/site/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' })
    .catch(() => ({ status: 0, data: { detail: t('status.offline') } }));
  if (r.status === 204) {
    notice = { text: t('site.removed', { id }) };
    await load();
  } else if (r.status === 401) {
    begin(r.data?.detail);
  } else {
    notice = { text: r.data?.detail ?? t('status.error', { status: r.status }), alert: true };
    draw();
  }
}

start();
