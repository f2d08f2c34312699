/* global window, document, location, indexedDB, IDBKeyRange */
// B6 floor (benchmarks only, not the app): no framework, no RxDB — open the IndexedDB databases of the app's
// local replica (RxDB's Dexie layout: one database per collection) and show the newest 50 accounts through
// the same index the accounts list walks (RxDB puts `_deleted` first in every index; booleans are '0'/'1'). What remains of the app's cold start above this is our code.
(async () => {
  const marks = {};
  const mark = (name) => {
    marks[name] = performance.now();
  };
  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const params = new URLSearchParams(location.search);
  const replica = params.get('replica') || 'crm-local';
  const openAll = params.get('all') !== '0';
  mark('start');
  const all = (await indexedDB.databases())
    .map((d) => d.name)
    .filter((n) => n && n.startsWith(`rxdb-dexie-${replica}--`));
  // RxDB names each database `rxdb-dexie-<replica>--<schema version>--<collection>`: take the newest accounts one.
  const version = (n) => Number(n.split('--')[1]);
  const accountsName = all
    .filter((n) => n.endsWith('--accounts'))
    .sort((a, b) => version(b) - version(a))[0];
  if (!accountsName) throw new Error(`no accounts database for replica ${replica}`);
  const names = openAll ? all : [accountsName];
  const dbs = await Promise.all(names.map((n) => request(indexedDB.open(n))));
  mark('opened');
  const db = dbs[names.indexOf(accountsName)];
  const index = db
    .transaction('docs', 'readonly')
    .objectStore('docs')
    .index('[_deleted+deleted+updatedAt+id]');
  const rows = [];
  await new Promise((resolve, reject) => {
    const cursor = index.openCursor(IDBKeyRange.bound(['0', '0'], ['0', '0', []]), 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || rows.length >= 50) return resolve();
      rows.push(c.value);
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  mark('read');
  const body = document.getElementById('rows');
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'table-row';
    for (const v of [
      row.name,
      row.industry,
      row.status,
      row.ownerId,
      new Date(row.updatedAt).toISOString(),
    ]) {
      const td = document.createElement('td');
      td.textContent = String(v);
      tr.append(td);
    }
    body.append(tr);
  }
  mark('rendered');
  window.__bare = { marks, databases: names.length, rows: rows.length };
})().catch((error) => {
  window.__bare = { error: String(error) };
});
