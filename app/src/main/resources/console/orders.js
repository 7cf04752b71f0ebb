// Orders and their saga steps, newest first, searchable by id and status.
import { $, h, fill, fmt, badge } from './dom.js';
import { get } from './api.js';
import { followOrder } from './flow.js';
import { showTimeline } from './timeline.js';

// ◷ rather than ⏱: the latter is an emoji that fonts without emoji (Debian's DejaVu) draw as a box.
const MARK = { DONE: '✓', FAILED: '✗', TIMED_OUT: '◷' };

export async function refreshOrders() {
  const id = $('#orders-id').value.trim();
  const status = $('#orders-status').value;
  let orders;
  if (id) {
    try {
      orders = [await get(`/api/orders/${encodeURIComponent(id)}`)];
    } catch (e) {
      if (e.status !== 404 && e.status !== 400) throw e;
      orders = [];
    }
  } else {
    orders = await get(`/api/orders?limit=40${status ? `&status=${status}` : ''}`);
  }
  const body = $('#orders tbody');
  if (orders.length === 0) {
    fill(body, h('tr', {}, h('td', { colspan: 4, class: 'empty' }, id ? `No order ${id}` : 'No orders yet')));
    return;
  }
  fill(body, orders.map(row));
}

function row(order) {
  const steps = (order.steps || []).map((step) => h('span', {
    class: `step s-${step.outcome.toLowerCase()}${step.step.includes('.') ? ' comp' : ''}`,
    title: `${step.step} ${step.outcome} at ${step.at}`,
  }, `${MARK[step.outcome] || '?'} ${step.step}`));
  return h('tr', { 'data-order': order.orderId, 'data-status': order.status },
    h('td', { class: 'mono' }, h('a', { href: '#', title: `customer ${order.customerId}: show the order's events`,
      onclick: (e) => { e.preventDefault(); followOrder(order.orderId); } }, order.orderId)),
    h('td', { class: 'num' }, `${Number(order.total).toFixed(2)} ${order.currency}`),
    h('td', { class: 'order-status' }, badge(order.status), order.reason ? h('span', { class: 'reason' }, breakable(order.reason)) : null,
      h('a', { class: 'timeline-link', href: '#', title: 'each hop of its saga: waiting and processing, by service',
        onclick: (e) => { e.preventDefault(); showTimeline(order.orderId); } }, 'timeline')),
    h('td', { class: 'steps' }, steps));
}

/** SHIPPING_UNAVAILABLE may break after its underscores (<wbr>): a narrow card keeps room for the steps. */
function breakable(code) {
  const parts = code.split('_');
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [`${part}_`, h('wbr')] : [part]));
}

export function startOrders() {
  $('#orders-form').addEventListener('submit', (event) => { event.preventDefault(); refreshOrders(); });
  $('#orders-status').addEventListener('change', refreshOrders);
}
