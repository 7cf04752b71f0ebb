// The cluster as Kafka tells it: topics with partitions, end offsets and sizes; consumer groups with
// their lag per partition, as numbers and over time.
import { $, h, fill, fmt, badge } from './dom.js';
import { get } from './api.js';
import { TimeChart } from './charts.js';

let lagChart;

export function startCluster() {
  lagChart = new TimeChart($('#lag-chart'), { labels: [], format: fmt.int, empty: 'no lag', integers: true });
  $('#topics-internal').addEventListener('change', refreshTopics);
}

export async function refreshTopics() {
  const showInternal = $('#topics-internal').checked;
  const topics = (await get('/api/topics')).filter((t) => showInternal || !t.internal)
    .sort((a, b) => rank(a.topic) - rank(b.topic) || a.topic.localeCompare(b.topic));
  const widest = Math.max(1, ...topics.flatMap((t) => t.partitions.map((p) => p.endOffset)));
  fill($('#topics tbody'), topics.map((topic) => h('tr', {},
    h('td', { class: 'mono' }, topic.topic),
    h('td', { class: 'num' }, topic.partitions.length),
    h('td', { class: 'num' }, fmt.int(topic.endOffset)),
    h('td', { class: 'num' }, fmt.bytes(topic.size)),
    h('td', {}, h('div', { class: 'bars', title: topic.partitions.map((p) => `p${p.partition}: ${p.endOffset}`).join('\n') },
      topic.partitions.map((p) => h('i', { style: `height:${Math.max(2, (p.endOffset / widest) * 22)}px` })))))));
  $('#topics-count').textContent = `${topics.length} topics`;
}

/** Events first, the public contract; then commands and replies, dead letters, the rest. */
function rank(topic) {
  if (topic.endsWith('.events') || topic === 'customers') return 0;
  if (topic.endsWith('.commands') || topic.endsWith('.replies')) return 1;
  if (topic.endsWith('.dlq')) return 2;
  return 3;
}

const shortName = (group) => group.replace(/^eventline-/, '');

export async function refreshConsumers() {
  const groups = await get('/api/consumers');
  const lags = {};
  for (const group of groups) lags[shortName(group.group)] = group.lag;
  lagChart.push(Date.now() / 1000, lags);
  const total = groups.reduce((sum, g) => sum + g.lag, 0);
  $('#lag-total').textContent = `total lag ${fmt.int(total)}`;
  fill($('#consumers tbody'), groups.map((group) => h('tr', { 'data-group': group.group },
    h('td', { class: 'mono' }, shortName(group.group)),
    h('td', {}, badge(group.state)),
    h('td', { class: `num ${group.lag > 0 ? 'warn' : ''}` }, fmt.int(group.lag)),
    h('td', { class: 'partitions' }, byTopic(group.partitions)))));
}

/** One line per topic the group reads: its partitions' lags as small cells, hot ones coloured. */
function byTopic(partitions) {
  const topics = new Map();
  for (const p of partitions) {
    if (!topics.has(p.topic)) topics.set(p.topic, []);
    topics.get(p.topic).push(p);
  }
  return [...topics].map(([topic, parts]) => h('div', { class: 'lagline' },
    h('span', { class: 'lagtopic', title: topic }, topic.replace(/^eventline-/, '')),
    parts.map((p) => h('span', {
      class: `cell ${p.lag === 0 ? 'zero' : p.lag < 100 ? 'low' : 'high'}`,
      title: `${topic}-${p.partition}: committed ${p.committed}, end ${p.endOffset}`,
    }, fmt.int(p.lag)))));
}
