/*
 * Maillage chat widget. Any website adds it with one tag:
 *   <script src="https://MAILLAGE-HOST/widget.js" defer></script>
 * It adds a chat button and a panel. Web Chat comes from the same server as this script (no CDN), at an address that
 * names its content, so browsers keep it for a year: once the page is idle it is fetched, then run (not shown), unless
 * the browser asks to save data or has under 1 GB of memory; the panel then only has to draw it. The conversation is
 * started at the click, in parallel with Web Chat's loading; what the parent sends before Web Chat is connected goes
 * at once by Direct Line's REST API and the replies' text is shown in a light view, until Web Chat takes over.
 * Its own texts follow the browser's language: French, else English. Optional attribute on the tag:
 * data-locale="fr-FR" | "en-US" to choose for the page.
 */
(function () {
  'use strict';

  if (window.__maillageWidgetLoaded) return;
  window.__maillageWidgetLoaded = true;

  var ALL_TEXTS = {
    fr: {
      launcher: 'Discuter avec Maillage',
      panelLabel: 'Discussion avec Maillage',
      title: 'Maillage',
      close: 'Fermer la discussion',
      shareLocation: 'Partager ma position',
      shareLocationShort: 'Ma position',
      locationPrivacy: 'Position envoyée seulement si vous cliquez.',
      locating: 'Recherche de votre position…',
      locationSent: 'Votre position a été envoyée.',
      locationRefused: 'Vous avez refusé le partage de votre position. Vous pouvez écrire le nom de votre commune à la place.',
      locationFailed: 'Votre position n’a pas pu être trouvée. Vous pouvez écrire le nom de votre commune à la place.',
      locationUnsupported: 'Votre navigateur ne permet pas de partager votre position. Vous pouvez écrire le nom de votre commune.',
      locationNotReady: 'La discussion n’est pas encore prête. Réessayez dans un instant.',
      locationSuggested: 'Vous pouvez partager votre position avec le bouton « Ma position ».',
      welcome: 'Bonjour ! Je vous aide à trouver un soutien pour les parents près de chez vous : groupe de parole, lieu d’accueil enfants-parents, médiation familiale, écoute… Dites-moi ce que vous cherchez et votre commune.',
      loading: 'Chargement de la discussion…',
      draftLabel: 'Votre message',
      send: 'Envoyer',
      queued: 'Votre message partira dès que la discussion sera prête.',
      loadFailed: 'La discussion n’a pas pu démarrer. Vérifiez votre connexion, puis réessayez.',
      ended: 'La discussion s’est interrompue.',
      retry: 'Recommencer la discussion'
    },
    en: {
      launcher: 'Chat with Maillage',
      panelLabel: 'Chat with Maillage',
      title: 'Maillage',
      close: 'Close the chat',
      shareLocation: 'Share my location',
      shareLocationShort: 'My location',
      locationPrivacy: 'Your location is sent only if you click.',
      locating: 'Finding your location…',
      locationSent: 'Your location has been sent.',
      locationRefused: 'You declined to share your location. You can type the name of your town instead.',
      locationFailed: 'Your location could not be found. You can type the name of your town instead.',
      locationUnsupported: 'Your browser cannot share your location. You can type the name of your town.',
      locationNotReady: 'The chat is not ready yet. Try again in a moment.',
      locationSuggested: 'You can share your location with the “My location” button.',
      welcome: 'Hello! I help you find support for parents near you: parents’ groups, parent-child drop-ins, family mediation, someone to listen… Tell me what you are looking for and your town.',
      loading: 'Loading the chat…',
      draftLabel: 'Your message',
      send: 'Send',
      queued: 'Your message will be sent as soon as the chat is ready.',
      loadFailed: 'The chat could not start. Check your connection, then try again.',
      ended: 'The chat was interrupted.',
      retry: 'Start the chat again'
    }
  };

  var WEB_CHAT_LOCALES = { fr: 'fr-FR', en: 'en-US' };
  // Replaced, as the server sends this file, by Web Chat's versioned address (vendor/webchat.<hash>.js).
  var WEB_CHAT_PATH = '{{WEB_CHAT_PATH}}';
  if (!/^vendor\/webchat\.[\w-]+\.js$/.test(WEB_CHAT_PATH)) WEB_CHAT_PATH = 'vendor/webchat.js';
  // After the page's load, the bundle is fetched when the page is idle, at the latest after this long.
  var PREFETCH_IDLE_TIMEOUT_MS = 3000;
  // Coordinates are rounded to about 100 m: enough to find the nearest places, less precise than the user's door.
  var COORDINATE_DECIMALS = 3;
  var MOBILE_QUERY = '(max-width: 480px)';
  // A refreshed token has at least this long to live (clients refresh halfway through a 30-minute life).
  var REFRESHED_TOKEN_LIFE_MS = 15 * 60 * 1000;

  var script = document.currentScript || findOwnScript();
  if (!script || !script.src) return;
  var scriptUrl = new URL(script.src, document.baseURI);
  var locale = pickLocale(script.getAttribute('data-locale') || navigator.language || 'fr-FR');
  var TEXTS = ALL_TEXTS[locale.slice(0, 2)];

  function findOwnScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  /** French for French speakers, English for everyone else (the bot answers in French or English too). */
  function pickLocale(language) {
    return /^fr\b/i.test(language) ? WEB_CHAT_LOCALES.fr : WEB_CHAT_LOCALES.en;
  }

  /** URLs of the server that served this script, so the widget works on any website. */
  function serverUrl(path) {
    return new URL(path, scriptUrl).toString();
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  // ---- the conversation survives a click to another page of the same site (same tab only) ---------------
  var sessionKey = 'maillage-widget:' + scriptUrl.origin;

  function readSession() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(sessionKey) || 'null');
      var usable =
        saved &&
        typeof saved.token === 'string' &&
        typeof saved.conversationId === 'string' &&
        typeof saved.domain === 'string' &&
        typeof saved.expiresAt === 'number' &&
        saved.expiresAt > Date.now() + 60 * 1000;
      return usable ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function writeSession(value) {
    try {
      if (value) window.sessionStorage.setItem(sessionKey, JSON.stringify(value));
      else window.sessionStorage.removeItem(sessionKey);
    } catch (error) {
      /* storage refused (private mode): the conversation simply starts anew on the next page */
    }
  }

  /** Icons are drawn, not emoji, which many systems (and headless browsers) lack fonts for. */
  var ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    pin: 'M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z',
    close: 'M6 6l12 12M18 6L6 18'
  };

  function icon(name, className) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', className);
    var shape = document.createElementNS(ns, 'path');
    shape.setAttribute('d', ICONS[name]);
    if (name === 'close') {
      shape.setAttribute('fill', 'none');
      shape.setAttribute('stroke', 'currentColor');
      shape.setAttribute('stroke-width', '2.5');
      shape.setAttribute('stroke-linecap', 'round');
    } else {
      shape.setAttribute('fill', 'currentColor');
    }
    svg.appendChild(shape);
    return svg;
  }

  // ---- the page elements -------------------------------------------------------------------------------
  var stylesheet = element('link', { rel: 'stylesheet', href: serverUrl('widget.css') });
  document.head.appendChild(stylesheet);

  var panelId = 'maillage-panel';
  var launcher = element('button', {
    type: 'button',
    class: 'maillage-launcher',
    'aria-expanded': 'false',
    'aria-controls': panelId,
    'aria-haspopup': 'dialog'
  }, [
    icon('chat', 'maillage-icon'),
    element('span', { class: 'maillage-launcher-text', text: TEXTS.launcher })
  ]);

  var closeButton = element('button', { type: 'button', class: 'maillage-close', 'aria-label': TEXTS.close, title: TEXTS.close }, [
    icon('close', 'maillage-icon')
  ]);
  // The header is one row on a 360 px phone: the button shows a short label, its name says it all.
  var locationButton = element('button', { type: 'button', class: 'maillage-location', 'aria-label': TEXTS.shareLocation, 'aria-describedby': 'maillage-location-help' }, [
    icon('pin', 'maillage-icon'),
    element('span', { text: TEXTS.shareLocationShort })
  ]);
  // The status line takes the place of the privacy note while it speaks, so the chrome stays one short line high.
  var status = element('p', { class: 'maillage-status', role: 'status', 'aria-live': 'polite' });
  var locationHelp = element('p', { id: 'maillage-location-help', class: 'maillage-help', text: TEXTS.locationPrivacy });
  var chat = element('div', { class: 'maillage-chat' });
  // On a phone the chrome (header, buttons, note) keeps to one row and one line: the conversation gets the rest.
  var panel = element('div', {
    id: panelId,
    class: 'maillage-panel',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-label': TEXTS.panelLabel,
    tabindex: '-1',
    lang: locale.slice(0, 2),
    'data-maillage-state': 'closed'
  }, [
    element('div', { class: 'maillage-header' }, [
      element('h2', { class: 'maillage-title', text: TEXTS.title }),
      locationButton,
      closeButton
    ]),
    element('div', { class: 'maillage-note' }, [status, locationHelp]),
    chat
  ]);
  panel.hidden = true;

  var root = element('div', { class: 'maillage-widget' }, [panel, launcher]);
  function mount() {
    document.body.appendChild(root);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // ---- opening and closing -----------------------------------------------------------------------------
  function isOpen() {
    return !panel.hidden;
  }

  /** @param {boolean} [moveFocus] false when reopening by itself after a page change: the page keeps the focus. */
  function open(moveFocus) {
    if (isOpen()) return;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    root.classList.add('maillage-open');
    if (moveFocus === false) {
      startChat();
      return;
    }
    panel.focus();
    var started = startChat();
    // While Web Chat loads, the parent can already type.
    if (draft) draft.focus();
    started.then(focusSendBox);
  }

  function close() {
    if (!isOpen()) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('maillage-open');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (isOpen()) close();
    else open();
  });
  closeButton.addEventListener('click', close);
  launcher.addEventListener('pointerenter', preloadWebChat);
  launcher.addEventListener('focus', preloadWebChat);

  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab' && window.matchMedia(MOBILE_QUERY).matches) {
      keepFocusInside(event);
    }
  });

  /** Full screen on a phone hides the page, so Tab cycles inside the panel there. */
  function keepFocusInside(event) {
    var focusables = Array.prototype.filter.call(
      panel.querySelectorAll('button, [href], input, textarea, select, [tabindex]:not([tabindex="-1"])'),
      function (node) {
        return !node.disabled && node.offsetParent !== null;
      }
    );
    if (focusables.length === 0) return;
    var first = focusables[0];
    var last = focusables[focusables.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function focusSendBox() {
    if (!isOpen()) return;
    var tries = 0;
    (function attempt() {
      var input = chat.querySelector('[data-id="webchat-sendbox-input"]') || chat.querySelector('textarea, input[type="text"]');
      if (input) input.focus();
      else if (tries++ < 50) setTimeout(attempt, 100);
    })();
  }

  // ---- Web Chat ----------------------------------------------------------------------------------------
  var webChatScript = null;
  var webChatPrefetch = null;
  var chatStarted = null;
  var store = null;
  var directLine = null;
  // Each start of the chat is a generation; actions of an ended one must not touch its successor.
  var generation = 0;
  var session = null;
  var renderedAt = 0;
  // What was sent before the chat was connected, oldest first ({text} or a position {location}): each item leaves this
  // list when, and only when, it is handed to Web Chat.
  var pending = [];
  var connected = false;

  function setState(state) {
    panel.setAttribute('data-maillage-state', state);
  }

  function preloadWebChat() {
    loadWebChat().catch(function () {
      /* reported when the panel opens */
    });
  }

  /** What happened to Web Chat's bundle, on the widget's root: saving-data, fetched, loaded (for tests and support). */
  function markWebChat(stage) {
    root.setAttribute('data-maillage-webchat', stage);
  }

  /**
   * Once the page is idle, Web Chat's bundle is fetched (low priority) and then run, in another idle moment, without
   * being drawn: on a phone, running 4 MB of script takes over a second, which the click then no longer waits for.
   * The fetch is the request the <script crossorigin="anonymous"> tag makes later (CORS, same credentials), so that
   * tag is served from the cache. A browser saving data fetches it only on click; under 1 GB of memory (a phone that
   * would suffer from it) it is fetched but run only on click.
   */
  function prefetchWebChat() {
    if (webChatPrefetch || webChatScript || typeof fetch !== 'function') return;
    if (navigator.connection && navigator.connection.saveData) {
      markWebChat('saving-data');
      return;
    }
    webChatPrefetch = fetch(serverUrl(WEB_CHAT_PATH), { mode: 'cors', credentials: 'same-origin', priority: 'low' })
      // Read to the end: the cache keeps only a response that was read whole.
      .then(function (response) {
        return response.ok ? response.arrayBuffer() : null;
      })
      .then(function (bundle) {
        if (!bundle || webChatScript) return;
        markWebChat('fetched');
        if (!(navigator.deviceMemory < 1)) whenIdle(preloadWebChat);
      })
      .catch(function () {
        /* fetched on click instead */
      });
  }

  function whenIdle(task) {
    if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: PREFETCH_IDLE_TIMEOUT_MS });
    else setTimeout(task, 1000);
  }

  if (document.readyState === 'complete') whenIdle(prefetchWebChat);
  else window.addEventListener('load', function () {
    whenIdle(prefetchWebChat);
  });

  function loadWebChat() {
    if (window.WebChat && window.WebChat.renderWebChat) return Promise.resolve(window.WebChat);
    if (webChatScript) return webChatScript;
    webChatScript = new Promise(function (resolve, reject) {
      var tag = element('script', { src: serverUrl(WEB_CHAT_PATH), async: 'async', crossorigin: 'anonymous' });
      tag.onload = function () {
        if (!window.WebChat) return reject(new Error('Web Chat did not load'));
        markWebChat('loaded');
        resolve(window.WebChat);
      };
      tag.onerror = function () {
        webChatScript = null;
        tag.remove();
        reject(new Error('Web Chat could not be downloaded'));
      };
      document.head.appendChild(tag);
    });
    return webChatScript;
  }

  function fetchToken() {
    // No body and no custom header: a "simple" cross-origin request, so no preflight is needed.
    return fetch(serverUrl('api/widget/token'), { method: 'POST', credentials: 'omit' }).then(function (response) {
      if (!response.ok) throw new Error('token request failed with HTTP ' + response.status);
      return response.json();
    });
  }

  /**
   * Starts the conversation the token was issued for, as Web Chat would once loaded, but while its bundle is still
   * downloading: Web Chat then gets the token, the conversation and its stream's address, and opens the stream at once.
   */
  function startConversation(grant) {
    return fetch(grant.domain + '/conversations', {
      method: 'POST',
      credentials: 'omit',
      headers: { Authorization: 'Bearer ' + grant.token, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ locale: locale })
    }).then(function (response) {
      if (!response.ok) throw new Error('conversation start failed with HTTP ' + response.status);
      return response.json();
    }).then(function (started) {
      if (typeof started.streamUrl !== 'string' || started.conversationId !== grant.conversationId) throw new Error('unexpected conversation');
      grant.streamUrl = started.streamUrl;
      if (typeof started.token === 'string') grant.token = started.token;
      return grant;
    });
  }

  function startChat() {
    if (chatStarted) return chatStarted;
    connected = false;
    grantReady = null;
    setState('loading');
    chat.setAttribute('aria-busy', 'true');
    showWelcome();
    var resumed = readSession();
    var grant = (resumed
      ? Promise.resolve(resumed)
      : fetchToken().then(function (fresh) {
          return startConversation({
            token: fresh.token,
            conversationId: fresh.conversationId,
            domain: new URL(fresh.domain, scriptUrl).toString().replace(/\/+$/, ''),
            expiresAt: Date.now() + fresh.expires_in * 1000,
            fresh: true
          });
        })
    ).then(function (ready) {
      // Kept from here, not from Web Chat's start: a parent who changes page before it comes keeps the conversation.
      session = { token: ready.token, conversationId: ready.conversationId, domain: ready.domain, expiresAt: ready.expiresAt, resumed: !ready.fresh };
      writeSession(session);
      grantReady = ready;
      drain();
      return ready;
    });
    chatStarted = Promise.all([loadWebChat(), grant])
      .then(function (results) {
        render(results[0], results[1]);
      })
      .catch(function () {
        chatStarted = null;
        showFailure(TEXTS.loadFailed);
      });
    return chatStarted;
  }

  // ---- before Web Chat is there: a welcome for parents, a box to type in at once, and the first exchanges ----
  var draft = null;
  var queuedNote = null;
  // The light view while it is shown: its elements, the ids of the activities it showed (Web Chat must have them all
  // before it takes over), the watermark it read up to, and whether a post or a read is under way.
  var early = null;
  // The conversation once started (token, id, domain): from then on, what the parent sends can be posted.
  var grantReady = null;
  // Activity ids Web Chat has received, so the hand-over knows when it shows everything the light view showed.
  var seenByWebChat = {};

  function showWelcome() {
    chat.textContent = '';
    draft = element('textarea', { class: 'maillage-draft', rows: '2', 'aria-label': TEXTS.draftLabel, placeholder: TEXTS.draftLabel });
    var send = element('button', { type: 'submit', class: 'maillage-send', text: TEXTS.send });
    var form = element('form', { class: 'maillage-early' }, [draft, send]);
    queuedNote = element('ul', { class: 'maillage-queued', 'aria-live': 'polite' });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      queueDraft();
    });
    draft.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        queueDraft();
      }
    });
    var loadingNote = element('p', { class: 'maillage-loading', text: TEXTS.loading });
    var view = element('div', { class: 'maillage-welcome' }, [
      element('p', { class: 'maillage-welcome-text', text: TEXTS.welcome }),
      loadingNote,
      queuedNote,
      form
    ]);
    chat.appendChild(view);
    early = { view: view, form: form, loadingNote: loadingNote, log: queuedNote, known: {}, posted: {}, watermark: '', busy: false, container: null };
    pending.forEach(function (item) {
      if (item.text) item.shown = showQueued(item.text);
    });
  }

  function queueDraft() {
    var text = draft ? draft.value.trim() : '';
    if (!text) return;
    draft.value = '';
    enqueue(text);
  }

  function enqueue(text) {
    pending.push({ text: text, shown: showQueued(text) });
    setTimeout(drain, 0);
  }

  function showQueued(text) {
    if (!queuedNote || !queuedNote.isConnected) return null;
    var note = element('span', { class: 'maillage-queued-note', text: TEXTS.queued });
    queuedNote.appendChild(element('li', {}, [element('span', { class: 'maillage-queued-text', text: text }), note]));
    return note;
  }

  /**
   * Sends what waited, in order, each once: through Web Chat once it is connected, else at once by Direct Line's REST
   * API as soon as the conversation exists. An item leaves the list when it is handed to Web Chat or the server has it.
   */
  function drain() {
    if (early && early.busy) return;
    if (connected && store) {
      while (pending.length > 0) {
        var item = pending.shift();
        if (item.location) {
          store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'location', value: item.location } });
          announce(TEXTS.locationSent);
        } else {
          store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: item.text, method: 'keyboard' } });
        }
      }
      maybeHandOver();
    } else if (early && grantReady && pending.length > 0 && !early.failed) {
      postEarly(early, grantReady, pending[0]);
    }
  }

  /** A request of Direct Line's REST API on the started conversation; its JSON answer, or a rejection. */
  function directLineCall(grant, path, body) {
    var headers = { Authorization: 'Bearer ' + grant.token, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(grant.domain + '/conversations/' + encodeURIComponent(grant.conversationId) + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'omit',
      headers: headers,
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (!response.ok) throw new Error('Direct Line answered HTTP ' + response.status);
      return response.json();
    });
  }

  /** The user id in the token (its `user` claim), which Web Chat uses too, so its transcript shows the message as the parent's. */
  function userIdOf(token) {
    try {
      var user = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).user;
      return typeof user === 'string' ? user : undefined;
    } catch (error) {
      return undefined;
    }
  }

  function postEarly(state, grant, item) {
    state.busy = true;
    // Web Chat's own mark of a message: if the answer to the post is lost, the transcript says whether it arrived.
    var clientId = 'maillage-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
    var activity = item.location
      ? { type: 'event', name: 'location', value: item.location }
      : { type: 'message', text: item.text, textFormat: 'plain' };
    activity.from = { id: userIdOf(grant.token), role: 'user' };
    activity.locale = locale;
    activity.channelData = { clientActivityID: clientId };
    directLineCall(grant, '/activities', activity)
      .then(
        function (posted) {
          return posted && typeof posted.id === 'string' ? posted.id : null;
        },
        function () {
          return readEarly(state, grant).then(function (page) {
            var found = page.activities.filter(function (seen) {
              return seen && seen.channelData && seen.channelData.clientActivityID === clientId && typeof seen.id === 'string';
            })[0];
            return found ? found.id : null;
          });
        }
      )
      .catch(function () {
        return null;
      })
      .then(function (id) {
        if (id === null) {
          // Not sent (or not known to be): it stays first in line, for Web Chat to send once connected.
          state.failed = true;
          return;
        }
        var at = pending.indexOf(item);
        if (at >= 0) pending.splice(at, 1);
        if (item.shown) item.shown.remove();
        if (item.location) announce(TEXTS.locationSent);
        state.known[id] = state.posted[id] = true;
        return showRepliesTo(state, grant, id, 0);
      })
      .then(function () {
        state.busy = false;
        if (state === early) drain();
        maybeHandOver();
      });
  }

  /** The activities after the light view's watermark, checked enough to be read safely. */
  function readEarly(state, grant) {
    return directLineCall(grant, '/activities?watermark=' + encodeURIComponent(state.watermark)).then(function (page) {
      if (page && typeof page.watermark === 'string' && /^\d{1,12}$/.test(page.watermark)) state.watermark = page.watermark;
      return { activities: page && Array.isArray(page.activities) ? page.activities : [] };
    });
  }

  /**
   * Shows the bot's replies to what the light view posted. The built-in Direct Line answers a post once the bot has
   * replied; Azure's answers before, so until a reply comes it asks again each second, while Web Chat is not there.
   */
  function showRepliesTo(state, grant, postedId, tries) {
    return readEarly(state, grant)
      .then(function (page) {
        var answered = false;
        page.activities.forEach(function (activity) {
          if (!activity || activity.type !== 'message' || typeof activity.id !== 'string' || state.known[activity.id]) return;
          if (!activity.from || activity.from.role === 'user' || !state.posted[activity.replyToId]) return;
          state.known[activity.id] = true;
          answered = answered || activity.replyToId === postedId;
          showEarlyReply(state, activity);
        });
        if (answered || connected || state !== early || tries >= 20) return;
        return new Promise(function (resolve) {
          setTimeout(resolve, 1000);
        }).then(function () {
          return showRepliesTo(state, grant, postedId, tries + 1);
        });
      })
      .catch(function () {
        /* Web Chat shows the replies once connected */
      });
  }

  /**
   * A reply in the light view: its text as plain text (its Markdown marks dropped), and the national numbers its cards
   * offer to call (2 to 6 digits: 119, 3919, 3114, 17, 112…) as tel: links, so a parent in distress can call before
   * Web Chat is there. A local service's number comes with its card, in Web Chat.
   */
  function showEarlyReply(state, activity) {
    var text = typeof activity.text === 'string' ? activity.text.replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+.!<>|~-])/g, '$1') : '';
    var reply = element('li', { class: 'maillage-reply' }, [element('p', { text: text })]);
    callsIn(activity.attachments, [], 0).forEach(function (action) {
      reply.appendChild(element('a', { class: 'maillage-call', href: action.url, text: action.title }));
    });
    state.log.appendChild(reply);
    var maillage = activity.channelData && activity.channelData.maillage;
    if (maillage && maillage.askLocation === true) suggestLocation();
  }

  function callsIn(node, found, depth) {
    if (!node || typeof node !== 'object' || depth > 12 || found.length >= 8) return found;
    if (node.type === 'Action.OpenUrl' && typeof node.title === 'string' && /^(?:tel|sms):\d{2,6}$/.test(node.url)) found.push(node);
    Object.keys(node).forEach(function (key) {
      callsIn(node[key], found, depth + 1);
    });
    return found;
  }

  /**
   * Web Chat replays the conversation from its start, so it shows what the light view showed; the light view stays
   * on top until Web Chat has received all of it (or 8 s after connecting, whatever was lost), then goes.
   */
  function maybeHandOver() {
    if (!early || !early.container || early.busy || !connected || pending.length > 0) return;
    for (var id in early.known) if (!seenByWebChat[id]) return;
    handOver(early);
  }

  function handOver(state) {
    if (!state || state !== early) return;
    early = null;
    queuedNote = null;
    state.view.remove();
    state.container.classList.remove('maillage-behind');
  }

  /**
   * Web Chat ignores a message submitted while it is not connected (it stays in the box, never sent). Until it is,
   * a submitted message joins the queue instead, and leaves the box as if it had been sent.
   */
  function queueWhileConnecting(api, action) {
    if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX' && !connected) {
      var value = (api.getState().sendBoxValue || '').trim();
      if (value) {
        api.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: '' } });
        enqueue(value);
      }
      return true;
    }
    return false;
  }

  function trackConnection(action) {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' || action.type === 'DIRECT_LINE/RECONNECT_FULFILLED') {
      connected = true;
      setState('ready');
      // After Web Chat's own handling of the action, so that its sending is running.
      setTimeout(drain, 0);
      var state = early;
      setTimeout(function () {
        handOver(state);
      }, 8000);
    } else if (action.type === 'DIRECT_LINE/RECONNECT_PENDING' || action.type === 'DIRECT_LINE/DISCONNECT_PENDING' || action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
      connected = false;
      if (action.type !== 'DIRECT_LINE/DISCONNECT_PENDING') setState('connecting');
    } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      var activity = action.payload && action.payload.activity;
      if (activity && typeof activity.id === 'string') seenByWebChat[activity.id] = true;
    }
  }

  function render(WebChat, grant) {
    var ownGeneration = ++generation;
    renderedAt = Date.now();
    var typing = draft && document.activeElement === draft;
    var leftInDraft = draft ? draft.value : '';
    // A conversation started here comes with its stream's address: Web Chat opens the stream at once. A conversation
    // resumed from an earlier page reconnects to it and replays its messages.
    var withStream = grant.fresh && typeof grant.streamUrl === 'string';
    directLine = WebChat.createDirectLine({
      token: grant.token,
      conversationId: grant.fresh && !withStream ? undefined : grant.conversationId,
      streamUrl: withStream ? grant.streamUrl : undefined,
      domain: grant.domain,
      webSocket: true,
      conversationStartProperties: { locale: locale }
    });
    // Given a stream, Web Chat's Direct Line skips its start, and with it the loop that renews the token every
    // 15 minutes: started here, or a conversation longer than the token's 30 minutes would end.
    if (withStream && typeof directLine.refreshTokenLoop === 'function') directLine.refreshTokenLoop();
    setState('connecting');
    seenByWebChat = {};
    store = WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (ownGeneration !== generation) return next(action);
          if (queueWhileConnecting(api, action)) return action;
          trackConnection(action);
          watch(action);
          var result = next(action);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' || action.type === 'DIRECT_LINE/CONNECT_FULFILLED') maybeHandOver();
          return result;
        };
      };
    });
    // Web Chat sizes bubbles for a full page (up to 480 px); in the panel, and on a phone, they must fit. On a phone
    // the bot's avatar goes: its 40 px column is worth more to a card.
    var panelWidth = panel.getBoundingClientRect().width || 400;
    var phone = window.matchMedia(MOBILE_QUERY).matches;
    var bubbleMaxWidth = Math.max(200, Math.min(480, Math.floor(panelWidth - (phone ? 40 : 80))));
    // Until Web Chat shows the conversation, the light view stays on top of it, and only its send box shows below:
    // one box to type in at a time.
    var container = element('div', { class: 'maillage-webchat maillage-behind' });
    draft = null;
    if (early) {
      early.form.remove();
      early.loadingNote.remove();
      early.view.classList.add('maillage-over');
      early.container = container;
    } else {
      chat.textContent = '';
    }
    chat.appendChild(container);
    chat.removeAttribute('aria-busy');
    var styleOptions = {
      accent: '#00695c',
      backgroundColor: '#ffffff',
      bubbleBorderRadius: 12,
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBackground: '#00695c',
      bubbleFromUserTextColor: '#ffffff',
      bubbleBackground: '#f1f4f6',
      bubbleMaxWidth: bubbleMaxWidth,
      // Cards fill the row: narrower, their text wraps into a column of a few words.
      bubbleMinWidth: bubbleMaxWidth,
      hideUploadButton: true,
      markdownRenderHTML: false,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      rootHeight: '100%',
      sendBoxTextWrap: true,
      suggestedActionLayout: 'flow'
    };
    if (!phone) {
      styleOptions.botAvatarInitials = 'M';
      styleOptions.botAvatarBackgroundColor = '#00695c';
    }
    WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: locale,
        renderMarkdown: renderSafeMarkdown(WebChat),
        styleOptions: styleOptions
      },
      container
    );
    if (!early) container.classList.remove('maillage-behind');
    // What was being typed before Web Chat came is still there to finish.
    if (leftInDraft.trim()) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: leftInDraft } });
    if (typing) focusSendBox();
  }

  // ---- what a message may show -------------------------------------------------------------------------
  // Web Chat renders a bot's text and its cards' TextBlocks as Markdown with raw HTML allowed, and its sanitizer keeps
  // <img src="http…"> and data: images: an image in a message would be fetched as soon as it is shown. Maillage's
  // messages are plain text with bold and lists; their links are card buttons, never links in text. So raw HTML is
  // shown as text, and any image or link that Markdown still makes (a bare address is turned into a link) is reduced
  // to its text before it reaches the page. The bot escapes what it sends already: this holds even if it did not.
  function renderSafeMarkdown(WebChat) {
    return function (markdown, options, init) {
      var html = WebChat.renderMarkdown(markdown, Object.assign({}, options, { markdownRenderHTML: false }), init);
      return withoutImagesOrLinks(html);
    };
  }

  function withoutImagesOrLinks(html) {
    // A document made by DOMParser is inert: nothing in it is fetched or run while it is read here.
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var links = doc.body.querySelectorAll('a, button');
    for (var i = links.length - 1; i >= 0; i--) {
      // Its text, without the "opens in a new window" icon Web Chat adds to links.
      links[i].replaceWith(doc.createTextNode(links[i].textContent || ''));
    }
    var media = doc.body.querySelectorAll('img, picture, source, video, audio, iframe, object, embed, svg, image');
    for (var j = media.length - 1; j >= 0; j--) {
      media[j].replaceWith(doc.createTextNode(media[j].getAttribute('alt') || ''));
    }
    return doc.body.innerHTML;
  }

  /** Watches what Web Chat receives: the bot may ask for the position, and the connection may end. */
  function watch(action) {
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      var activity = action.payload && action.payload.activity;
      var from = activity && activity.from;
      var maillage = activity && activity.channelData && activity.channelData.maillage;
      // Replayed history (a conversation resumed on another page) must not ask again.
      var recent = !activity.timestamp || Date.parse(activity.timestamp) > renderedAt - 60 * 1000;
      if (from && from.role !== 'user' && maillage && maillage.askLocation === true && recent) suggestLocation();
    } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') {
      var connectionStatus = action.payload && action.payload.connectionStatus;
      // 3: token expired, 4: failed to connect, 5: ended (botframework-directlinejs ConnectionStatus).
      if (connectionStatus >= 3 && connectionStatus <= 5) {
        var wasResumed = session && session.resumed;
        writeSession(null);
        setTimeout(function () {
          showFailure(TEXTS.ended);
          // The earlier conversation is gone (ended, or the server restarted): start a new one at once.
          if (wasResumed) startChat();
        }, 0);
      }
    }
  }

  function showFailure(message) {
    generation++;
    session = null;
    if (directLine) {
      try {
        directLine.end();
      } catch (error) {
        /* already ended */
      }
    }
    directLine = null;
    store = null;
    chatStarted = null;
    connected = false;
    draft = null;
    queuedNote = null;
    early = null;
    // Messages still queued stay queued: the next start sends them.
    setState('failed');
    chat.removeAttribute('aria-busy');
    chat.textContent = '';
    var retry = element('button', { type: 'button', class: 'maillage-retry', text: TEXTS.retry });
    retry.addEventListener('click', function () {
      startChat().then(focusSendBox);
    });
    chat.appendChild(element('div', { class: 'maillage-failure', role: 'alert' }, [element('p', { text: message }), retry]));
  }

  function announce(message) {
    // Emptied first so that the same message is read again when repeated.
    status.textContent = '';
    setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  window.addEventListener('pagehide', function () {
    if (!session) return;
    var current = (directLine && directLine.token) || session.token;
    writeSession({
      token: current,
      conversationId: session.conversationId,
      domain: session.domain,
      expiresAt: current === session.token ? session.expiresAt : Date.now() + REFRESHED_TOKEN_LIFE_MS,
      resumed: true,
      open: isOpen()
    });
  });

  var previous = readSession();
  if (previous && previous.open) {
    if (document.body) open(false);
    else document.addEventListener('DOMContentLoaded', function () {
      open(false);
    });
  }

  // ---- sharing a position ------------------------------------------------------------------------------
  function suggestLocation() {
    locationButton.classList.add('maillage-suggested');
    announce(TEXTS.locationSuggested);
  }

  function round(value) {
    var factor = Math.pow(10, COORDINATE_DECIMALS);
    return Math.round(value * factor) / factor;
  }

  locationButton.addEventListener('click', function () {
    locationButton.classList.remove('maillage-suggested');
    if (!chatStarted) {
      announce(TEXTS.locationNotReady);
      return;
    }
    if (!navigator.geolocation) {
      announce(TEXTS.locationUnsupported);
      return;
    }
    locationButton.disabled = true;
    announce(TEXTS.locating);
    navigator.geolocation.getCurrentPosition(
      function (position) {
        locationButton.disabled = false;
        // Sent at once when connected; otherwise it waits its turn with the messages typed meanwhile.
        pending.push({ location: { latitude: round(position.coords.latitude), longitude: round(position.coords.longitude) } });
        drain();
      },
      function (error) {
        locationButton.disabled = false;
        announce(error && error.code === 1 ? TEXTS.locationRefused : TEXTS.locationFailed);
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 10 * 60 * 1000 }
    );
  });
})();
