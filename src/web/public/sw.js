/*
 * Keeps the crisis page (/help) and the tools pages readable with no connection, once visited
 * (/help from the first visit to any page). Network first, so the lines shown online are always the
 * current ones; the copy is used only when the network fails. Nothing else is ever stored: not the
 * API, not the app, not any answer marked no-store or private. The server writes the build's
 * fingerprint into the cache name, so a new build drops the old copies.
 */
'use strict';

var CACHE = 'steadfast-offline-__STEADFAST_BUILD__';
var PAGES = /^\/(help|tools|tools\/[a-z0-9-]+)$/;
var ASSETS = ['/site.css', '/quick-exit.js', '/favicon.svg'];

function keeps(response) {
  var cacheControl = response.headers.get('cache-control') || '';
  return response.ok && response.type === 'basic' && !/no-store|private/i.test(cacheControl);
}

function store(request, response) {
  if (!keeps(response)) return Promise.resolve();
  var copy = response.clone();
  return caches.open(CACHE).then(function (cache) {
    return cache.put(request, copy);
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    Promise.all(
      ['/help'].concat(ASSETS).map(function (url) {
        return fetch(url, { cache: 'no-cache' })
          .then(function (response) {
            return store(url, response);
          })
          .catch(function () {
            /* offline at install: the page is stored on its next visit instead */
          });
      }),
    ).then(function () {
      return self.skipWaiting();
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('steadfast-offline-') === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function networkFirst(event, fallback) {
  return fetch(event.request)
    .then(function (response) {
      event.waitUntil(store(event.request, response));
      return response;
    })
    .catch(function (error) {
      return caches
        .open(CACHE)
        .then(function (cache) {
          return cache.match(event.request).then(function (hit) {
            return hit || (fallback && cache.match(fallback));
          });
        })
        .then(function (hit) {
          if (hit) return hit;
          throw error;
        });
    });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var path = url.pathname;

  if (path === '/exit' && request.mode === 'navigate') {
    // Quick exit with no connection: a blank page, not the browser's error page naming this site.
    event.respondWith(
      fetch(request).catch(function () {
        return new Response('<!doctype html><title></title>', {
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        });
      }),
    );
    return;
  }
  // /help?country=XX falls back to the copy of /help when that country's page was never stored.
  if (PAGES.test(path)) event.respondWith(networkFirst(event, path === '/help' ? '/help' : null));
  else if (ASSETS.indexOf(path) !== -1) event.respondWith(networkFirst(event, null));
  // Everything else, the API first of all, goes to the network as if there were no worker.
});
