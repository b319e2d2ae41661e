/*
 * The indicators tab. Inside Teams (the page is framed) it initialises teams-js, follows the Teams theme and locale,
 * and authorises its calls with the user's Teams SSO token; in a plain browser it asks for the reports API key, kept in
 * sessionStorage, and follows the browser's colour scheme and language. Outside a frame teams-js is not even loaded:
 * app.initialize() would wait a minute for a host that is not there, and the library fetches Microsoft's list of
 * valid domains as soon as it loads, which a page outside Teams has no reason to do.
 */
(function () {
  'use strict';

  var KEY_STORAGE = 'maillage.reportsApiKey';

  var TEXTS = {
    fr: {
      title: 'Indicateurs des plans',
      keyLabel: 'Clé de l’API des comptes rendus',
      keySubmit: 'Afficher les indicateurs',
      keyHint: 'La clé est gardée dans cet onglet du navigateur seulement, jusqu’à sa fermeture.',
      sheetLabel: 'Fiche',
      allSheets: 'Toutes les fiches',
      communeLabel: 'Commune (code INSEE)',
      fromLabel: 'Du',
      toLabel: 'Au',
      apply: 'Filtrer',
      export: 'Exporter en CSV',
      forgetKey: 'Oublier la clé',
      loading: 'Chargement des indicateurs…',
      loaded: function (n) { return n === 0 ? 'Aucun compte rendu pour ces filtres.' : n === 1 ? '1 compte rendu.' : n + ' comptes rendus.'; },
      exported: 'Export CSV téléchargé.',
      keyWrong: 'Cette clé n’est pas acceptée. Vérifiez-la et recommencez.',
      ssoRefused: 'Votre connexion Teams n’est pas acceptée pour ces chiffres : ',
      forbidden: 'Vous ne pouvez pas voir ces chiffres. Adressez-vous à l’administrateur de Maillage.',
      fieldProblems: {
        commune: 'Commune : saisissez son code INSEE, 5 caractères (par exemple 69123 pour Lyon, 69266 pour Villeurbanne).',
        from: 'Date de début : choisissez un jour du calendrier.',
        to: 'Date de fin : elle doit être un jour du calendrier, le même que la date de début ou après.',
        sheet: 'Fiche : choisissez-la dans la liste.',
      },
      failed: 'Les indicateurs ne sont pas disponibles pour le moment. Réessayez dans un instant.',
      reports: 'Comptes rendus',
      centres: 'Centres',
      parents: 'Parents',
      children: 'Enfants',
      families: 'Familles',
      sessions: 'Séances',
      month: 'Mois',
      overTime: 'Comptes rendus, parents et enfants touchés par mois',
      chartLabel: function (code, months) { return 'Graphique pour ' + code + ' : comptes rendus, parents et enfants par mois, sur ' + months + ' mois ; les chiffres sont dans le tableau qui suit.'; },
      indicators: 'Indicateurs de la fiche',
      indicator: 'Indicateur',
      value: 'Valeur',
      basis: 'Calcul',
      sum: 'somme',
      mean: 'moyenne',
      none: '—',
      fromReports: function (n) { return n + ' compte(s) rendu(s)'; },
      noTitle: 'fiche inconnue de l’index',
      noMonths: 'Pas encore de compte rendu pour cette fiche.',
      ownCentre: function (name) { return 'Les chiffres de votre centre : ' + name + '.'; },
    },
    en: {
      title: 'Plan indicators',
      keyLabel: 'Reports API key',
      keySubmit: 'Show the indicators',
      keyHint: 'The key is kept in this browser tab only, until it is closed.',
      sheetLabel: 'Sheet',
      allSheets: 'All sheets',
      communeLabel: 'Commune (INSEE code)',
      fromLabel: 'From',
      toLabel: 'To',
      apply: 'Filter',
      export: 'Export as CSV',
      forgetKey: 'Forget the key',
      loading: 'Loading the indicators…',
      loaded: function (n) { return n === 0 ? 'No report for these filters.' : n === 1 ? '1 report.' : n + ' reports.'; },
      exported: 'CSV export downloaded.',
      keyWrong: 'This key is not accepted. Check it and try again.',
      ssoRefused: 'Your Teams sign-in is not accepted for these figures: ',
      forbidden: 'You may not see these figures. Please ask the Maillage administrator.',
      fieldProblems: {
        commune: 'Commune: type its INSEE code, 5 characters (for example 69123 for Lyon, 69266 for Villeurbanne).',
        from: 'Start date: choose a day of the calendar.',
        to: 'End date: it must be a day of the calendar, the same as the start date or after it.',
        sheet: 'Sheet: choose it from the list.',
      },
      failed: 'The indicators are not available right now. Try again in a moment.',
      reports: 'Reports',
      centres: 'Centres',
      parents: 'Parents',
      children: 'Children',
      families: 'Families',
      sessions: 'Sessions',
      month: 'Month',
      overTime: 'Reports, parents and children reached per month',
      chartLabel: function (code, months) { return 'Chart for ' + code + ': reports, parents and children per month, over ' + months + ' months; the figures are in the table that follows.'; },
      indicators: 'Sheet indicators',
      indicator: 'Indicator',
      value: 'Value',
      basis: 'Computed as',
      sum: 'sum',
      mean: 'mean',
      none: '—',
      fromReports: function (n) { return n + ' report(s)'; },
      noTitle: 'sheet not in the index',
      noMonths: 'No report for this sheet yet.',
      ownCentre: function (name) { return 'The figures of your centre: ' + name + '.'; },
    },
  };

  var state = {
    texts: TEXTS.fr,
    locale: 'fr-FR',
    /** Resolves to the bearer to send, or null when there is none yet. */
    bearer: function () { return Promise.resolve(null); },
    inTeams: false,
    charts: [],
    lastResult: null,
    sheetsKnown: false,
  };

  function $(id) { return document.getElementById(id); }

  function applyLocale(locale) {
    var language = String(locale || '').toLowerCase().slice(0, 2) === 'en' ? 'en' : 'fr';
    state.texts = TEXTS[language];
    state.locale = language === 'en' ? 'en-GB' : 'fr-FR';
    document.documentElement.lang = language;
    document.title = 'Maillage — ' + state.texts.title;
    var nodes = document.querySelectorAll('[data-text]');
    for (var i = 0; i < nodes.length; i++) {
      var text = state.texts[nodes[i].getAttribute('data-text')];
      if (typeof text === 'string') nodes[i].textContent = text;
    }
  }

  /** Teams' themes are default, dark and contrast; a browser's dark scheme or forced colours map to the same. */
  function applyTheme(theme) {
    var known = theme === 'dark' || theme === 'contrast' ? theme : 'default';
    document.body.setAttribute('data-theme', known);
    if (state.lastResult) render(state.lastResult);
  }

  function browserTheme() {
    if (window.matchMedia && window.matchMedia('(forced-colors: active)').matches) return 'contrast';
    if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
    return 'default';
  }

  function say(text) { $('status').textContent = text; }
  function complain(text) { $('problem').textContent = text; }

  function filterParameters() {
    var parameters = new URLSearchParams();
    var sheet = $('filter-sheet').value;
    if (sheet) {
      var parts = sheet.split('|');
      parameters.set('plan', parts[0]);
      parameters.set('sheet', parts.slice(1).join('|'));
    }
    var commune = $('filter-commune').value.trim();
    if (commune) parameters.set('commune', commune);
    if ($('filter-from').value) parameters.set('from', $('filter-from').value);
    if ($('filter-to').value) parameters.set('to', $('filter-to').value);
    return parameters;
  }

  /** GET with the bearer; a refusal becomes a sentence for the page, and in a browser brings the key form back. */
  function authorisedFetch(url) {
    return state.bearer().then(function (token) {
      if (!token) throw { shown: true, askKey: true, message: '' };
      return fetch(url, { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    }).then(function (response) {
      if (response.ok) return response;
      return response.json().catch(function () { return {}; }).then(function (body) {
        var message = body && body.error && typeof body.error.message === 'string' ? body.error.message : '';
        if (response.status === 401 && !state.inTeams) throw { shown: true, askKey: true, message: state.texts.keyWrong };
        if (response.status === 401) throw { shown: true, message: state.texts.ssoRefused + message };
        // The API's sentences are for developers, in English: the page says what to change, in the reader's language.
        var field = body && body.error && typeof body.error.field === 'string' ? body.error.field : '';
        if (response.status === 400) throw { shown: true, message: state.texts.fieldProblems[field] || message };
        if (response.status === 403) throw { shown: true, message: state.texts.forbidden };
        throw { shown: true, message: state.texts.failed };
      });
    });
  }

  function showFailure(error) {
    say('');
    if (error && error.askKey) {
      sessionStorage.removeItem(KEY_STORAGE);
      showKeyForm();
    }
    complain(error && error.shown ? error.message : state.texts.failed);
  }

  function load() {
    complain('');
    say(state.texts.loading);
    return authorisedFetch('api/indicators?' + filterParameters().toString())
      .then(function (response) { return response.json(); })
      .then(function (result) {
        $('key-form').hidden = true;
        $('filters').hidden = false;
        if (!state.sheetsKnown) fillSheetChoices(result);
        state.lastResult = result;
        render(result);
        say(state.texts.loaded(result.generatedFrom.reports));
      })
      .catch(showFailure);
  }

  /** The sheet choices come from the first, unfiltered answer: the sheets that have reports. */
  function fillSheetChoices(result) {
    var select = $('filter-sheet');
    result.plans.forEach(function (plan) {
      var group = document.createElement('optgroup');
      group.label = plan.planTitle;
      plan.sheets.forEach(function (sheet) {
        var option = document.createElement('option');
        option.value = plan.planId + '|' + sheet.sheetCode;
        option.textContent = sheet.sheetCode + (sheet.title ? ' — ' + sheet.title : '');
        group.appendChild(option);
      });
      select.appendChild(group);
    });
    state.sheetsKnown = true;
  }

  function exportCsv() {
    complain('');
    var parameters = filterParameters();
    parameters.set('format', 'csv');
    // A spreadsheet set up in French splits on semicolons: the file opens in columns for the reader of this page.
    if (state.locale === 'fr-FR') parameters.set('separator', 'semicolon');
    authorisedFetch('api/reports?' + parameters.toString())
      .then(function (response) {
        var disposition = response.headers.get('Content-Disposition') || '';
        var named = /filename="([^"]+)"/.exec(disposition);
        return response.blob().then(function (blob) { return { blob: blob, name: named ? named[1] : 'maillage-reports.csv' }; });
      })
      .then(function (file) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(file.blob);
        link.download = file.name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        say(state.texts.exported);
      })
      .catch(showFailure);
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function number(value) {
    return typeof value === 'number' ? value.toLocaleString(state.locale) : state.texts.none;
  }

  function monthName(month) {
    var parts = month.split('-');
    var date = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, 1));
    return date.toLocaleDateString(state.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  function totalsList(totals, reports, centres) {
    var t = state.texts;
    var entries = [[t.reports, reports], [t.centres, centres], [t.sessions, totals.sessions], [t.parents, totals.parents], [t.children, totals.children], [t.families, totals.families]];
    return element('dl', { class: 'totals' }, entries.map(function (entry) {
      return element('div', {}, [element('dt', { text: entry[0] }), element('dd', { text: number(entry[1]) })]);
    }));
  }

  function monthTable(sheet) {
    var t = state.texts;
    var head = element('thead', {}, [element('tr', {}, [t.month, t.reports, t.parents, t.children].map(function (label, i) {
      return element('th', { scope: 'col', class: i > 0 ? 'number' : '', text: label });
    }))]);
    var body = element('tbody', {}, sheet.byMonth.map(function (month) {
      return element('tr', {}, [
        element('th', { scope: 'row', text: monthName(month.month) }),
        element('td', { class: 'number', text: number(month.reports) }),
        element('td', { class: 'number', text: number(month.parents) }),
        element('td', { class: 'number', text: number(month.children) }),
      ]);
    }));
    return element('table', { class: 'months' }, [element('caption', { text: t.overTime + ' — ' + sheet.sheetCode }), head, body]);
  }

  function indicatorTable(sheet) {
    var t = state.texts;
    if (sheet.indicators.length === 0) return null;
    var head = element('thead', {}, [element('tr', {}, [t.indicator, t.value, t.basis].map(function (label, i) {
      return element('th', { scope: 'col', class: i === 1 ? 'number' : '', text: label });
    }))]);
    var body = element('tbody', {}, sheet.indicators.map(function (figure) {
      var basis = figure.aggregate ? t[figure.aggregate] + ', ' + t.fromReports(figure.reports) : t.none;
      return element('tr', {}, [
        element('th', { scope: 'row', text: figure.label }),
        element('td', { class: 'number', text: number(figure.value) }),
        element('td', { text: basis }),
      ]);
    }));
    return element('table', { class: 'indicators' }, [element('caption', { text: t.indicators + ' — ' + sheet.sheetCode }), head, body]);
  }

  function colour(name) {
    return getComputedStyle(document.body).getPropertyValue(name).trim();
  }

  function drawChart(canvas, sheet) {
    if (typeof window.Chart !== 'function') return;
    var t = state.texts;
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var text = colour('--text');
    var grid = colour('--grid');
    var chart = new window.Chart(canvas, {
      data: {
        labels: sheet.byMonth.map(function (month) { return monthName(month.month); }),
        datasets: [
          { type: 'bar', label: t.reports, data: sheet.byMonth.map(function (m) { return m.reports; }), backgroundColor: colour('--series-reports'), yAxisID: 'y' },
          { type: 'line', label: t.parents, data: sheet.byMonth.map(function (m) { return m.parents; }), borderColor: colour('--series-parents'), backgroundColor: colour('--series-parents'), yAxisID: 'y' },
          { type: 'line', label: t.children, data: sheet.byMonth.map(function (m) { return m.children; }), borderColor: colour('--series-children'), backgroundColor: colour('--series-children'), borderDash: [6, 4], yAxisID: 'y' },
        ],
      },
      options: {
        animation: reduceMotion ? false : undefined,
        maintainAspectRatio: false,
        locale: state.locale,
        color: text,
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    state.charts.push(chart);
  }

  function render(result) {
    var t = state.texts;
    state.charts.forEach(function (chart) { chart.destroy(); });
    state.charts = [];
    var root = $('figures');
    root.textContent = '';
    // A centre's staff signed in with Teams see their own centre's reports only (the API scopes them): say so.
    if (result.viewer && result.viewer.scope === 'centre') {
      root.appendChild(element('p', { class: 'scope', text: t.ownCentre(result.viewer.structureName) }));
    }
    result.plans.forEach(function (plan) {
      var section = element('section', { 'aria-labelledby': 'plan-' + plan.planId }, [
        element('h2', { id: 'plan-' + plan.planId, text: plan.planTitle }),
        totalsList(plan.totals, plan.reports, plan.centres),
      ]);
      plan.sheets.forEach(function (sheet, index) {
        var headingId = 'sheet-' + plan.planId + '-' + index;
        var article = element('article', { class: 'sheet', 'aria-labelledby': headingId }, [
          element('h3', { id: headingId, text: sheet.sheetCode + ' — ' + (sheet.title || t.noTitle) }),
          totalsList(sheet.totals, sheet.reports, sheet.centres),
        ]);
        if (sheet.byMonth.length === 0) {
          article.appendChild(element('p', { class: 'summary', text: t.noMonths }));
        } else {
          var canvas = element('canvas', { role: 'img', 'aria-label': t.chartLabel(sheet.sheetCode, sheet.byMonth.length) });
          var row = element('div', { class: 'figures-row' }, [element('div', { class: 'chart-box' }, [canvas]), monthTable(sheet)]);
          article.appendChild(row);
          drawChart(canvas, sheet);
        }
        article.appendChild(indicatorTable(sheet) || document.createTextNode(''));
        section.appendChild(article);
      });
      root.appendChild(section);
    });
  }

  function showKeyForm() {
    $('filters').hidden = true;
    $('key-form').hidden = false;
    $('api-key').focus();
  }

  function startInBrowser() {
    applyLocale(navigator.language);
    applyTheme(browserTheme());
    if (window.matchMedia) {
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () { applyTheme(browserTheme()); });
    }
    state.bearer = function () { return Promise.resolve(sessionStorage.getItem(KEY_STORAGE)); };
    $('forget-key').hidden = false;
    $('forget-key').addEventListener('click', function () {
      sessionStorage.removeItem(KEY_STORAGE);
      $('figures').textContent = '';
      say('');
      showKeyForm();
    });
    $('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var key = $('api-key').value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_STORAGE, key);
      $('api-key').value = '';
      load();
    });
    if (sessionStorage.getItem(KEY_STORAGE)) load();
    else showKeyForm();
  }

  function startInTeams() {
    var teams = window.microsoftTeams;
    state.inTeams = true;
    return teams.app.initialize()
      .then(function () { return teams.app.getContext(); })
      .then(function (context) {
        applyLocale(context.app && context.app.locale);
        applyTheme(context.app && context.app.theme);
        teams.app.registerOnThemeChangeHandler(applyTheme);
        state.bearer = function () { return teams.authentication.getAuthToken(); };
        teams.app.notifySuccess();
        return load();
      });
  }

  function start() {
    $('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    $('export').addEventListener('click', exportCsv);
    // Teams frames the tab on the desktop and the web; its mobile apps show it in a web view of their own.
    if (window.parent === window && typeof window.nativeInterface === 'undefined' && !/\bTeams\//.test(navigator.userAgent)) {
      startInBrowser();
      return;
    }
    var library = document.createElement('script');
    library.src = 'tab/vendor/teams-js.js';
    library.onload = function () {
      startInTeams().catch(function () {
        // Framed but not by Teams (or Teams refused): the page still works with the key.
        state.inTeams = false;
        startInBrowser();
      });
    };
    library.onerror = startInBrowser;
    document.head.appendChild(library);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
