/*
 * A sheet page (GET /sheets/:plan/:code) opened in Teams' stage view: tells Teams the page has loaded and follows the
 * Teams theme. In a plain browser (not framed) nothing is loaded: teams-js would wait a minute for a host that is
 * not there.
 */
(function () {
  'use strict';
  if (window.parent === window) return;
  var library = document.createElement('script');
  library.src = '/tab/vendor/teams-js.js';
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
