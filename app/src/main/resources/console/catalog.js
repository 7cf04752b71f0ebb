// Revenue per category from the catalog's enrichment (GET /api/catalog/revenue: one-minute windows of
// the last hour, by category), summed per category and drawn as bars; says so when the catalog
// service does not run on this instance. Above them, the catalog's connectors as Connect last reported
// them and the source's lag: the write-ahead log its replication slot holds (GET /api/catalog/connectors).
import { $, h, fill, fmt } from './dom.js';
import { get } from './api.js';

export async function refreshRevenue() {
  let windows;
  try {
    windows = await get('/api/catalog/revenue');
  } catch (e) {
    if (e.status !== 404) throw e;
    note('The catalog service does not run here (./eventline run --services … catalog)');
    return;
  }
  const categories = new Map();
  for (const w of windows) {
    const c = categories.get(w.category) ?? { category: w.category, units: 0, lines: 0, revenue: {} };
    c.units += w.units;
    c.lines += w.lines;
    for (const [currency, amount] of Object.entries(w.revenue)) {
      c.revenue[currency] = (c.revenue[currency] ?? 0) + Number(amount);
    }
    categories.set(w.category, c);
  }
  await refreshConnectors();
  const rows = [...categories.values()].sort((a, b) => total(b) - total(a));
  $('#revenue-count').textContent = `${fmt.int(rows.length)} categories · ${fmt.int(windows.length)} minutes with sales`;
  if (rows.length === 0) {
    note('No sales in the last hour: shipped orders show here by their products\' category');
    return;
  }
  const top = total(rows[0]) || 1;
  fill($('#revenue tbody'), rows.map((c) => h('tr', { 'data-category': c.category },
    h('td', {}, c.category),
    h('td', { class: 'num' }, fmt.int(c.units)),
    h('td', { class: 'num mono' }, Object.entries(c.revenue).map(([cur, amount]) => `${amount.toFixed(2)} ${cur}`).join(' · ')),
    h('td', { class: 'bar-cell' }, h('span', { class: 'bar', style: `width:${Math.max(2, 100 * total(c) / top)}%` })))));
}

/** The sum over currencies: only to order and scale the bars, never shown. */
const total = (c) => Object.values(c.revenue).reduce((a, b) => a + b, 0);

async function refreshConnectors() {
  const c = await get('/api/catalog/connectors');
  const el = $('#connectors');
  el.dataset.running = String(c.running);
  const lag = c.slotLagBytes < 0 ? 'slot lag unknown' : `slot lag ${fmt.bytes(c.slotLagBytes)}`;
  el.textContent = (c.running ? 'source and sink connectors running' : `connector ${c.status}`) + ` · ${lag}`;
  el.className = c.running ? 'aside dim' : 'aside error';
}

function note(text) {
  $('#revenue-count').textContent = '';
  fill($('#revenue tbody'), h('tr', {}, h('td', { colspan: 4, class: 'empty' }, text)));
}
