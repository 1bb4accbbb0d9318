/*
 * IKZ-Assistent web chat widget. One tag adds a chat button and a chat panel to any page:
 *
 *   <script src="https://BOT-HOST/widget.js" defer
 *           data-title="IKZ-Assistent" data-primary-color="#00528a" data-position="right"
 *           data-open="false" data-token-url="https://BOT-HOST/api/webchat/token"
 *           data-button-text="Fragen an den IKZ-Assistenten"></script>
 *
 * Web Chat (botframework-webchat) is loaded from the bot's own server when the panel first opens.
 * The conversation (id and token) is kept in sessionStorage, so a reload in the same tab shows it again,
 * also after the bot's server has restarted. When a conversation cannot be continued, the panel says so.
 */
(function () {
  'use strict';

  /** Filled in by the server: privacy statement URL and the path of the Web Chat bundle. */
  const SERVER = /*SERVER_CONFIG*/{};
  const script = document.currentScript;
  if (!script || window.IKZWebChatWidget) return;

  const base = new URL('.', script.src);
  const data = script.dataset;
  const DEFAULT_COLOR = '#00528a';
  const primary = parseColor(data.primaryColor) || parseColor(DEFAULT_COLOR);
  const options = {
    title: (data.title || 'IKZ-Assistent').slice(0, 80),
    buttonText: (data.buttonText || '').slice(0, 80),
    position: data.position === 'left' ? 'left' : 'right',
    open: data.open === 'true',
    tokenUrl: new URL(data.tokenUrl || 'api/webchat/token', base).href,
    privacyUrl: safeUrl(data.privacyUrl || SERVER.privacyUrl),
    webChatScript: new URL(SERVER.webChatScript || 'webchat/webchat.js', base).href,
    defaultDomain: new URL('v3/directline', base).href,
  };
  const storageKey = 'ikz-webchat:' + options.tokenUrl;

  const TEXT = {
    launcher: options.buttonText || 'Chat: ' + options.title,
    close: 'Chat schließen',
    restart: 'Neu starten',
    restartLabel: 'Gespräch neu starten',
    notice:
      'Sie chatten mit einem automatischen Assistenten. Seine Antworten sind nicht rechtsverbindlich. ' +
      'Bitte geben Sie keine personenbezogenen Daten ein (zum Beispiel Namen, Anschriften oder Telefonnummern).',
    noticeShort: 'Automatischer Assistent – Antworten nicht rechtsverbindlich. Bitte keine personenbezogenen Daten.',
    privacy: 'Datenschutzhinweise',
    connecting: 'Der Chat wird verbunden …',
    restarted: 'Ein neues Gespräch wurde gestartet.',
    lost:
      'Ihr bisheriges Gespräch konnte nicht fortgesetzt werden, weil es abgelaufen oder nicht mehr verfügbar ist. ' +
      'Hier beginnt ein neues Gespräch.',
    interrupted:
      'Die Verbindung zu diesem Gespräch ist unterbrochen und lässt sich nicht wiederherstellen. ' +
      'Mit „Neu starten“ beginnen Sie ein neues Gespräch.',
    failed: 'Der Chat ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    retry: 'Erneut versuchen',
  };

  // ---- DOM ---------------------------------------------------------------------------------------

  const ids = { panel: 'ikz-wc-panel', title: 'ikz-wc-title', notice: 'ikz-wc-notice' };
  const stylesheet = element('link', { rel: 'stylesheet', href: new URL('widget.css', base).href });
  document.head.appendChild(stylesheet);

  const root = element('div', { class: 'ikz-wc ikz-wc--' + options.position });
  root.style.setProperty('--ikz-wc-primary', primary.hex);
  root.style.setProperty('--ikz-wc-on-primary', textOn(primary));

  const launcher = element('button', {
    type: 'button',
    class: 'ikz-wc__launcher',
    'aria-expanded': 'false',
    'aria-controls': ids.panel,
  });
  launcher.innerHTML =
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">' +
    '<path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  launcher.appendChild(element('span', {}, TEXT.launcher));

  const panel = element('section', {
    id: ids.panel,
    class: 'ikz-wc__panel',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': ids.title,
    'aria-describedby': ids.notice,
    hidden: '',
  });
  const header = element('div', { class: 'ikz-wc__header' });
  const title = element('h2', { id: ids.title, class: 'ikz-wc__title', tabindex: '-1' }, options.title);
  const restartButton = element('button', { type: 'button', class: 'ikz-wc__button', 'aria-label': TEXT.restartLabel }, TEXT.restart);
  const closeButton = element('button', { type: 'button', class: 'ikz-wc__button ikz-wc__close', 'aria-label': TEXT.close });
  closeButton.innerHTML =
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">' +
    '<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';
  header.append(title, restartButton, closeButton);

  const notice = element('div', { id: ids.notice, class: 'ikz-wc__notice' });
  const status = element('p', { class: 'ikz-wc__status', role: 'status' });
  const chatHost = element('div', { class: 'ikz-wc__chat' });
  panel.append(header, notice, status, chatHost);
  // The button comes first in the focus order, the panel it controls right after (CSS shows it above).
  root.append(launcher, panel);

  // ---- state -------------------------------------------------------------------------------------

  /** The running conversation: { directLine, element, conversationId, domain }. */
  let current = null;
  let loadingWebChat = null;
  let starting = null;
  let saved = readSaved();

  function readSaved() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || 'null') || {};
    } catch (_) {
      return {};
    }
  }

  function save(changes) {
    saved = Object.assign({}, saved, changes);
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(saved));
    } catch (_) {
      /* private mode or full storage: the chat works, it just does not survive a reload */
    }
  }

  function renderNotice() {
    notice.textContent = '';
    const text = element('p', {}, saved.asked ? TEXT.noticeShort : TEXT.notice);
    if (options.privacyUrl) {
      text.append(' ');
      text.appendChild(
        element('a', { href: options.privacyUrl, target: '_blank', rel: 'noopener' }, TEXT.privacy + ' (neues Fenster)'),
      );
    }
    notice.classList.toggle('ikz-wc__notice--short', Boolean(saved.asked));
    notice.appendChild(text);
  }

  // ---- opening and closing -----------------------------------------------------------------------

  function open(focus) {
    panel.hidden = false;
    root.classList.add('ikz-wc--open');
    launcher.setAttribute('aria-expanded', 'true');
    save({ open: true });
    ensureConversation().then(() => {
      if (focus) focusSendBox();
    });
  }

  function close() {
    panel.hidden = true;
    root.classList.remove('ikz-wc--open');
    launcher.setAttribute('aria-expanded', 'false');
    save({ open: false });
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open(true) : close()));
  closeButton.addEventListener('click', close);
  restartButton.addEventListener('click', () => restart());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });

  /**
   * Moves the keyboard focus into the send box once Web Chat has rendered it (screen readers then announce
   * the dialog's name and notice); if the chat cannot show, to the panel's title instead.
   */
  function focusSendBox() {
    let tries = 0;
    const attempt = () => {
      if (panel.hidden) return;
      const input = chatHost.querySelector('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input');
      if (input) input.focus();
      else if (++tries < 50 && current) setTimeout(attempt, 100);
      else if (!panel.contains(document.activeElement)) title.focus();
    };
    attempt();
  }

  // ---- conversation ------------------------------------------------------------------------------

  function ensureConversation() {
    if (current) return Promise.resolve();
    if (!starting) {
      starting = start(false).finally(() => {
        starting = null;
      });
    }
    return starting;
  }

  async function restart() {
    if (starting) await starting;
    end();
    saved = { open: true };
    save({});
    renderNotice();
    await start(true);
    say(TEXT.restarted);
    focusSendBox();
  }

  function end() {
    if (!current) return;
    try {
      current.directLine.end();
    } catch (_) {
      /* already closed */
    }
    current.element.remove();
    current = null;
  }

  async function start(fresh) {
    say(TEXT.connecting);
    try {
      const [WebChat, conversation] = await Promise.all([loadWebChat(), connect(fresh)]);
      const directLine = WebChat.createDirectLine({
        domain: conversation.domain,
        token: conversation.token,
        conversationId: conversation.resumed ? conversation.conversationId : undefined,
        watermark: conversation.resumed ? '0' : undefined,
        webSocket: true,
      });
      const element = document.createElement('div');
      element.className = 'ikz-wc__webchat';
      chatHost.appendChild(element);
      current = { directLine, element, conversationId: conversation.conversationId, domain: conversation.domain };
      save({ conversationId: conversation.conversationId, token: conversation.token, domain: conversation.domain });
      watchConnection(directLine);
      WebChat.renderWebChat(
        {
          directLine,
          store: WebChat.createStore({}, () => (next) => (action) => {
            if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && !saved.asked) {
              save({ asked: true });
              renderNotice();
            }
            return next(action);
          }),
          locale: 'de-DE',
          styleOptions: styleOptions(),
        },
        element,
      );
      say(conversation.lost ? TEXT.lost : '');
    } catch (error) {
      say(TEXT.failed, true);
      if (window.console) console.warn('IKZ web chat:', error);
    }
  }

  /**
   * A conversation to show: the one of this tab, continued with a fresh token from the Direct Line
   * reconnect call, or a new one from the token URL. `lost` is set when the tab had a conversation that
   * is gone (expired, or its token no longer accepted); a server that cannot be reached throws instead,
   * so the saved conversation is tried again later rather than given up.
   */
  async function connect(fresh) {
    let lost = false;
    if (!fresh && saved.conversationId && saved.token) {
      const resumed = await resume(saved);
      if (resumed) return resumed;
      lost = true;
    }
    saved = { open: saved.open };
    renderNotice();
    const response = await fetch(options.tokenUrl, { method: 'POST', credentials: 'omit' });
    if (!response.ok) throw new Error('Token URL answered HTTP ' + response.status);
    const body = await response.json();
    if (!body.token) throw new Error('Token URL answered without a token');
    return {
      conversationId: body.conversationId,
      token: body.token,
      domain: safeUrl(body.domain).replace(/\/+$/, '') || options.defaultDomain,
      resumed: false,
      lost,
    };
  }

  /** The saved conversation with a fresh token, or null when the server says it is gone (401, 403, 404). */
  async function resume(previous) {
    if (tokenExpiry(previous.token) <= Date.now() + 5000) return null;
    const domain = previous.domain || options.defaultDomain;
    const response = await fetch(
      domain + '/conversations/' + encodeURIComponent(previous.conversationId) + '?watermark=0',
      { headers: { Authorization: 'Bearer ' + previous.token }, credentials: 'omit' },
    );
    if (response.status === 401 || response.status === 403 || response.status === 404) return null;
    if (!response.ok) throw new Error('Reconnect answered HTTP ' + response.status);
    const body = await response.json();
    return { conversationId: previous.conversationId, token: body.token || previous.token, domain, resumed: true };
  }

  /**
   * Web Chat reconnects by itself after a network break or a server restart; when it gives up (the
   * conversation ended or the connection failed for good), the panel says so instead of staying silent.
   */
  function watchConnection(directLine) {
    const ENDED = 5;
    const FAILED_TO_CONNECT = 4;
    directLine.connectionStatus$.subscribe((state) => {
      if (!current || current.directLine !== directLine) return;
      if (state === ENDED || state === FAILED_TO_CONNECT) say(TEXT.interrupted);
    });
  }

  function loadWebChat() {
    if (window.WebChat && window.WebChat.renderWebChat) return Promise.resolve(window.WebChat);
    if (!loadingWebChat) {
      loadingWebChat = new Promise((resolve, reject) => {
        const tag = element('script', { src: options.webChatScript, async: '' });
        tag.onload = () => (window.WebChat ? resolve(window.WebChat) : reject(new Error('Web Chat did not load')));
        tag.onerror = () => {
          loadingWebChat = null;
          tag.remove();
          reject(new Error('Web Chat could not be loaded'));
        };
        document.head.appendChild(tag);
      });
    }
    return loadingWebChat;
  }

  // Keep the token the Direct Line client renewed, so a reload reconnects with a valid one.
  window.addEventListener('pagehide', () => {
    if (current && current.directLine.token) save({ token: current.directLine.token });
  });

  // ---- look ---------------------------------------------------------------------------------------

  function styleOptions() {
    // Links and suggested actions are drawn in the accent colour on white: it must keep 4.5:1 contrast.
    const accent = contrast(primary, parseColor('#ffffff')) >= 4.5 ? primary.hex : DEFAULT_COLOR;
    return {
      accent,
      backgroundColor: '#ffffff',
      bubbleBackground: '#eef1f5',
      bubbleBorderRadius: 8,
      bubbleFromUserBackground: accent,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 8,
      bubbleTextColor: '#1b1b1b',
      hideUploadButton: true,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      rootHeight: '100%',
      rootWidth: '100%',
      sendBoxPlaceholderColor: '#595959',
      subtle: '#595959',
      suggestedActionLayout: 'flow',
      suggestedActionBorderRadius: 6,
      timestampColor: '#595959',
      transcriptOverlayButtonBackground: 'rgba(0, 0, 0, .75)',
    };
  }

  function say(text, withRetry) {
    status.textContent = text;
    if (withRetry) {
      const again = element('button', { type: 'button', class: 'ikz-wc__button ikz-wc__retry' }, TEXT.retry);
      again.addEventListener('click', () => {
        end();
        ensureConversation().then(focusSendBox);
      });
      status.append(' ', again);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------

  function element(tag, attributes, text) {
    const el = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => el.setAttribute(name, attributes[name]));
    if (text) el.textContent = text;
    return el;
  }

  /** An absolute http(s) URL, or '' (never a `javascript:` link from a data attribute). */
  function safeUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
    } catch (_) {
      return '';
    }
  }

  function tokenExpiry(token) {
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return (payload.exp || 0) * 1000;
    } catch (_) {
      return 0;
    }
  }

  function parseColor(value) {
    const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || '').trim());
    if (!match) return null;
    let hex = match[1];
    if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
    const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return { hex: '#' + hex.toLowerCase(), rgb };
  }

  function luminance(color) {
    const [r, g, b] = color.rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function contrast(a, b) {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  }

  /** White or near-black, whichever reads better on the colour. */
  function textOn(color) {
    return contrast(color, parseColor('#ffffff')) >= contrast(color, parseColor('#1b1b1b')) ? '#ffffff' : '#1b1b1b';
  }

  // ---- go ----------------------------------------------------------------------------------------

  renderNotice();
  const mount = () => {
    document.body.appendChild(root);
    if (saved.open === undefined ? options.open : saved.open) open(false);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  window.IKZWebChatWidget = { open: () => open(true), close, restart };
})();
