/*
 * Maillage chat widget. Any website adds it with one tag:
 *   <script src="https://MAILLAGE-HOST/widget.js" defer></script>
 * It adds a chat button and a panel. Web Chat comes from the same server as this script (no CDN), at an address that
 * names its content, so browsers keep it for a year: it is fetched quietly once the page is idle (unless the browser
 * asks to save data), and loaded from the cache when the panel opens. The conversation is started in parallel with
 * Web Chat's loading, and what the parent types meanwhile is sent, once, as soon as the chat is connected.
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

  /**
   * Fills the browser's HTTP cache with Web Chat's bundle without running it (running 4 MB of script would cost the
   * host page's visitors a moment of a busy phone): low priority, once the page is idle. The request is the one the
   * <script crossorigin="anonymous"> tag makes later (CORS, same credentials), so that tag is served from the cache.
   * Saving data (the browser's setting) or a page that forbids the request: the bundle is simply fetched on click.
   */
  function prefetchWebChat() {
    if (webChatPrefetch || webChatScript || (navigator.connection && navigator.connection.saveData)) return;
    if (typeof fetch !== 'function') return;
    webChatPrefetch = fetch(serverUrl(WEB_CHAT_PATH), { mode: 'cors', credentials: 'same-origin', priority: 'low' })
      .then(function (response) {
        // Read to the end: the cache keeps only a response that was read whole.
        return response.ok ? response.arrayBuffer() : null;
      })
      .catch(function () {
        return null;
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
        if (window.WebChat) resolve(window.WebChat);
        else reject(new Error('Web Chat did not load'));
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
    setState('loading');
    chat.setAttribute('aria-busy', 'true');
    showWelcome();
    var resumed = readSession();
    var grant = resumed
      ? Promise.resolve(resumed)
      : fetchToken().then(function (fresh) {
          return startConversation({
            token: fresh.token,
            conversationId: fresh.conversationId,
            domain: new URL(fresh.domain, scriptUrl).toString().replace(/\/+$/, ''),
            expiresAt: Date.now() + fresh.expires_in * 1000,
            fresh: true
          });
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

  // ---- before Web Chat is there: a welcome for parents, and a box to type in at once -----------------------
  var draft = null;
  var queuedNote = null;

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
    chat.appendChild(element('div', { class: 'maillage-welcome' }, [
      element('p', { class: 'maillage-welcome-text', text: TEXTS.welcome }),
      element('p', { class: 'maillage-loading', text: TEXTS.loading }),
      queuedNote,
      form
    ]));
    pending.forEach(function (item) {
      if (item.text) showQueued(item.text);
    });
  }

  function queueDraft() {
    var text = draft ? draft.value.trim() : '';
    if (!text) return;
    draft.value = '';
    enqueue(text);
  }

  function enqueue(text) {
    pending.push({ text: text });
    showQueued(text);
    if (connected) setTimeout(flushPending, 0);
  }

  function showQueued(text) {
    if (!queuedNote || !queuedNote.isConnected) return;
    queuedNote.appendChild(element('li', {}, [
      element('span', { class: 'maillage-queued-text', text: text }),
      element('span', { class: 'maillage-queued-note', text: TEXTS.queued })
    ]));
  }

  /** Sends what waited, in order, each once: taken off the list as it is handed to Web Chat. */
  function flushPending() {
    while (connected && store && pending.length > 0) {
      var item = pending.shift();
      if (item.location) {
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'location', value: item.location } });
        announce(TEXTS.locationSent);
      } else {
        store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: item.text, method: 'keyboard' } });
      }
    }
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
        pending.push({ text: value });
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
      setTimeout(flushPending, 0);
    } else if (action.type === 'DIRECT_LINE/RECONNECT_PENDING' || action.type === 'DIRECT_LINE/DISCONNECT_PENDING' || action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
      connected = false;
      if (action.type !== 'DIRECT_LINE/DISCONNECT_PENDING') setState('connecting');
    }
  }

  function render(WebChat, grant) {
    var ownGeneration = ++generation;
    renderedAt = Date.now();
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
    session = { token: grant.token, conversationId: grant.conversationId, domain: grant.domain, expiresAt: grant.expiresAt, resumed: !grant.fresh };
    writeSession(session);
    setState('connecting');
    store = WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (ownGeneration !== generation) return next(action);
          if (queueWhileConnecting(api, action)) return action;
          trackConnection(action);
          watch(action);
          return next(action);
        };
      };
    });
    // Web Chat sizes bubbles for a full page (up to 480 px); in the panel, and on a phone, they must fit. On a phone
    // the bot's avatar goes: its 40 px column is worth more to a card.
    var panelWidth = panel.getBoundingClientRect().width || 400;
    var phone = window.matchMedia(MOBILE_QUERY).matches;
    var bubbleMaxWidth = Math.max(200, Math.min(480, Math.floor(panelWidth - (phone ? 40 : 80))));
    var container = element('div', { class: 'maillage-webchat' });
    chat.textContent = '';
    draft = null;
    queuedNote = null;
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
    // What was being typed before Web Chat came is still there to finish.
    if (leftInDraft.trim()) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: leftInDraft } });
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
    if (!session || !directLine) return;
    var current = directLine.token || session.token;
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
        flushPending();
      },
      function (error) {
        locationButton.disabled = false;
        announce(error && error.code === 1 ? TEXTS.locationRefused : TEXTS.locationFailed);
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 10 * 60 * 1000 }
    );
  });
})();
