// The server's live page: figures, a throughput chart over the last two minutes, and the busiest connections.
(function () {
  const KEEP = 240; // samples at 500 ms: two minutes
  const bytes = n => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KiB'
      : n < 1073741824 ? (n / 1048576).toFixed(1) + ' MiB' : (n / 1073741824).toFixed(2) + ' GiB';
  const mbps = v => v.toFixed(1) + ' MB/s';
  const data = [[], [], [], []];
  const chart = new uPlot({
    width: Math.min(1100, window.innerWidth - 60), height: 240,
    series: [{}, {label: 'received MB/s', stroke: '#1f46a0'}, {label: 'sent MB/s', stroke: '#2ca02c'},
      {label: 'throttled', stroke: '#d62728', scale: 'n'}],
    axes: [{}, {label: 'MB/s'}, {side: 1, scale: 'n', label: 'connections', grid: {show: false}}],
    scales: {x: {time: true}},
  }, data, document.getElementById('chart'));
  let last = null;

  function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }

  function show(report) {
    const now = Date.now() / 1000, t = report.totals;
    let inRate = 0, outRate = 0;
    if (last) {
      const dt = now - last.time;
      inRate = (t.bytesIn - last.bytesIn) / dt / 1e6;
      outRate = (t.bytesOut - last.bytesOut) / dt / 1e6;
    }
    last = {time: now, bytesIn: t.bytesIn, bytesOut: t.bytesOut};
    document.getElementById('open').textContent = report.open;
    document.getElementById('paused').textContent = t.pausedNow;
    document.getElementById('in').textContent = mbps(inRate);
    document.getElementById('out').textContent = mbps(outRate);
    document.getElementById('queued').textContent = bytes(t.queuedNow);
    document.getElementById('shown').textContent = '(' + report.shown + ' of ' + report.open + ')';
    [now, inRate, outRate, t.pausedNow].forEach((v, i) => { data[i].push(v); if (data[i].length > KEEP) data[i].shift(); });
    chart.setData(data);
    const body = document.getElementById('connections');
    body.replaceChildren(...report.connections.map(c => {
      const tr = document.createElement('tr');
      if (c.readingPaused) tr.className = 'throttled';
      [c.peer, c.ageSeconds.toFixed(1), bytes(c.bytesIn), bytes(c.bytesOut), bytes(c.queued), c.writable ? 'yes' : 'no',
        c.readingPaused ? 'paused' : 'on', c.pauses, (c.pausedMs / 1000).toFixed(1)].forEach(v => tr.appendChild(cell(v)));
      return tr;
    }));
  }

  new EventSource('/connections/stream').addEventListener('connections', e => show(JSON.parse(e.data)));
})();
