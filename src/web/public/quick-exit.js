/*
 * Quick exit, on every page (the app and the server-rendered pages alike), with or without the app
 * loaded: the "Quick exit" link, or Shift pressed three times in a row (the GOV.UK "Exit this page"
 * convention). It blanks the page at once, ends the session in the background, and replaces this
 * page in the history with /exit, which sends the browser on to a neutral site. Without JavaScript
 * the link still goes to /exit.
 */
(function () {
  'use strict';
  var SHIFT_PRESSES = 3;
  var WITHIN_MS = 2000;
  var leaving = false;

  function quickExit(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    document.title = '';
    document.body.replaceChildren();
    try {
      sessionStorage.clear();
    } catch {
      /* storage may be disabled */
    }
    try {
      // keepalive lets the sign-out finish after the page has gone.
      fetch('/api/auth/signout', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'x-steadfast-csrf': '1' },
      }).catch(function () {});
    } catch {
      /* nothing to wait for */
    }
    window.location.replace('/exit');
  }

  // A screen with unsaved words asks "Leave site?" when the page unloads; on the way out by Quick
  // exit that prompt would both stop the exit and say that words were there. Capture listeners on
  // the window run before the app's own, so this one silences it.
  window.addEventListener(
    'beforeunload',
    function (event) {
      if (leaving) event.stopImmediatePropagation();
    },
    true,
  );

  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('[data-quick-exit]') : null;
    if (link && event.button === 0 && !event.metaKey && !event.ctrlKey) quickExit(event);
  });

  var presses = [];
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) {
      return now - t < WITHIN_MS;
    });
    presses.push(now);
    if (presses.length >= SHIFT_PRESSES) quickExit();
  });

  // Every page loads this script, so it also starts the worker that keeps /help and the tools
  // readable offline (sw.js). After load, so it never competes with the page itself.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js').catch(function () {});
    });
  }
})();
