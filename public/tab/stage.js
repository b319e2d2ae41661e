/*
 * A sheet page (GET /sheets/:plan/:code) opened in Teams' stage view: tells Teams the page has loaded and follows the
 * Teams theme. In a plain browser (not framed) nothing is loaded: teams-js would wait a minute for a host that is
 * not there.
 */
(function () {
  'use strict';
  // Teams frames the page on the desktop and the web; its mobile apps show it in a web view of their own.
  var inTeams = window.parent !== window || typeof window.nativeInterface !== 'undefined' || /\bTeams\//.test(navigator.userAgent);
  if (!inTeams) return;
  var library = document.createElement('script');
  // Beside this script, wherever PUBLIC_URL puts it.
  library.src = new URL('vendor/teams-js.js', document.currentScript ? document.currentScript.src : window.location.href).href;
  library.onload = function () {
    var teams = window.microsoftTeams;
    if (!teams) return;
    function applyTheme(theme) {
      document.documentElement.setAttribute('data-theme', theme === 'dark' || theme === 'contrast' ? theme : 'default');
    }
    teams.app.initialize()
      .then(function () { return teams.app.getContext(); })
      .then(function (context) {
        applyTheme(context.app && context.app.theme);
        teams.app.registerOnThemeChangeHandler(applyTheme);
        teams.app.notifySuccess();
      })
      .catch(function () { /* framed, but not by Teams: the page reads the same */ });
  };
  document.head.appendChild(library);
})();
