// The admin's devices page: pair the kiosk or display showing a code, list devices, revoke one.
import { api, el, initialLanguage, languageButtons, setLanguage, staffLogin, t } from './talon.js';

const main = document.getElementById('main');
let me = null;
let message = null;

async function start() {
  await setLanguage(initialLanguage());
  languageButtons(document.querySelector('.langs'), () => (me ? draw() : begin()));
  await begin();
}

async function begin(problem) {
  me = await staffLogin(main, problem);
  await draw();
}

async function draw() {
  const r = await api('/devices');
  if (r.status === 401) return begin(r.data?.detail);
  if (r.status !== 200) {
    main.replaceChildren(el('p', { role: 'alert', class: 'problem' }, r.data?.detail ?? t('status.error', { status: r.status })),
      logout());
    return;
  }
  const form = el('form', { class: 'login pair', 'aria-labelledby': 'pair-form-title' },
    el('h2', { id: 'pair-form-title' }, t('admin.pair')),
    el('label', {}, t('pair.code'), el('input', { name: 'code', required: 'required', autocomplete: 'off',
      autocapitalize: 'characters', maxlength: '16' })),
    el('label', {}, t('admin.role'), el('select', { name: 'role' },
      el('option', { value: 'kiosk' }, t('admin.role.kiosk')), el('option', { value: 'display' }, t('admin.role.display')))),
    el('label', {}, t('admin.name'), el('input', { name: 'name', required: 'required', pattern: '[a-z0-9][a-z0-9-]{0,39}',
      placeholder: 'kiosk-1' })),
    el('p', { id: 'message', role: 'status', class: 'problem' }, message ?? ''),
    el('button', { type: 'submit' }, t('admin.pairButton')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const d = new FormData(form);
    const p = await api('/devices', { method: 'POST', body: { name: d.get('name'), role: d.get('role'), pairingCode: d.get('code') } });
    message = p.status === 201 ? t('admin.paired', { name: p.data.name }) : (p.data?.detail ?? t('status.error', { status: p.status }));
    await draw();
  });
  main.replaceChildren(form,
    el('section', { 'aria-labelledby': 'devices-title' }, el('h2', { id: 'devices-title' }, t('admin.devices')),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ...['admin.name', 'admin.role', 'admin.created', 'admin.revoke'].map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, ...r.data.map(dev => el('tr', { 'data-device': dev.name },
          el('th', { scope: 'row' }, dev.name), el('td', {}, t('admin.role.' + dev.role)),
          el('td', {}, new Date(dev.created).toLocaleString(document.documentElement.lang)),
          el('td', {}, el('button', { type: 'button', 'aria-label': t('admin.revokeDevice', { name: dev.name }), onclick: async () => {
            const x = await api('/devices/' + encodeURIComponent(dev.name), { method: 'DELETE' });
            message = x.status === 204 ? t('admin.revoked', { name: dev.name }) : (x.data?.detail ?? '');
            await draw();
          } }, t('admin.revoke')))))))),
    logout());
  message = null;
}

function logout() {
  return el('button', { type: 'button', onclick: async () => {
    await api('/session', { method: 'DELETE' }).catch(() => null);
    begin();
  } }, t('operator.logout'));
}

start();
