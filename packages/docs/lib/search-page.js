// search.html: loads the index built from the spec and searches it with MiniSearch, in the
// browser, as you type. Each result links to the operation's place in the reference.
(async () => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const { options, documents } = await (await fetch('search-index.json')).json();
  const index = new MiniSearch({ ...options, tokenize: (text) => text.split(/[\s/_{}.,:;()[\]-]+/).filter(Boolean) });
  index.addAll(documents);

  function show(query) {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = `${documents.length} operations and webhooks`;
      return;
    }
    const results = index.search(query).slice(0, 50);
    status.textContent = `${results.length} result(s) for "${query}"`;
    for (const r of results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.href;
      a.className = 'result';
      a.dataset.operationId = r.id;
      const method = document.createElement('span');
      method.className = 'method';
      method.textContent = r.method;
      a.append(method, `${r.path} — ${r.summary} (${r.id})`);
      li.append(a);
      list.append(li);
    }
  }

  input.addEventListener('input', () => {
    history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
    show(input.value);
  });
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  show(input.value);
  document.body.dataset.ready = 'true';
})();
