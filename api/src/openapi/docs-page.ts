// The API reference page: plain HTML, one script and one stylesheet, all served by us, so it works
// offline and under a strict Content-Security-Policy (no inline script or style, nothing external).
// The script renders /api/openapi.json with textContent only: descriptions are never parsed as HTML.

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flywheel API reference</title>
<link rel="stylesheet" href="/api/docs/reference.css">
<script src="/api/docs/reference.js" defer></script>
</head>
<body>
<nav id="nav"><h1>Flywheel API</h1><p><a href="/api/openapi.json">openapi.json</a></p></nav>
<main id="main"><p>Loading…</p></main>
</body>
</html>
`;

export const DOCS_CSS = `
body { margin: 0; display: flex; font: 14px/1.5 system-ui, sans-serif; color: #1d2330; }
nav { width: 280px; flex: none; height: 100vh; overflow: auto; position: sticky; top: 0; background: #f4f6fa; padding: 16px; box-sizing: border-box; }
nav h1 { font-size: 18px; margin: 0 0 4px; }
nav h2 { font-size: 12px; text-transform: uppercase; color: #5a6378; margin: 16px 0 4px; }
nav a { display: block; color: inherit; text-decoration: none; padding: 2px 0; }
nav a:hover { text-decoration: underline; }
main { flex: 1; padding: 16px 32px; max-width: 960px; }
section { border-bottom: 1px solid #e1e5ee; padding: 16px 0; }
.method { display: inline-block; min-width: 52px; font: 600 12px monospace; text-transform: uppercase; padding: 2px 6px; border-radius: 4px; color: #fff; background: #3a6ed8; margin-right: 8px; text-align: center; }
.method.post { background: #2f9e62; } .method.patch { background: #c98a12; } .method.put { background: #8a4fd0; } .method.delete { background: #c94141; }
code, pre { font-family: ui-monospace, monospace; font-size: 12px; }
pre { background: #f4f6fa; padding: 8px 12px; overflow: auto; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; border-bottom: 1px solid #e1e5ee; padding: 4px 8px; vertical-align: top; }
.muted { color: #5a6378; }
`;

export const DOCS_JS = `
(function () {
  'use strict';
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) { node.setAttribute(k, props[k]); });
    (children || []).forEach(function (c) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return node;
  }
  function typeOf(s) {
    if (!s) return '';
    if (s.enum) return s.enum.map(function (v) { return JSON.stringify(v); }).join(' | ');
    if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
    if (s.type === 'array') return typeOf(s.items) + '[]';
    var t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type || 'any');
    if (s.format) t += ' (' + s.format + ')';
    var min = Math.abs(s.minimum) === Number.MAX_SAFE_INTEGER ? undefined : s.minimum;
    var max = Math.abs(s.maximum) === Number.MAX_SAFE_INTEGER ? undefined : s.maximum;
    if (min !== undefined || max !== undefined) t += ' [' + (min ?? '') + '…' + (max ?? '') + ']';
    if (s.default !== undefined) t += ', default ' + JSON.stringify(s.default);
    return t;
  }
  function outline(s, depth) {
    // A JSON-schema shape as indented text: names, types, descriptions.
    var pad = '  '.repeat(depth);
    if (!s) return '';
    if (s.anyOf) return s.anyOf.map(function (x, i) { return pad + (i ? 'or\\n' : '') + outline(x, depth); }).join('\\n');
    if (s.type === 'array' && s.items && (s.items.properties || s.items.anyOf)) return pad + '[\\n' + outline(s.items, depth + 1) + '\\n' + pad + ']';
    if (s.properties) {
      var req = s.required || [];
      return Object.keys(s.properties).map(function (k) {
        var p = s.properties[k];
        var line = pad + k + (req.indexOf(k) >= 0 ? '' : '?') + ': ' + ((p.properties || (p.items && p.items.properties)) ? (p.type === 'array' ? 'array of' : 'object') : typeOf(p));
        if (p.description) line += '   — ' + p.description;
        var inner = p.properties ? p : (p.items && p.items.properties ? p.items : null);
        return inner ? line + '\\n' + outline(inner, depth + 1) : line;
      }).join('\\n');
    }
    return pad + typeOf(s);
  }
  function render(doc) {
    var nav = document.getElementById('nav');
    var main = document.getElementById('main');
    main.textContent = '';
    main.append(el('p', { class: 'muted' }, [doc.info.description || '']));
    var byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'Other';
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
      });
    });
    Object.keys(byTag).forEach(function (tag) {
      nav.append(el('h2', {}, [tag]));
      byTag[tag].forEach(function (e) {
        var id = e.op.operationId;
        nav.append(el('a', { href: '#' + id }, [el('span', { class: 'method ' + e.method }, [e.method]), e.path.replace('/api/v1', '')]));
        var section = el('section', { id: id }, [
          el('h3', {}, [el('span', { class: 'method ' + e.method }, [e.method]), el('code', {}, [e.path])]),
          el('p', {}, [e.op.summary || '']),
        ]);
        if (e.op.description) section.append(el('p', { class: 'muted' }, [e.op.description]));
        var params = e.op.parameters || [];
        if (params.length) {
          var rows = params.map(function (p) {
            return el('tr', {}, [el('td', {}, [el('code', {}, [p.name])]), el('td', {}, [p.in + (p.required ? ', required' : '')]), el('td', {}, [typeOf(p.schema)]), el('td', {}, [p.description || ''])]);
          });
          section.append(el('table', {}, [el('tr', {}, [el('th', {}, ['parameter']), el('th', {}, ['in']), el('th', {}, ['type']), el('th', {}, ['description'])])].concat(rows)));
        }
        if (e.op.requestBody) {
          section.append(el('h4', {}, ['Request body']));
          section.append(el('pre', {}, [outline(e.op.requestBody.content['application/json'].schema, 0)]));
        }
        Object.keys(e.op.responses || {}).forEach(function (status) {
          var r = e.op.responses[status];
          section.append(el('h4', {}, [status + ' ' + r.description]));
          var s = r.content && r.content['application/json'] && r.content['application/json'].schema;
          if (s && status.charAt(0) === '2') section.append(el('pre', {}, [outline(s, 0)]));
        });
        main.append(section);
      });
    });
    if (location.hash) { var target = document.getElementById(location.hash.slice(1)); if (target) target.scrollIntoView(); }
  }
  fetch('/api/openapi.json').then(function (r) { return r.json(); }).then(render, function (error) {
    document.getElementById('main').textContent = 'Could not load /api/openapi.json: ' + error;
  });
})();
`;
