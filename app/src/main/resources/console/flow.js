// The live flow of events (Server-Sent Events from /api/stream) and the throughput it counts.
import { $, h, fill, fmt } from './dom.js';
import { streamUrl, ensureAuthorised } from './api.js';
import { TimeChart } from './charts.js';
import { showTimeline } from './timeline.js';

export const TOPICS = ['orders.events', 'accounts.events', 'inventory.events', 'shipments.events',
  'notifications.events', 'customers'];
const ROWS = 120;

let source = null;
let pending = [];
let paused = false;
let throughput;

export function startFlow() {
  throughput = new TimeChart($('#throughput-chart'), { labels: TOPICS, format: fmt.dec,
    name: (topic) => topic.replace('.events', ''), empty: 'no events' });
  $('#flow-form').addEventListener('submit', (event) => { event.preventDefault(); connect(); });
  $('#flow-topic').addEventListener('change', connect);
  $('#flow-clear').addEventListener('click', () => { $('#flow-order').value = ''; $('#flow-topic').value = ''; connect(); });
  $('#flow-timeline').addEventListener('click', () => {
    const orderId = $('#flow-order').value.trim();
    if (orderId) showTimeline(orderId);
    else $('#flow-order').focus();
  });
  $('#flow-pause').addEventListener('click', () => {
    paused = !paused;
    $('#flow-pause').textContent = paused ? 'Resume' : 'Pause';
  });
  setInterval(render, 250);
  connect();
}

/** Shows one order's whole chain: the events keyed by it, and those correlated to it. */
export function followOrder(orderId) {
  $('#flow-order').value = orderId;
  connect();
}

async function connect() {
  if (source) source.close();
  pending = [];
  fill($('#flow-list'), h('li', { class: 'empty' }, 'Waiting for events…'));
  await ensureAuthorised();
  source = new EventSource(streamUrl({ topic: $('#flow-topic').value, orderId: $('#flow-order').value.trim() }));
  source.onopen = () => live(true);
  source.onerror = () => live(false); // EventSource reconnects by itself
  source.onmessage = (message) => {
    pending.push(JSON.parse(message.data));
    if (pending.length > ROWS) pending.splice(0, pending.length - ROWS);
  };
  source.addEventListener('stats', (message) => stats(JSON.parse(message.data)));
}

function live(on) {
  const dot = $('#stream-status');
  dot.className = on ? 'pill ok' : 'pill down';
  dot.textContent = on ? 'stream live' : 'stream reconnecting';
}

function stats({ at, seconds, read, skipped }) {
  const rates = {};
  let total = 0;
  for (const topic of TOPICS) {
    rates[topic] = (read[topic] || 0) / seconds;
    total += rates[topic];
  }
  throughput.push(Date.parse(at) / 1000, rates);
  $('#events-rate').textContent = `${fmt.dec(total)} events/s`;
  $('#flow-skipped').textContent = skipped ? `${fmt.int(skipped)} not shown in the last second (over 1,000/s)` : '';
}

function render() {
  if (paused || pending.length === 0) return;
  const list = $('#flow-list');
  list.querySelector('.empty')?.remove();
  const rows = pending.map(row);
  pending = [];
  list.prepend(...rows.reverse());
  while (list.children.length > ROWS) list.lastElementChild.remove();
}

function row(event) {
  const topic = event.topic.replace('.events', '');
  const type = event.eventType || (event.unreadable ? 'unreadable' : event.event === null ? 'tombstone' : '?');
  const correlation = event.correlationId && event.correlationId !== event.key ? event.correlationId : null;
  return h('li', { class: event.unreadable ? 'bad' : '' },
    h('span', { class: 'when' }, fmt.time(event.timestamp)),
    h('span', { class: `topic t-${topic}` }, topic),
    h('span', { class: 'type' }, type),
    h('a', { class: 'key', href: '#', title: 'follow this key', onclick: (e) => { e.preventDefault(); followOrder(event.key); } },
      event.key ?? '–'),
    correlation ? h('a', { class: 'corr', href: '#', title: 'follow this order',
      onclick: (e) => { e.preventDefault(); followOrder(correlation); } }, `↳ ${correlation}`) : h('span'),
    h('span', { class: 'where' }, `${event.partition}@${event.offset}`));
}
