// One order's timeline: each hop of its saga, read off the topics' trace headers (GET /api/traces),
// drawn on one time axis from the first hop's cause to the last write: its wait in the topic (light)
// then its processing (solid), coloured by service. A search reads up to 200,000 records, so the
// timeline is read when asked for, never polled.
import { $, h, fill } from './dom.js';
import { get } from './api.js';

// The flow's topic colours, so a service looks the same in both panels.
const COLOURS = { orders: '#4fb3ff', accounts: '#3ecf8e', inventory: '#f5b942', shipping: '#b58cff',
  shipments: '#b58cff', notifications: '#4dd0e1', customers: '#ff8fab' };
const OTHERS = ['#a3d977', '#ffa26b', '#7f9cff', '#e0c3fc', '#9ad1c4', '#f78fb3'];

let shown = null; // the order on show, for "Read again"
let asked = 0; // searches asked for: only the last one draws, a slow answer never over a newer one

export function startTimeline() {
  $('#timeline-close').addEventListener('click', () => { shown = null; asked++; $('#timeline').hidden = true; });
  $('#timeline-reload').addEventListener('click', () => shown && showTimeline(shown));
  $('#timeline-copy').addEventListener('click', copyTraceId);
}

/** Opens the timeline card on this order and reads its trace. */
export async function showTimeline(orderId) {
  const mine = ++asked;
  shown = orderId;
  const card = $('#timeline');
  card.hidden = false;
  $('#timeline-order').textContent = orderId;
  card.dataset.state = 'loading';
  summary(null);
  say(`Reading the trace of ${orderId} off the topics…`);
  card.scrollIntoView({ block: 'nearest' });
  let trace;
  try {
    trace = await get(`/api/traces?orderId=${encodeURIComponent(orderId)}`);
  } catch (e) {
    if (mine === asked) failed(orderId, e);
    return;
  }
  if (mine === asked) draw(trace);
}

function failed(orderId, error) {
  $('#timeline').dataset.state = `error-${error.status || 'network'}`;
  const why = error.status === 404 ? `No trace of ${orderId}: `
    : error.status === 503 ? 'The API is busy reading other traces: ' : `The trace of ${orderId} could not be read: `;
  say(why + error.message, true);
}

function say(text, error = false) {
  fill($('#timeline-hops'), h('div', { class: error ? 'empty error-text' : 'empty' }, text));
}

function summary(trace) {
  $('#timeline-summary').hidden = trace === null;
  if (trace === null) return;
  $('#timeline-total').textContent = trace.totalMs === null ? '–' : ms(trace.totalMs);
  $('#timeline-count').textContent = `${trace.hops.length} hop${trace.hops.length === 1 ? '' : 's'}`;
  $('#timeline-trace').textContent = trace.traceId || '–';
  $('#timeline-copy').textContent = 'Copy';
  $('#timeline-truncated').textContent = trace.truncated
    ? `the search stopped after ${trace.scanned.toLocaleString('en')} records: later hops may be missing` : '';
}

function draw(trace) {
  const card = $('#timeline');
  summary(trace);
  const hops = trace.hops.map(times);
  const stamped = hops.filter((hop) => hop.end !== null);
  if (stamped.length === 0) {
    card.dataset.state = 'empty';
    say(`The trace of ${trace.orderId} has no timed hops yet.`);
    return;
  }
  card.dataset.state = 'drawn';
  const from = Math.min(...stamped.map((hop) => hop.cause));
  const span = Math.max(1, Math.max(...stamped.map((hop) => hop.end)) - from);
  const at = (micros) => `${((micros - from) / span) * 100}%`;
  const width = (micros) => `${(micros / span) * 100}%`;
  fill($('#timeline-hops'), axis(span), hops.map((hop) => row(hop, at, width)));
}

/** A hop's instants in microseconds since the epoch: its cause (the record it read written), received, end. */
function times(hop) {
  if (!hop.receivedAt || !hop.sentAt) return { hop, cause: null, received: null, end: null };
  const received = micros(hop.receivedAt);
  return { hop, received, cause: received - (hop.waitedMs ?? 0) * 1000, end: micros(hop.sentAt) };
}

/** '2026-12-04T19:00:00.123456Z' to microseconds: Date.parse would drop the last three digits. */
function micros(iso) {
  const [, seconds, fraction = ''] = iso.match(/^([^.]*?)(?:\.(\d+))?Z$/);
  return Date.parse(`${seconds}Z`) * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function axis(span) {
  return h('div', { class: 'hop axis' }, h('span', { class: 'hop-label' }),
    h('span', { class: 'track' }, h('span', {}, '0'), h('span', {}, ms(span / 2000)), h('span', {}, ms(span / 1000))),
    h('span', { class: 'hop-figures' }, 'waited · processing'));
}

function row({ hop, received, cause, end }, at, width) {
  const types = [...new Set(hop.records.map((record) => record.type))].join(', ');
  const figures = end === null ? 'not stamped'
    : `${hop.waitedMs === null ? '–' : ms(hop.waitedMs)} · ${ms(hop.processingMs)}`;
  const title = end === null ? `${types}: written without an eventline-hop stamp`
    : `${hop.service} ${hop.step}, read ${hop.read}: waited ${hop.waitedMs === null ? '– (the request)' : ms(hop.waitedMs)}`
      + ` in the topic (committing, fetching, polling), processing ${ms(hop.processingMs)}; wrote ${types}`
      + `\nreceived ${hop.receivedAt}, sent ${hop.sentAt}`;
  return h('div', { class: 'hop', title, 'data-service': hop.service, 'data-span': hop.spanId,
    style: `--hop: ${colour(hop.service)}` },
  h('span', { class: 'hop-label' }, h('b', { class: 'hop-service' }, hop.service ?? '?'), ' ',
    h('span', { class: 'hop-step' }, hop.step ?? ''), h('span', { class: 'hop-types' }, types)),
  h('span', { class: 'track' }, end === null ? null : [
    h('i', { class: 'wait', 'data-ms': hop.waitedMs ?? 0, style: `left: ${at(cause)}; width: ${width(received - cause)}` }),
    h('i', { class: 'work', 'data-ms': hop.processingMs, style: `left: ${at(received)}; width: ${width(end - received)}` }),
  ]),
  h('span', { class: 'hop-figures' }, figures));
}

function colour(service) {
  if (COLOURS[service]) return COLOURS[service];
  const sum = [...String(service)].reduce((total, c) => total + c.charCodeAt(0), 0);
  return OTHERS[sum % OTHERS.length];
}

/** Milliseconds, to 10 µs under 1 ms (as the route rounds them): many hops take less. */
function ms(n) {
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  return `${n.toFixed(n < 1 ? 2 : 1)} ms`;
}

async function copyTraceId() {
  const id = $('#timeline-trace').textContent;
  try {
    await navigator.clipboard.writeText(id);
    $('#timeline-copy').textContent = 'Copied';
  } catch {
    // No clipboard (a page not on localhost or https): select it for the user to copy.
    getSelection().selectAllChildren($('#timeline-trace'));
  }
}
