// Small helpers: building elements without a framework, and formatting numbers for people.

/** h('td', {class: 'num'}, '12') → <td class="num">12</td>; children may be strings, nodes or arrays. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Replaces what an element holds. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const fmt = {
  int: (n) => integer.format(n ?? 0),
  dec: (n) => decimal.format(n ?? 0),
  ms: (n) => (n >= 1000 ? `${decimal.format(n / 1000)} s` : `${decimal.format(n)} ms`),
  bytes(n) {
    if (n === null || n === undefined) return '–';
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return `${i === 0 ? n : decimal.format(n)} ${units[i]}`;
  },
  time(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString('en-GB', { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  },
  ago(iso) {
    const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
    if (s < 60) return `${Math.round(s)} s ago`;
    if (s < 3600) return `${Math.round(s / 60)} min ago`;
    return `${decimal.format(s / 3600)} h ago`;
  },
};

/** Runs task now and then every ms after it finished: a slow answer never piles calls up. */
export function every(ms, task) {
  const run = async () => {
    try { await task(); } catch (e) { console.warn(e); }
    setTimeout(run, ms);
  };
  run();
}

/** A short colour-coded label. */
export const badge = (text, kind = text) => h('span', { class: `badge b-${String(kind).toLowerCase()}` }, text);
