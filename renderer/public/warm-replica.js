/* global window, self, document, indexedDB, IDBKeyRange, Worker, importScripts */
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
  // The accounts list's first page (hooks/page-size.ts PAGE_SIZE; newest first through the
  // [_deleted+deleted+updatedAt+id] index, as AccountRepository.listPageAfter reads it). See the note below.
  var FIRST_PAGE_SIZE = 100;
  var FIRST_PAGE_INDEX = '[_deleted+deleted+updatedAt+id]';

  /**
   * Reads the accounts list's first page and every member row from the replica's Dexie stores (`base` + the
   * collection), each through its own connection; calls `done` once with { pageSize, accounts, members } or
   * null (no such store or index, an error). Runs in a worker when it can (below), else in the page.
   */
  function readFirstScreen(idb, base, done) {
    var finished = false;
    var result = { pageSize: FIRST_PAGE_SIZE, accounts: null, members: null };
    var connections = [];
    var finish = function (value) {
      if (finished) return;
      finished = true;
      for (var i = 0; i < connections.length; i++) connections[i].close();
      done(value);
    };
    var settle = function () {
      if (result.accounts && result.members) finish(result);
    };
    // No version: opens what is there and never upgrades. A database that does not exist yet would be created
    // by an upgrade from version 0: abort it and leave creating it to RxDB.
    var open = function (collection, read) {
      var request = idb.open(base + collection);
      request.onupgradeneeded = function () {
        if (request.transaction) request.transaction.abort();
      };
      request.onerror = function () {
        finish(null);
      };
      request.onsuccess = function () {
        var db = request.result;
        connections.push(db);
        // Let go at once if anyone asks for a new version or deletes the database (sign-out wipe).
        db.onversionchange = function () {
          finish(null);
        };
        try {
          read(db.transaction('docs', 'readonly').objectStore('docs'));
        } catch {
          finish(null);
        }
      };
    };
    open('accounts', function (store) {
      // Not deleted ('0' twice: RxDB's _deleted and the entity's own soft-delete flag), any updatedAt, any id;
      // an array sorts above every number and string, so ['0', '0', []] closes the range.
      var cursor = store
        .index(FIRST_PAGE_INDEX)
        .openCursor(IDBKeyRange.bound(['0', '0'], ['0', '0', []]), 'prev');
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
        finish(null);
      };
    });
    open('members', function (store) {
      var all = store.getAll();
      all.onsuccess = function () {
        result.members = all.result;
        settle();
      };
      all.onerror = function () {
        finish(null);
      };
    });
  }

  // In the worker the page starts below (this same file): read, answer once, end.
  if (typeof window === 'undefined') {
    if (
      typeof self === 'undefined' ||
      typeof importScripts !== 'function' ||
      typeof indexedDB === 'undefined'
    )
      return;
    self.onmessage = function (event) {
      var base = event.data && typeof event.data.base === 'string' ? event.data.base : null;
      if (!base) {
        self.postMessage(null);
        self.close();
        return;
      }
      readFirstScreen(indexedDB, base, function (value) {
        self.postMessage(value);
        self.close();
      });
    };
    return;
  }

  if (window.__crmWarmed) return;
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
    else if (session.mode === 'team' && typeof session.userId === 'string' && session.userId)
      name = 'crm-' + session.workspaceId + '-' + session.userId;
    else return;
    base =
      'rxdb-dexie-' +
      name.toLowerCase().replace(/[^a-z0-9_-]/g, '-') +
      '--' +
      SCHEMA_VERSION +
      '--';
    name = base + 'accounts';
  } catch {
    return;
  }
  /*
   * When the window opens on the accounts list, the list's first page and the people it names (owners) are
   * read too, straight from the stores RxDB's Dexie storage keeps (raw rows; the app converts and checks them
   * with the same code as its index scans, app/first-screen.ts). The list renders them while RxDB is still
   * setting up its collections; its live queries take over once the replica is open. Anything unexpected
   * resolves null, and the list reads through RxDB as usual.
   *
   * The read runs in a worker: each step of its cursor is an event on the thread that reads, and the page's
   * main thread is busy evaluating the bundle and rendering the frame for most of a cold start, so read there
   * the hundred rows arrived only once it was free (set L: ~1 s after the store had opened, instead of tens of
   * milliseconds). Where a worker cannot start (tests, an error) the page reads itself.
   */
  var route = (window.location.hash || '').replace(/^#/, '').split('?')[0];
  if (route === '/accounts') {
    var resolveFirstScreen = null;
    window.__crmFirstScreen = new Promise(function (resolve) {
      resolveFirstScreen = resolve;
    });
    var firstScreenDone = false;
    var finishFirstScreen = function (value, via) {
      if (firstScreenDone) return;
      firstScreenDone = true;
      try {
        performance.mark('crm:warm-first-screen', { detail: { via: via } });
      } catch {
        performance.mark('crm:warm-first-screen');
      }
      resolveFirstScreen(value);
    };
    var readInPage = function () {
      readFirstScreen(indexedDB, base, function (value) {
        finishFirstScreen(value, 'page');
      });
    };
    var script = typeof document !== 'undefined' ? document.currentScript : null;
    var worker = null;
    try {
      if (typeof Worker === 'function' && script && script.src)
        worker = new Worker(script.src, { name: 'crm-warm-replica' });
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = function (event) {
        finishFirstScreen(event.data, 'worker');
      };
      worker.onerror = function () {
        if (!firstScreenDone) readInPage();
      };
      worker.postMessage({ base: base });
    } else {
      readInPage();
    }
    setTimeout(function () {
      finishFirstScreen(null, 'none');
    }, HOLD_MAX_MS);
  }

  // Holds a connection to the accounts database open until the app's replica is (see the top of this file).
  window.__crmWarmReplica = name;
  performance.mark('crm:warm-replica-start');
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
})();
