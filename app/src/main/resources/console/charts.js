// Time-series charts over the last minutes, drawn by uPlot (from its webjar, see index.html's import map).
import uPlot from 'uplot';

export const PALETTE = ['#4fb3ff', '#3ecf8e', '#f5b942', '#ff6b6b', '#b58cff', '#4dd0e1', '#ff8fab', '#a3d977',
  '#ffa26b', '#7f9cff', '#e0c3fc', '#9ad1c4', '#f78fb3', '#c0ca33'];

const MUTED = '#8593a3';
const GRID = '#223041';
/** Tick steps for counts: no 0.25 of a record (formatted as integers, they read 0, 0, 1, 1, 1). */
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7];

/**
 * A chart of a few series against time: its x axis is always the last `windowSeconds` up to now,
 * whatever the values (following the points' span instead, it was seen stretched over years with every lag at 0). With nothing
 * but zeros in that window it says `empty` over the grid. The element carries how many points it
 * holds (data-points), the axis's ends in epoch seconds (data-from, data-to) and whether it says it is
 * empty (data-empty): what a reader, or a test, can check.
 */
export class TimeChart {
  constructor(el, { labels, windowSeconds = 300, height = 190, format = (v) => String(v), name = (l) => l,
    empty = 'no data', integers = false }) {
    this.name = name;
    this.integers = integers;
    this.el = el;
    this.windowSeconds = windowSeconds;
    this.height = height;
    this.format = format;
    this.end = Date.now() / 1000;
    el.classList.add('time-chart');
    this.emptyNote = document.createElement('div');
    this.emptyNote.className = 'chart-empty';
    this.emptyNote.textContent = empty;
    this.build(labels);
    el.append(this.emptyNote);
    this.showEmpty();
    new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: this.height })).observe(el);
  }

  width() {
    return Math.max(200, this.el.clientWidth);
  }

  build(labels) {
    this.labels = [...labels];
    this.data = [[], ...labels.map(() => [])];
    if (this.plot) this.plot.destroy();
    this.plot = new uPlot(this.options(), this.data, this.el);
    this.el.dataset.points = '0';
  }

  options() {
    const axis = { stroke: MUTED, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 },
      font: '11px system-ui, sans-serif' };
    return {
      width: this.width(),
      height: this.height,
      series: [{}, ...this.labels.map((label, i) => ({
        label: this.name(label), stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: false },
        fill: PALETTE[i % PALETTE.length] + '14', value: (u, v) => (v === null ? '–' : this.format(v)),
      }))],
      axes: [axis, { ...axis, size: 56, values: (u, values) => values.map((v) => this.format(v)),
        ...(this.integers ? { incrs: INTEGER_STEPS } : {}) }],
      scales: { x: { time: true, range: () => [this.end - this.windowSeconds, this.end] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.15)] } },
      cursor: { drag: { x: false, y: false } },
      hooks: { setScale: [(u, key) => {
        if (key !== 'x') return;
        this.el.dataset.from = String(Math.round(u.scales.x.min));
        this.el.dataset.to = String(Math.round(u.scales.x.max));
      }] },
      legend: { live: false },
    };
  }

  /** Adds one point per series at `seconds` (epoch); values by label, missing ones drawn as 0. */
  push(seconds, valuesByLabel) {
    const labels = Object.keys(valuesByLabel);
    if (labels.some((label) => !this.labels.includes(label))) {
      this.rebuildWith([...this.labels, ...labels.filter((l) => !this.labels.includes(l))].sort());
    }
    this.data[0].push(seconds);
    this.labels.forEach((label, i) => this.data[i + 1].push(valuesByLabel[label] ?? 0));
    this.moveTo(seconds);
  }

  /** Nothing new to draw: the axis moves on to `seconds` all the same, dropping what falls out of it. */
  moveTo(seconds = Date.now() / 1000) {
    this.end = Math.max(this.end, seconds);
    while (this.data[0].length && this.data[0][0] < this.end - this.windowSeconds) {
      this.data.forEach((column) => column.shift());
    }
    this.plot.setData(this.data);
    this.el.dataset.points = String(this.data[0].length);
    this.showEmpty();
  }

  showEmpty() {
    const empty = !this.data.slice(1).some((column) => column.some((v) => v !== null && v > 0));
    this.emptyNote.hidden = !empty;
    this.el.dataset.empty = String(empty);
  }

  /** New series: the chart is built again, keeping what it had drawn so far. */
  rebuildWith(labels) {
    const old = { labels: this.labels, data: this.data };
    this.build(labels);
    this.data[0] = old.data[0];
    labels.forEach((label, i) => {
      const before = old.labels.indexOf(label);
      this.data[i + 1] = before >= 0 ? old.data[before + 1] : old.data[0].map(() => 0);
    });
  }
}
