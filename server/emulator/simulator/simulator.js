/* global document, window, fetch, EventSource, FileReader, localStorage, URLSearchParams */
// The phone simulator: plain JavaScript over the emulator's admin API (/emulator/api).
// Every text goes in through textContent, never innerHTML: message bodies come from anyone.
'use strict';

const API = '/emulator/api';
const STORE_KEY = 'twilio-emulator.phones';
const phones = new Map(); // phone number → { section, thread, select, banner }
let businessNumbers = [];
const closedByUser = new Set(); // not reopened by new messages
let counter = 0;

async function api(path, options = {}) {
  const res = await fetch(API + path, {
    ...options,
    headers: options.body ? { 'content-type': 'application/json' } : {},
  });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((data.error && data.error.message) || `HTTP ${res.status}`);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') node.textContent = value;
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Text with its links made tappable. */
function linkified(text) {
  const frag = document.createDocumentFragment();
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  for (const match of text.matchAll(re)) {
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    frag.append(text.slice(last, match.index));
    frag.append(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: url }));
    last = match.index + url.length;
  }
  frag.append(text.slice(last));
  return frag;
}

function pretty(number) {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return m ? `+1 ${m[1]}-${m[2]}-${m[3]}` : number;
}

function statusText(m) {
  if (m.side === 'incoming') return `from ${pretty(m.business || '')} · ${new Date(m.createdAt).toLocaleTimeString()}`;
  const state = {
    pending: 'Sending…',
    delivered: 'Delivered',
    failed: 'Not delivered: the business did not answer',
    'no-webhook': 'Not delivered: no webhook configured',
  }[m.webhook] || m.status;
  return `to ${pretty(m.business || '')} · ${state}`;
}

function renderMessage(m) {
  const li = el('li', {
    'data-testid': 'phone-message',
    'data-sid': m.sid,
    'data-state': m.side === 'outgoing' ? m.webhook : m.status,
    class: `bubble ${m.side}${m.webhook === 'failed' ? ' failed' : ''}`,
  });
  if (m.body) li.append(linkified(m.body));
  for (const media of m.media) {
    if (media.contentType.startsWith('image/')) li.append(el('img', { src: media.url, alt: media.filename || 'Picture' }));
    else li.append(el('a', { href: media.url, target: '_blank', rel: 'noopener', text: media.filename || media.contentType }));
  }
  li.append(el('span', { class: 'meta', text: statusText(m) }));
  return li;
}

async function refreshPhone(number) {
  const phone = phones.get(number);
  if (!phone) return;
  const view = await api(`/phones/${encodeURIComponent(number)}/messages`);
  const atBottom = phone.thread.scrollHeight - phone.thread.scrollTop - phone.thread.clientHeight < 40;
  phone.thread.replaceChildren(...view.messages.map(renderMessage));
  if (atBottom) phone.thread.scrollTop = phone.thread.scrollHeight;
  phone.banner.hidden = view.optedOutOf.length === 0;
  // Opt-outs are per Messaging Service (or per number outside one): name the numbers they cover.
  const covered = businessNumbers
    .filter((n) => view.optedOutOf.includes(n.messagingServiceSid || n.phoneNumber))
    .map((n) => pretty(n.phoneNumber));
  phone.banner.textContent = view.optedOutOf.length ? `Unsubscribed (STOP) from ${covered.join(', ') || view.optedOutOf.join(', ')}` : '';
}

