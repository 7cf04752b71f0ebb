// Starting a load from the console, its progress, and the latency it measures (p50/p99 over time).
import { $, h, fill, fmt, badge } from './dom.js';
import { get, post } from './api.js';
import { TimeChart } from './charts.js';

let latencyChart;

export function startLoad() {
  latencyChart = new TimeChart($('#latency-chart'), { labels: ['p50', 'p99'], format: fmt.ms,
    empty: 'no load running' });
  $('#load-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('#load-error').textContent = '';
    try {
      await post('/api/load', {
        orders: Number($('#load-orders').value),
        rate: Number($('#load-rate').value),
        failures: Number($('#load-failures').value),
      });
    } catch (e) {
      $('#load-error').textContent = e.message;
    }
    await refreshLoad();
  });
}

export async function refreshLoad() {
  const load = await get('/api/load');
  $('#load-start').disabled = load.running;
  $('#load-phase').replaceChildren(badge(load.phase.replace('_', ' '), load.phase));
  const ended = load.done + load.failed;
  const bar = $('#load-bar');
  bar.style.width = `${load.orders ? (100 * ended) / load.orders : 0}%`;
  bar.className = load.failed > 0 ? 'bar with-failures' : 'bar';
  const progress = $('#load-progress');
  progress.dataset.done = load.done;
  progress.dataset.phase = load.phase;
  fill($('#load-figures'),
    figure('sent', `${fmt.int(load.sent)} / ${fmt.int(load.orders)}`),
    figure('done', fmt.int(load.done)),
    figure('failed', fmt.int(load.failed), load.failed ? 'bad' : ''),
    figure('orders/s', fmt.dec(load.throughput)),
    figure('p50', fmt.ms(load.p50)),
    figure('p99', fmt.ms(load.p99)));
  fill($('#load-outcomes'), Object.entries(load.outcomes).sort().map(([outcome, count]) =>
    h('span', { class: `outcome ${outcome === 'SHIPPED' ? 'good' : 'cancel'}` }, `${outcome} ${fmt.int(count)}`)));
  $('#load-error').textContent = load.error && load.phase === 'FAILED' ? load.error : $('#load-error').textContent;
  if (load.running && load.recent.orders > 0) {
    latencyChart.push(Date.now() / 1000, { p50: load.recent.p50, p99: load.recent.p99 });
    $('#latency-now').textContent =
      `last ${load.recent.seconds} s: p50 ${fmt.ms(load.recent.p50)} · p99 ${fmt.ms(load.recent.p99)}`;
  } else {
    latencyChart.moveTo();
  }
}

const figure = (label, value, kind = '') =>
  h('div', { class: `figure ${kind}` }, h('b', {}, value), h('small', {}, label));
