/* global window, indexedDB, IDBKeyRange */
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
  // The accounts list's first page (hooks/use-paged-list.ts PAGE_SIZE; newest first through the
  // [_deleted+deleted+updatedAt+id] index, as AccountRepository.listPageAfter reads it). See the note below.
  var FIRST_PAGE_SIZE = 100;
  var FIRST_PAGE_INDEX = '[_deleted+deleted+updatedAt+id]';
  if (typeof window === 'undefined' || window.__crmWarmed) return;
  window.__crmWarmed = true;
  var name = null;
  var base = null;
  try {
    if (typeof indexedDB === 'undefined') return;
    var raw = localStorage.getItem('crm.session');
    if (!raw) return;
    var session = JSON.parse(raw);
    if (!session || typeof session.workspaceId !== 'string' || !session.workspaceId) return;
    if (session.mode === 'local') name = 'crm-' + session.workspaceId;
    else if (session.mode === 'team' && typeof session.userId === 'string' && session.userId) name = 'crm-' + session.workspaceId + '-' + session.userId;
    else return;
    base = 'rxdb-dexie-' + name.toLowerCase().replace(/[^a-z0-9_-]/g, '-') + '--' + SCHEMA_VERSION + '--';
    name = base + 'accounts';
  } catch {
    return;
  }
  /*
   * When the window opens on the accounts list, the list's first page and the people it names (owners) are
   * read here too, straight from the stores RxDB's Dexie storage keeps (raw rows; the app converts them with
   * the same code as its index scans, app/first-screen.ts). The list renders them while RxDB is still setting
   * up its collections; its live queries take over once the replica is open. Anything unexpected (no such
   * store or index, an error) resolves null, and the list reads through RxDB as usual.
   */
  var route = (window.location.hash || '').replace(/^#/, '').split('?')[0];
  var resolveFirstScreen = null;
  if (route === '/accounts') {
    window.__crmFirstScreen = new Promise(function (resolve) {
      resolveFirstScreen = resolve;
    });
  }
  var firstScreenDone = false;
  var finishFirstScreen = function (value) {
    if (firstScreenDone || !resolveFirstScreen) return;
    firstScreenDone = true;
    performance.mark('crm:warm-first-screen');
    resolveFirstScreen(value);
  };
  var readFirstScreen = function (accountsDb) {
    if (!resolveFirstScreen) return;
    var result = { pageSize: FIRST_PAGE_SIZE, accounts: null, members: null };
    var settle = function () {
      if (result.accounts && result.members) finishFirstScreen(result);
    };
    try {
      var tx = accountsDb.transaction('docs', 'readonly');
      var index = tx.objectStore('docs').index(FIRST_PAGE_INDEX);
      // Not deleted ('0' twice: RxDB's _deleted and the entity's own soft-delete flag), any updatedAt, any id;
      // an array sorts above every number and string, so ['0', '0', []] closes the range.
      var cursor = index.openCursor(IDBKeyRange.bound(['0', '0'], ['0', '0', []]), 'prev');
      var rows = [];
      cursor.onsuccess = function () {
        var at = cursor.result;
        if (at && rows.length < FIRST_PAGE_SIZE) {
          rows.push(at.value);
          at.continue();
          return;
        }
        result.accounts = rows;
        settle();
      };
      cursor.onerror = function () {
        finishFirstScreen(null);
      };
    } catch {
      finishFirstScreen(null);
      return;
    }
    var membersRequest = indexedDB.open(base + 'members');
    membersRequest.onupgradeneeded = function () {
      if (membersRequest.transaction) membersRequest.transaction.abort();
    };
    membersRequest.onerror = function () {
      finishFirstScreen(null);
    };
    membersRequest.onsuccess = function () {
      var membersDb = membersRequest.result;
      membersDb.onversionchange = function () {
        membersDb.close();
      };
      try {
        var all = membersDb.transaction('docs', 'readonly').objectStore('docs').getAll();
        all.onsuccess = function () {
          result.members = all.result;
          membersDb.close();
          settle();
        };
        all.onerror = function () {
          membersDb.close();
          finishFirstScreen(null);
        };
      } catch {
        membersDb.close();
        finishFirstScreen(null);
      }
    };
  };
  setTimeout(function () {
    finishFirstScreen(null);
  }, HOLD_MAX_MS);
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
    readFirstScreen(db);
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
  request.onerror = function () {
    finishFirstScreen(null);
  };
})();
