// The desk page. Every value from the server is untrusted text from the open web: it is only ever put into the page
// with textContent or as an attribute value checked here; no HTML is built from strings.
(function () {
  'use strict';

  var FILTERS = ['q', 'actor', 'dyad', 'topic', 'level', 'region', 'source', 'lang'];
  var MAX_ROWS = 500;
  var state = { view: 'stream', paused: false, held: [], source: null, seen: new Set(), alerts: [],
    alertStates: {}, charts: {} };

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /** A link only for absolute http(s) URLs; anything else (javascript:, data:) becomes plain text. */
  function safeLink(url, text) {
    var ok = false;
    try {
      var u = new URL(url);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch (e) { ok = false; }
    if (!ok) { return el('span', null, text); }
    var a = el('a', null, text);
    a.href = url;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    return a;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function times(iso) {
    if (!iso) { return { local: '', utc: '' }; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return { local: '', utc: '' }; }
    var today = new Date();
    var sameDay = d.toDateString() === today.toDateString();
    var local = (sameDay ? '' : (d.getMonth() + 1) + '/' + d.getDate() + ' ') + pad(d.getHours()) + ':' +
      pad(d.getMinutes());
    var utc = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
    return { local: local, utc: utc };
  }

  // ---- filters and the URL ----
  function filterParams() {
    var p = new URLSearchParams();
    var form = $('filters');
    FILTERS.forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) { p.set(name, v); }
    });
    return p;
  }

  function loadFiltersFromUrl() {
    var url = new URLSearchParams(location.search);
    var form = $('filters');
    FILTERS.forEach(function (name) { form.elements[name].value = url.get(name) || ''; });
    var v = url.get('view');
    state.view = ['stream', 'alerts', 'trends', 'status'].indexOf(v) >= 0 ? v : 'stream';
  }

  function writeUrl() {
    var p = filterParams();
    if (state.view !== 'stream') { p.set('view', state.view); }
    var s = p.toString();
    history.replaceState(null, '', s ? '?' + s : location.pathname);
  }

  function problem(text) { $('problem').textContent = text || ''; }

  // ---- server calls ----
  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body && body.error ? body.error : 'the desk answered ' + r.status); }
          return body;
        });
      });
  }

  function csrf() {
    var m = document.cookie.split(';').map(function (c) { return c.trim(); })
      .filter(function (c) { return c.indexOf('wf_desk_csrf=') === 0; })[0];
    return m ? m.substring('wf_desk_csrf='.length) : '';
  }

  function post(path) {
    return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-Desk-Csrf': csrf() } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body && body.error ? body.error : 'the desk answered ' + r.status); }
          return body;
        });
      });
  }

  // ---- article rows ----
  function levelBadge(level, score) {
    var b = el('span', 'level level-' + (level || 'LOW'));
    b.textContent = (level || '?') + (score !== null && score !== undefined ? ' ' + Math.round(score) : '');
    return b;
  }

  function articleRow(a) {
    var li = el('li', 'row');
    li.tabIndex = -1;
    li.dataset.id = a.id;
    li.appendChild(levelBadge(a.level, a.score));
    li.appendChild(el('span', 'title', a.title || '(no title)'));
    var t = times(a.time);
    var when = el('span', 'when', t.local);
    when.title = t.utc;
    li.appendChild(when);
    var actors = (a.actors || []).map(function (x) { return x.name || x.id; }).join(', ');
    var parts = [a.source || '', t.utc];
    if (actors) { parts.push(actors); }
    if (a.topics && a.topics.length) { parts.push(a.topics.join(', ')); }
    if (a.story_size > 1) { parts.push('story of ' + a.story_size); }
    li.appendChild(el('span', 'meta', parts.join(' · ')));
    li.addEventListener('click', function () { select(li); openArticle(a.id); });
    return li;
  }

  function addArticle(a, fresh) {
    if (state.seen.has(a.id)) { return; }
    state.seen.add(a.id);
    var list = $('stream');
    var li = articleRow(a);
    if (fresh) { li.classList.add('fresh'); }
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_ROWS) {
      var last = list.lastChild;
      state.seen.delete(last.dataset.id);
      list.removeChild(last);
    }
    $('stream-count').textContent = list.children.length + ' articles';
  }

  function loadHistory() {
    var list = $('stream');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    state.seen.clear();
    return getJson('/api/articles?' + filterParams().toString()).then(function (rows) {
      rows.slice().reverse().forEach(function (a) { addArticle(a, false); });
      $('stream-count').textContent = list.children.length + ' articles';
    }).catch(function (e) { problem(e.message); });
  }

  // ---- live stream ----
  function connect() {
    if (state.source) { state.source.close(); }
    var conn = $('conn');
    conn.textContent = 'connecting';
    conn.className = 'conn';
    var src = new EventSource('/api/stream?' + filterParams().toString());
    state.source = src;
    src.addEventListener('ready', function () { conn.textContent = 'live'; conn.className = 'conn on'; });
    src.addEventListener('article', function (ev) {
      var a = JSON.parse(ev.data);
      if (state.paused) {
        state.held.push(a);
        $('paused-note').textContent = state.held.length + ' new while paused';
      } else {
        addArticle(a, true);
      }
    });
    src.addEventListener('alert', function (ev) { addAlert(JSON.parse(ev.data), true); });
    src.addEventListener('action', function (ev) {
      var s = JSON.parse(ev.data);
      state.alertStates[s.alert_id] = { state: s.state, until: s.until };
      renderInbox();
    });
    src.addEventListener('problem', function (ev) { problem(JSON.parse(ev.data).error); src.close(); });
    src.addEventListener('dropped', function () { src.close(); loadHistory().then(connect); });
    src.onerror = function () { conn.textContent = 'reconnecting'; conn.className = 'conn off'; };
  }

  function togglePause() {
    state.paused = !state.paused;
    $('pause').textContent = state.paused ? 'Resume' : 'Pause';
    if (!state.paused) {
      state.held.forEach(function (a) { addArticle(a, true); });
      state.held = [];
      $('paused-note').textContent = '';
    } else {
      $('paused-note').textContent = 'paused';
    }
  }

  // ---- article view ----
  function openArticle(id) {
    var panel = $('article');
    var body = $('article-body');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(el('p', 'muted', 'Loading...'));
    panel.hidden = false;
    getJson('/api/articles/' + encodeURIComponent(id)).then(function (a) { renderArticle(a); })
      .catch(function (e) {
        while (body.firstChild) { body.removeChild(body.firstChild); }
        body.appendChild(el('p', 'problem', e.message));
      });
  }

  function section(body, title) {
    body.appendChild(el('h3', null, title));
  }

  function renderArticle(a) {
    var body = $('article-body');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(el('h2', 'article-title', a.title || '(no title)'));
    var meta = el('p', 'muted');
    meta.appendChild(levelBadge(a.level, a.score));
    var t = times(a.time);
    meta.appendChild(document.createTextNode(' ' + (a.source || '') + ' · ' + t.local + ' local · ' + t.utc +
      (a.language ? ' · ' + a.language : '') + (a.region ? ' · ' + a.region : '')));
    body.appendChild(meta);
    var link = el('p', 'source-link');
    link.appendChild(a.url ? safeLink(a.url, a.url) : el('span', 'muted', 'no safe link to the source'));
    body.appendChild(link);

    section(body, 'Text, with the sentences that drove the level marked');
    var text = el('div', 'text');
    (a.segments || []).forEach(function (s) {
      text.appendChild(s.evidence ? el('mark', 'evidence', s.text) : document.createTextNode(s.text));
    });
    body.appendChild(text);
    if (a.evidence && a.evidence.length) {
      section(body, 'Evidence');
      var ev = el('ol', 'evidence-list');
      a.evidence.forEach(function (s) { ev.appendChild(el('li', null, s)); });
      body.appendChild(ev);
    }
    section(body, 'Actors');
    var actors = el('ul', 'chips');
    (a.actors || []).forEach(function (x) {
      var li = el('li');
      var label = (x.name || x.id) + ' (' + x.id + ')';
      li.appendChild(x.wikidata ? safeLink(x.wikidata, label) : document.createTextNode(label));
      actors.appendChild(li);
    });
    body.appendChild(actors);
    if (a.dyads && a.dyads.length) {
      section(body, 'Dyads');
      var dl = el('ul');
      a.dyads.forEach(function (d) {
        dl.appendChild(el('li', null, d.key + ' ' + (d.event_class || '') + ' (Goldstein ' + d.goldstein + '): ' +
          (d.sentence || '')));
      });
      body.appendChild(dl);
    }
    section(body, 'Topics');
    var topics = el('ul', 'chips');
    (a.topics || []).forEach(function (x) { topics.appendChild(el('li', null, x.id + ' ' + x.score)); });
    body.appendChild(topics);
    section(body, 'The story\'s other articles' + (a.story && a.story.length ? ' (' + a.story.length + ')' : ''));
    var story = el('ol', 'rows story');
    (a.story || []).forEach(function (s) {
      var li = articleRow(s);
      if (s.near_duplicate) { li.querySelector('.meta').textContent += ' · near-duplicate'; }
      li.addEventListener('click', function () { openArticle(s.id); });
      story.appendChild(li);
    });
    if (!a.story || !a.story.length) { story.appendChild(el('li', 'muted', 'none yet')); }
    body.appendChild(story);
    $('close-article').focus();
  }

  function closeArticle() {
    $('article').hidden = true;
    var sel = document.querySelector('.view:not([hidden]) .row.selected');
    if (sel) { sel.focus(); }
  }

  // ---- alerts ----
  function addAlert(a, live) {
    if (state.alerts.some(function (x) { return x.id === a.id; })) { return; }
    state.alerts.unshift(a);
    if (state.alerts.length > MAX_ROWS) { state.alerts.pop(); }
    renderInbox();
    if (live && state.view !== 'alerts') {
      var b = $('alert-badge');
      b.hidden = false;
      b.textContent = String((parseInt(b.textContent, 10) || 0) + 1);
    }
  }

  function handled(a) {
    var s = state.alertStates[a.id];
    if (!s) { return null; }
    if (s.state === 'snoozed' && s.until && new Date(s.until) < new Date()) { return null; }
    return s;
  }

  function renderInbox() {
    var list = $('inbox');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var showHandled = $('show-handled').checked;
    state.alerts.forEach(function (a) {
      var s = handled(a);
      if (s && !showHandled) { return; }
      var li = el('li', 'row alert' + (s ? ' handled' : ''));
      li.tabIndex = -1;
      li.dataset.id = a.id;
      li.appendChild(levelBadge(a.level, null));
      li.appendChild(el('span', 'title', a.title || a.rule_name || a.rule_id));
      var t = times(a.time);
      var when = el('span', 'when', t.local);
      when.title = t.utc;
      li.appendChild(when);
      li.appendChild(el('span', 'meta', (a.rule_name || '') + ' (' + a.rule_id + ')' + (a.key ? ' · ' + a.key : '') +
        ' · ' + t.utc + (s ? ' · ' + s.state + (s.until ? ' until ' + times(s.until).local : '') : '')));
      if (a.message) { li.appendChild(el('span', 'meta message', a.message)); }
      var actions = el('span', 'actions');
      (a.article_ids || []).slice(0, 5).forEach(function (id, i) {
        var b = el('button', 'open-article', 'article ' + (i + 1));
        b.type = 'button';
        b.addEventListener('click', function (e) { e.stopPropagation(); openArticle(id); });
        actions.appendChild(b);
      });
      [['Acknowledge', 'ack', '/api/alerts/' + encodeURIComponent(a.id) + '/ack'],
        ['Snooze 1h', 'snooze', '/api/alerts/' + encodeURIComponent(a.id) + '/snooze?for=1h'],
        ['Silence rule 1h', 'silence', '/api/rules/' + encodeURIComponent(a.rule_id) + '/silence?for=1h' +
          (a.key ? '&key=' + encodeURIComponent(a.key) : '')]].forEach(function (spec) {
        var b = el('button', 'do-' + spec[1], spec[0]);
        b.type = 'button';
        b.addEventListener('click', function (e) {
          e.stopPropagation();
          post(spec[2]).then(function (r) {
            if (spec[1] !== 'silence') {
              state.alertStates[a.id] = { state: r.state, until: r.until };
            } else {
              problem('Rule ' + a.rule_id + ' silenced until ' + times(r.until).local);
            }
            renderInbox();
          }).catch(function (err) { problem(err.message); });
        });
        actions.appendChild(b);
      });
      li.appendChild(actions);
      li.addEventListener('click', function () { select(li); });
      list.appendChild(li);
    });
  }

  function loadAlerts() {
    return getJson('/api/alerts').then(function (body) {
      state.alertStates = body.states || {};
      var live = state.alerts;
      state.alerts = [];
      (body.alerts || []).slice().reverse().forEach(function (a) { addAlert(a, false); });
      live.slice().reverse().forEach(function (a) { addAlert(a, false); });
      renderInbox();
      return getJson('/api/rules');
    }).then(function (rules) {
      var tbody = $('rules').tBodies[0];
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      rules.forEach(function (r) {
        var tr = el('tr');
        tr.appendChild(el('td', null, (r.name || '') + ' (' + r.id + ')'));
        var t = times(r.last_fired);
        tr.appendChild(el('td', null, t.local + ' · ' + t.utc));
        tr.appendChild(el('td', null, r.last_day));
        tr.appendChild(el('td', null, r.count));
        var td = el('td');
        var b = el('button', 'do-silence', 'Silence 1h');
        b.type = 'button';
        b.addEventListener('click', function () {
          post('/api/rules/' + encodeURIComponent(r.id) + '/silence?for=1h').then(function (x) {
            problem('Rule ' + r.id + ' silenced until ' + times(x.until).local);
          }).catch(function (err) { problem(err.message); });
        });
        td.appendChild(b);
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
    }).catch(function (e) { problem(e.message); });
  }

  // ---- trends ----
  var COLORS = ['#5fa8ff', '#e0702a', '#7bd389', '#c9a227', '#d36bd3', '#e0443a', '#8a96a8'];

  function chart(name, target, opts, data) {
    if (state.charts[name]) { state.charts[name].destroy(); }
    while (target.firstChild) { target.removeChild(target.firstChild); }
    if (typeof uPlot === 'undefined') { target.appendChild(el('p', 'problem', 'the chart library did not load')); return; }
    opts.width = Math.max(280, target.clientWidth || 560);
    opts.height = 240;
    opts.axes = [{ stroke: '#8a96a8', grid: { stroke: '#263040' } }, { stroke: '#8a96a8', grid: { stroke: '#263040' } }]
      .concat(opts.axes || []);
    state.charts[name] = new uPlot(opts, data, target);
  }

  function loadTrends() {
    var who = $('trend-who').value.trim();
    var interval = $('trend-form').elements.interval.value;
    var q = who.indexOf('>') > 0 ? 'dyad=' + encodeURIComponent(who) : 'actor=' + encodeURIComponent(who);
    var calls = [];
    if (who) {
      calls.push(getJson('/api/trends?' + q + '&interval=' + interval).then(function (t) {
        $('trend-caption').textContent = 'Tension of ' + who + ', ' + (interval === 'day' ? 'daily' : 'hourly') +
          ': mean and max (left), articles (right)';
        chart('tension', $('chart-tension'), {
          series: [{}, { label: 'mean', stroke: COLORS[0], width: 2, spanGaps: false },
            { label: 'max', stroke: COLORS[5], width: 1, dash: [4, 4] },
            { label: 'articles', stroke: COLORS[2], scale: 'n', fill: 'rgba(123,211,137,0.15)' }],
          scales: { y: { range: [0, 100] } },
          axes: [{ scale: 'n', side: 1, stroke: '#8a96a8', grid: { show: false } }]
        }, [t.t, t.mean, t.max, t.count]);
      }));
    }
    calls.push(getJson('/api/topics').then(function (t) {
      var names = Object.keys(t.series);
      var series = [{}].concat(names.map(function (n, i) { return { label: n, stroke: COLORS[i % COLORS.length] }; }));
      chart('topics', $('chart-topics'), { series: series },
        [t.t].concat(names.map(function (n) { return t.series[n]; })));
    }));
    calls.push(getJson('/api/regions').then(function (regions) {
      var box = $('regions');
      while (box.firstChild) { box.removeChild(box.firstChild); }
      var max = regions.reduce(function (m, r) { return Math.max(m, r.count); }, 1);
      regions.forEach(function (r) {
        var row = el('div', 'bar');
        row.appendChild(el('span', null, r.region));
        var fill = el('div', 'fill');
        fill.style.width = Math.max(2, Math.round(100 * r.count / max)) + '%';
        var level = r.mean >= 80 ? 'SEVERE' : r.mean >= 60 ? 'HIGH' : r.mean >= 40 ? 'ELEVATED' :
          r.mean >= 20 ? 'GUARDED' : 'LOW';
        fill.className = 'fill level-' + level;
        row.appendChild(fill);
        row.appendChild(el('span', 'muted', r.count + ' · ' + (r.mean === null ? '-' : r.mean)));
        box.appendChild(row);
      });
      if (!regions.length) { box.appendChild(el('p', 'muted', 'no articles yet')); }
    }));
    calls.push(getJson('/api/stories/rising').then(function (stories) {
      var list = $('rising');
      while (list.firstChild) { list.removeChild(list.firstChild); }
      stories.forEach(function (s) {
        var li = el('li', 'row');
        li.tabIndex = -1;
        li.appendChild(levelBadge(s.level, null));
        li.appendChild(el('span', 'title', s.title || s.story_id));
        li.appendChild(el('span', 'when', '+' + s.growth));
        li.appendChild(el('span', 'meta', s.last_hour + ' in the last hour, ' + s.hour_before +
          ' in the hour before, ' + s.size + ' in all'));
        li.addEventListener('click', function () { select(li); openArticle(s.story_id); });
        list.appendChild(li);
      });
      if (!stories.length) { list.appendChild(el('li', 'muted', 'no story grew in the last hour')); }
    }));
    return Promise.all(calls).catch(function (e) { problem(e.message); });
  }

  // ---- pipeline status ----
  function loadStatus() {
    return getJson('/api/status').then(function (s) {
      var tbody = $('stages').tBodies[0];
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      s.stages.forEach(function (g) {
        var tr = el('tr');
        tr.appendChild(el('td', null, g.group));
        tr.appendChild(el('td', g.healthy ? '' : 'problem', g.healthy ? 'running' : 'no members (' + g.state + ')'));
        tr.appendChild(el('td', null, g.members));
        tr.appendChild(el('td', null, g.lag));
        tbody.appendChild(tr);
      });
      var topics = $('topics').tBodies[0];
      while (topics.firstChild) { topics.removeChild(topics.firstChild); }
      s.topics.forEach(function (t) {
        var tr = el('tr');
        tr.appendChild(el('td', null, t.topic));
        tr.appendChild(el('td', null, t.records));
        tr.appendChild(el('td', null, t.rate === null ? '...' : t.rate));
        topics.appendChild(tr);
      });
      return getJson('/api/deadletters');
    }).then(function (dead) {
      var list = $('dead');
      while (list.firstChild) { list.removeChild(list.firstChild); }
      dead.forEach(function (d) {
        var li = el('li', 'row');
        li.tabIndex = -1;
        li.appendChild(el('span', 'level level-HIGH', d.stage || '?'));
        li.appendChild(el('span', 'title', d.reason || '(no reason given)'));
        li.appendChild(el('span', 'when', times(d.time).local));
        li.appendChild(el('span', 'meta', (d.origin_topic || '') + (d.url ? ' · ' + d.url : '') + ' · ' +
          d.payload_bytes + ' bytes · ' + d.id));
        li.addEventListener('click', function () {
          select(li);
          var pre = $('dead-record');
          pre.hidden = false;
          pre.textContent = d.payload;
        });
        list.appendChild(li);
      });
      if (!dead.length) { list.appendChild(el('li', 'muted', 'no dead letters')); }
    }).catch(function (e) { problem(e.message); });
  }

  // ---- views and keys ----
  function show(view) {
    state.view = view;
    ['stream', 'alerts', 'trends', 'status'].forEach(function (v) {
      $('view-' + v).hidden = v !== view;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
      if (t.dataset.view === view) { t.setAttribute('aria-current', 'page'); } else { t.removeAttribute('aria-current'); }
    });
    writeUrl();
    if (view === 'alerts') { $('alert-badge').hidden = true; $('alert-badge').textContent = ''; loadAlerts(); }
    if (view === 'trends') { loadTrends(); }
    if (view === 'status') { loadStatus(); }
  }

  function select(li) {
    Array.prototype.forEach.call(document.querySelectorAll('.row.selected'), function (r) {
      r.classList.remove('selected');
    });
    li.classList.add('selected');
    li.focus();
  }

  function move(delta) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#view-' + state.view + ' .row'));
    if (!rows.length) { return; }
    var i = rows.indexOf(document.querySelector('#view-' + state.view + ' .row.selected'));
    var next = i < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, i + delta));
    select(rows[next]);
    rows[next].scrollIntoView({ block: 'nearest' });
  }

  function onKey(e) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
    if (e.key === 'Escape') {
      if (!$('article').hidden) { closeArticle(); } else if (typing) { e.target.blur(); }
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === '/') { e.preventDefault(); $('q').focus(); return; }
    if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); move(1); return; }
    if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); move(-1); return; }
    if (e.key === 'p') { togglePause(); return; }
    if (e.key === 'Enter' && e.target.tagName !== 'BUTTON' && e.target.tagName !== 'A') {
      var sel = document.querySelector('#view-' + state.view + ' .row.selected');
      if (sel) { e.preventDefault(); sel.click(); }
      return;
    }
    var views = { '1': 'stream', '2': 'alerts', '3': 'trends', '4': 'status' };
    if (views[e.key]) { show(views[e.key]); }
  }

  function applyFilters(e) {
    if (e) { e.preventDefault(); }
    problem('');
    writeUrl();
    $('conn').textContent = 'connecting';
    $('conn').className = 'conn';
    loadHistory().then(connect);
  }

  function tick() {
    var d = new Date();
    $('clock-local').textContent = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + ' local';
    $('clock-utc').textContent = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
  }

  function init() {
    loadFiltersFromUrl();
    $('filters').addEventListener('submit', applyFilters);
    $('filters').elements.level.addEventListener('change', applyFilters);
    $('clear').addEventListener('click', function () {
      FILTERS.forEach(function (n) { $('filters').elements[n].value = ''; });
      applyFilters();
    });
    $('pause').addEventListener('click', togglePause);
    $('close-article').addEventListener('click', closeArticle);
    $('show-handled').addEventListener('change', renderInbox);
    $('trend-form').addEventListener('submit', function (e) { e.preventDefault(); loadTrends(); });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
      t.addEventListener('click', function () { show(t.dataset.view); });
    });
    document.addEventListener('keydown', onKey);
    tick();
    setInterval(tick, 1000);
    loadHistory().then(connect);
    loadAlerts();
    show(state.view);
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