function fillBusinessSelect(select) {
  const current = select.value;
  select.replaceChildren(...businessNumbers.map((n) => el('option', { value: n.phoneNumber, text: pretty(n.phoneNumber) })));
  if (businessNumbers.some((n) => n.phoneNumber === current)) select.value = current;
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function openPhone(number) {
  if (phones.has(number)) return;
  const id = ++counter;
  const thread = el('ol', { class: 'thread', 'aria-label': `Conversation on ${number}`, 'aria-live': 'polite' });
  const banner = el('p', { class: 'opted-out', hidden: true });
  const select = el('select', { id: `to-${id}`, name: 'to' });
  const body = el('textarea', { id: `body-${id}`, name: 'body', rows: '2' });
  const file = el('input', { id: `file-${id}`, name: 'image', type: 'file', accept: 'image/*', multiple: true });
  const error = el('p', { class: 'error', role: 'alert' });
  const close = el('button', { type: 'button', 'aria-label': `Close phone ${number}`, text: '×' });
  const form = el(
    'form',
    { class: 'compose' },
    el('label', { for: `to-${id}`, text: 'Business number' }),
    el('div', { class: 'row' }, select),
    el('label', { for: `body-${id}`, text: 'Message' }),
    body,
    el('button', { type: 'submit', text: 'Send' }),
    el('label', { for: `file-${id}`, text: 'Image' }),
    el('div', { class: 'row' }, file),
    error,
  );
  const section = el(
    'section',
    { class: 'phone', 'aria-label': `Phone ${number}`, 'data-phone': number },
    el('header', { class: 'phone-bar' }, el('span', { class: 'phone-number', text: pretty(number) }), close),
    banner,
    thread,
    form,
  );
  fillBusinessSelect(select);
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const media = [];
      for (const f of file.files) media.push({ contentType: f.type || 'application/octet-stream', data: await readFile(f), filename: f.name });
      if (!body.value.trim() && media.length === 0) throw new Error('Type a message or choose an image.');
      await api(`/phones/${encodeURIComponent(number)}/messages`, {
        method: 'POST',
        body: JSON.stringify({ to: select.value || undefined, body: body.value, media }),
      });
      body.value = '';
      file.value = '';
      await refreshPhone(number);
    } catch (err) {
      error.textContent = err.message;
    }
  });
  close.addEventListener('click', () => {
    section.remove();
    phones.delete(number);
    closedByUser.add(number);
    save();
    document.getElementById('no-phones').hidden = phones.size > 0;
  });
  document.getElementById('phones').append(section);
  phones.set(number, { section, thread, select, banner });
  document.getElementById('no-phones').hidden = true;
  save();
  void refreshPhone(number);
}

function save() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify([...phones.keys()]));
  } catch {
    // Private windows may refuse storage; the page still works.
  }
}

function saved() {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) || '[]');
  } catch {
    return [];
  }
}

async function loadState() {
  const state = await api('/state');
  businessNumbers = state.numbers;
  document.getElementById('business-numbers').textContent = businessNumbers
    .map((n) => pretty(n.phoneNumber) + (n.smsUrl ? '' : ' (no webhook)'))
    .join(', ');
  for (const phone of phones.values()) fillBusinessSelect(phone.select);
  const known = [...state.phones.map((p) => p.phoneNumber), ...state.reservedNumbers.map((r) => r.phoneNumber)];
  document.getElementById('known-phones').replaceChildren(...known.map((n) => el('option', { value: n })));
  document.querySelector('#reserved tbody').replaceChildren(
    ...state.reservedNumbers.map((r) => el('tr', {}, el('td', { text: pretty(r.phoneNumber) }), el('td', { text: r.description }))),
  );
  document.getElementById('fault-state').textContent = `${state.faults.pendingCreateFailures.length} pending`;
  return state;
}

function wireForms() {
  document.getElementById('add-phone').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = document.getElementById('new-phone');
    const errorBox = document.getElementById('add-phone-error');
    errorBox.textContent = '';
    const number = input.value.replace(/[\s().-]/g, '');
    try {
      await api('/phones', { method: 'POST', body: JSON.stringify({ phoneNumber: number }) });
      closedByUser.delete(number);
      openPhone(number);
      input.value = '';
    } catch (err) {
      errorBox.textContent = err.message;
    }
  });
  document.getElementById('faults').addEventListener('submit', async (e) => {
    e.preventDefault();
    const count = Number(document.getElementById('fault-count').value);
    const status = Number(document.getElementById('fault-status').value);
    await api('/faults', { method: 'POST', body: JSON.stringify({ failNextCreates: count, status }) });
    await loadState();
  });
  document.getElementById('clear-faults').addEventListener('click', async () => {
    await api('/faults', { method: 'DELETE' });
    await loadState();
  });
  document.getElementById('reset').addEventListener('click', async () => {
    if (window.confirm('Forget every message, phone and opt-out in the emulator?')) await api('/reset', { method: 'POST' });
  });
}

function listen() {
  const events = new EventSource(API + '/events');
  events.addEventListener('message', (e) => {
    const { phone } = JSON.parse(e.data);
    if (phones.has(phone)) void refreshPhone(phone);
    else if (phones.size < 4 && !closedByUser.has(phone)) openPhone(phone);
  });
  events.addEventListener('phones', () => {
    void loadState();
    for (const number of phones.keys()) void refreshPhone(number);
  });
  events.addEventListener('numbers', () => void loadState());
  events.addEventListener('reset', () => {
    void loadState();
    for (const number of phones.keys()) void refreshPhone(number);
  });
  // After a reconnect, catch up on whatever changed meanwhile.
  events.addEventListener('ready', () => {
    for (const number of phones.keys()) void refreshPhone(number);
  });
}

async function start() {
  wireForms();
  await loadState();
  const fromUrl = new URLSearchParams(window.location.search).getAll('phone');
  for (const number of [...fromUrl, ...saved()]) openPhone(number);
  listen();
}

void start();
