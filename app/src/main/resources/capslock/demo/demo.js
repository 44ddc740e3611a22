// demo --web: start runs, chart their points as they are pushed (Server-Sent Events), list the runs done.
(function () {
  const $ = id => document.getElementById(id);
  const MIB = 1048576;
  const bytes = n => n == null ? 'n/a' : n < 1024 ? n + ' B' : n < MIB ? (n / 1024).toFixed(1) + ' KiB'
      : (n / MIB).toFixed(1) + ' MiB';
  const ms = v => v == null ? 'n/a' : v >= 1000 ? (v / 1000).toFixed(2) + ' s' : v >= 10 ? v.toFixed(1) + ' ms'
      : v.toFixed(3) + ' ms';
  const band = (label, rgb) => ({label, scale: 'share', stroke: 'rgba(' + rgb + ',0)', fill: 'rgba(' + rgb + ',0.22)',
    paths: uPlot.paths.stepped({align: 1}), points: {show: false}, value: (u, v) => v == null ? '–' : Math.round(v * 100) + '%'});
  const line = (label, stroke, scale) => ({label, stroke, scale, width: 1.5, points: {show: false}});
  const width = () => Math.min(1200, window.innerWidth - 60);
  const page = window.capslock = {runId: null, points: 0, charts: {}, data: {}, runs: []};

  const CHARTS = {
    bytes: {title: 'bytes (MiB): produced, written to the socket, received; shaded: client unwritable, server paused reading',
      series: [line('produced MiB', '#7f7f7f', 'y'), line('written MiB', '#1f46a0', 'y'), line('received MiB', '#2ca02c', 'y'),
        band('client unwritable', '214,39,40'), band('server paused reading', '31,119,180')],
      axes: [{}, {label: 'MiB'}], scales: {share: {range: [0, 1]}}},
    queues: {title: 'queued for this connection (KiB): in the client, in the server',
      series: [line('client KiB', '#ff7f0e', 'y'), line('server KiB', '#9467bd', 'y')], axes: [{}, {label: 'KiB'}], scales: {}},
    latency: {title: 'byte latency (ms, log scale): the longest wait, and the median, per 50 ms',
      series: [line('longest wait ms', '#d62728', 'y'), line('median ms', '#2ca02c', 'y')], axes: [{}, {label: 'ms'}],
      scales: {y: {distr: 3}}},
  };
  const FIELDS = {bytes: [p => p.produced / MIB, p => p.written / MIB, p => p.received / MIB, p => p.unwritable, p => p.serverPaused],
    queues: [p => p.queued / 1024, p => p.serverQueued == null ? null : p.serverQueued / 1024],
    latency: [p => p.latencyMs, p => p.p50Ms]};

  function makeCharts() {
    for (const [name, c] of Object.entries(CHARTS)) {
      page.data[name] = [[]].concat(c.series.map(() => []));
      $('chart-' + name).replaceChildren();
      page.charts[name] = new uPlot({title: c.title, width: width(), height: 230, series: [{label: 's'}].concat(c.series),
        axes: c.axes, scales: Object.assign({x: {time: false}}, c.scales)}, page.data[name], $('chart-' + name));
    }
  }

  // A chart scrolled out of view is not redrawn (drawing costs the CPU the run it watches needs); it catches up
  // when it comes back into view. page.data always has every point.
  const visible = {}, stale = {};
  const redraw = name => { stale[name] = false; page.charts[name].setData(page.data[name]); };
  const watcher = new IntersectionObserver(entries => entries.forEach(e => {
    const name = e.target.id.replace('chart-', '');
    visible[name] = e.isIntersecting;
    if (visible[name] && stale[name] && page.charts[name]) redraw(name);
  }));
  Object.keys(CHARTS).forEach(name => { visible[name] = true; watcher.observe($('chart-' + name)); });

  let dirty = false;
  function append(points) {
    for (const p of points) {
      for (const name of Object.keys(CHARTS)) {
        page.data[name][0].push(p.t);
        FIELDS[name].forEach((f, i) => page.data[name][i + 1].push(f(p)));
      }
    }
    page.points += points.length;
    Object.keys(CHARTS).forEach(name => stale[name] = true);
    if (!dirty) {
      dirty = true;
      requestAnimationFrame(() => {
        dirty = false;
        for (const name of Object.keys(CHARTS)) if (visible[name]) redraw(name);
      });
    }
  }

  function status(outcome, text) {
    $('status').dataset.outcome = outcome;
    $('status').dataset.runId = page.runId == null ? '' : page.runId;
    $('status').textContent = text;
  }

  function startRun(run) {
    page.runId = run.id;
    page.points = 0;
    makeCharts();
    $('diagnosis').hidden = true;
    status('running', 'Run ' + run.id + ' running: ' + run.label + ' …');
    setBusy(true);
  }

  function endRun(result) {
    setBusy(false);
    if (result.error) {
      status('failed', 'Run ' + result.id + ' could not run: ' + result.error);
      return;
    }
    const s = result.summary;
    status(s.outcome, 'Run ' + result.id + ' ' + s.outcome.replace('_', ' ') + ' after ' + s.seconds.toFixed(1) + ' s: '
        + result.scenario);
    $('diagnosis').textContent = (s.outcome === 'completed' ? 'completed: ' : '') + s.explanation + '\n\n' + result.why
        + (result.serverNote ? '\n\nNote: ' + result.serverNote + '.' : '');
    $('diagnosis').hidden = false;
    addRow(result);
  }

  function addRow(r) {
    page.runs.push(r);
    const s = r.summary, l = s.latency;
    const latency = !l ? 'n/a' : l.p50Ms != null ? ms(l.p50Ms) + ' / ' + ms(l.p99Ms)
        : l.oldestUnansweredMs != null ? 'oldest ' + ms(l.oldestUnansweredMs) : 'none';
    const tr = document.createElement('tr');
    [page.runs.length, r.scenario, s.outcome.replace('_', ' '), s.seconds.toFixed(1) + ' s', s.megabytesPerSecond.toFixed(1),
      bytes(s.peakQueuedPayload), bytes(r.serverPeakQueued), s.writabilityChanges.toLocaleString('en'), latency,
      s.received.toLocaleString('en')].forEach(v => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
    $('runs').appendChild(tr);
  }

  function setBusy(busy) {
    document.querySelectorAll('button').forEach(b => b.disabled = b.id === 'stop' ? !busy : busy);
  }

  async function post(body) {
    const response = await fetch('/api/runs', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)});
    if (!response.ok) {
      status('refused', (await response.json()).error);
    }
  }

  function init(state) {
    $('server').textContent = state.server;
    $('server-note').textContent = state.serverNote ? state.serverNote + '.' : '';
    $('scenarios').replaceChildren(...state.scenarios.map(s => {
      const b = document.createElement('button');
      b.id = 'scenario-' + s.number;
      b.textContent = s.number + '. ' + s.label;
      b.addEventListener('click', () => post({scenario: s.number}));
      return b;
    }));
    const form = $('custom');
    for (const key of ['waterMark', 'bytes', 'writeSize']) form.elements[key].value = state.defaults[key];
    form.elements.bytes.title = 'at most ' + state.defaults.largestPayload;
    page.runs = [];
    $('runs').replaceChildren();
    state.runs.forEach(addRow);
    makeCharts();
    if (state.run) {
      startRun(state.run);
      append(state.run.points);
    } else {
      setBusy(false);
    }
  }

  $('custom').addEventListener('submit', e => {
    e.preventDefault();
    const f = e.target.elements;
    post({writer: f.writer.value, reader: f.reader.value, waterMark: f.waterMark.value, bytes: f.bytes.value,
      writeSize: f.writeSize.value, readRate: f.readRate.value, serverBackpressure: f.serverBackpressure.checked});
  });

  $('stop').addEventListener('click', async () => {
    const response = await fetch('/api/runs/stop', {method: 'POST'});
    if (!response.ok) {
      status('refused', (await response.json()).error);
    }
  });

  const events = new EventSource('/api/events');
  events.addEventListener('state', e => init(JSON.parse(e.data)));
  events.addEventListener('run', e => startRun(JSON.parse(e.data)));
  events.addEventListener('points', e => { const m = JSON.parse(e.data); if (m.id === page.runId) append(m.points); });
  events.addEventListener('result', e => endRun(JSON.parse(e.data)));
})();
