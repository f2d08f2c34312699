/* global window, indexedDB */
/**
 * Cold start (handbook B6): the first script of the page. Before the app bundle (React, Mantine, RxDB, ~1 MB)
 * is fetched, parsed and evaluated, it asks IndexedDB to open the saved workspace's replica. Chromium keeps all
 * IndexedDB databases of an origin in one backing store, and opening that store is most of the cost of reaching
 * data on a large replica (measured on set L: ~0.8 s even for a bare page that reads 50 rows); started here it
 * runs in the browser process while the main thread is busy with the bundle, and RxDB later finds it open.
 *
 * A classic script in public/ (index.html loads it before the app's module): it runs at once while the page
 * is parsed and imports nothing. The names mirror renderer/src/app/session.ts (databaseNameFor) and RxDB's
 * Dexie storage (`rxdb-dexie-<database>--<schema version>--<collection>`); warm-replica.test.ts keeps them in
 * step, and the event the app sends when its replica is open (REPLICA_OPEN_EVENT in app/workspace.ts).
 */
(function warmReplica() {
  var SCHEMA_VERSION = 0;
  var REPLICA_OPEN_EVENT = 'crm:replica-open';
  var HOLD_MAX_MS = 15000;
  if (typeof window === 'undefined' || window.__crmWarmed) return;
  window.__crmWarmed = true;
  var name = null;
  try {
    if (typeof indexedDB === 'undefined') return;
    var raw = localStorage.getItem('crm.session');
    if (!raw) return;
    var session = JSON.parse(raw);
    if (!session || typeof session.workspaceId !== 'string' || !session.workspaceId) return;
    if (session.mode === 'local') name = 'crm-' + session.workspaceId;
    else if (session.mode === 'team' && typeof session.userId === 'string' && session.userId) name = 'crm-' + session.workspaceId + '-' + session.userId;
    else return;
    name = 'rxdb-dexie-' + name.toLowerCase().replace(/[^a-z0-9_-]/g, '-') + '--' + SCHEMA_VERSION + '--accounts';
  } catch {
    return;
  }
  window.__crmWarmReplica = name;
  performance.mark('crm:warm-replica-start');
  // No version: opens what is there and never upgrades. A database that does not exist yet would be created
  // by an upgrade from version 0: abort it and leave creating it to RxDB.
  var request = indexedDB.open(name);
  request.onupgradeneeded = function () {
    if (request.transaction) request.transaction.abort();
  };
  request.onsuccess = function () {
    var db = request.result;
    performance.mark('crm:warm-replica-open');
    var closed = false;
    var close = function () {
      if (closed) return;
      closed = true;
      window.removeEventListener(REPLICA_OPEN_EVENT, close);
      db.close();
    };
    // Closes as soon as anyone asks for a new version or deletes the database (sign-out wipe).
    db.onversionchange = close;
    window.addEventListener(REPLICA_OPEN_EVENT, close);
    setTimeout(close, HOLD_MAX_MS);
  };
  request.onerror = function () {};
})();
