// Time-series charts over the last minutes, drawn by uPlot (from its webjar, see index.html's import map).
import uPlot from 'uplot';

export const PALETTE = ['#4fb3ff', '#3ecf8e', '#f5b942', '#ff6b6b', '#b58cff', '#4dd0e1', '#ff8fab', '#a3d977',
  '#ffa26b', '#7f9cff', '#e0c3fc', '#9ad1c4', '#f78fb3', '#c0ca33'];

const MUTED = '#8593a3';
const GRID = '#223041';

/** The x axis: the points' span, or the last minute while there are fewer than two. */
function timeRange(u, min, max) {
  if (min === null || max === null || min === max) {
    const end = max ?? Date.now() / 1000;
    return [end - 60, end + 1];
  }
  return [min, max];
}

/**
 * A chart of a few series against time, keeping the last `windowSeconds`. The element carries how many
 * points it has drawn (data-points), which tells a reader, or a test, that it draws.
 */
export class TimeChart {
  constructor(el, { labels, windowSeconds = 300, height = 190, format = (v) => String(v), name = (l) => l }) {
    this.name = name;
    this.el = el;
    this.windowSeconds = windowSeconds;
    this.height = height;
    this.format = format;
    this.build(labels);
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
      axes: [axis, { ...axis, size: 56, values: (u, values) => values.map((v) => this.format(v)) }],
      scales: { x: { time: true, range: timeRange }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.15)] } },
      cursor: { drag: { x: false, y: false } },
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
    while (this.data[0].length && this.data[0][0] < seconds - this.windowSeconds) {
      this.data.forEach((column) => column.shift());
    }
    this.plot.setData(this.data);
    this.el.dataset.points = String(this.data[0].length);
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
