// Dead letters with their reason, and sending them back.
import { $, h, fill, fmt, badge } from './dom.js';
import { get, post } from './api.js';

export async function refreshDeadLetters() {
  const letters = await get('/api/dlq');
  const waiting = letters.filter((l) => !l.replayed && l.reason !== 'sink-failed').length; // a sink's: never replayed
  $('#dlq-count').textContent = `${fmt.int(waiting)} to replay · ${fmt.int(letters.length)} in all`;
  $('#dlq-replay-all').disabled = waiting === 0;
  if (letters.length === 0) {
    fill($('#dlq tbody'), h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No dead letters: every record was read')));
    return;
  }
  fill($('#dlq tbody'), letters.slice(0, 50).map((letter) => h('tr', { 'data-id': letter.id, 'data-replayed': String(letter.replayed) },
    h('td', { class: 'mono', title: letter.id }, `${letter.topic}-${letter.partition}@${letter.offset}`,
      h('div', { class: 'dim small' }, letter.id.replace(/-\d+-\d+$/, ''))),
    h('td', {}, badge(letter.reason, 'reason'), letter.attempts > 1 ? h('span', { class: 'dim small' }, ` ×${letter.attempts}`) : null),
    h('td', { class: 'error', title: letter.error }, letter.error),
    h('td', { class: 'dim small' }, fmt.ago(letter.at)),
    h('td', {}, letter.replayed ? h('span', { class: 'replayed' }, 'replayed')
      : letter.reason === 'sink-failed' ? h('span', { class: 'dim small', title: 'its topic has other readers' }, 'fix, then rewrite')
        : h('button', { class: 'replay', onclick: () => replay(letter.id) }, 'Replay')))));
}

async function replay(id) {
  try {
    await post(`/api/dlq/${encodeURIComponent(id)}/replay`);
  } catch (e) {
    if (e.status !== 409) alert(e.message);
  }
  await refreshDeadLetters();
}

export function startDeadLetters() {
  $('#dlq-replay-all').addEventListener('click', async () => {
    await post('/api/dlq/replay');
    await refreshDeadLetters();
  });
}
