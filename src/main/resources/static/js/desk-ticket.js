// A desk ticket page that follows its ticket live: listens to the ticket's Server-Sent Events
// (GET …/stream) and, when another person changed or wrote something ("change", "comment"), asks the server
// for the changing parts of the page (GET …/live, swapped in out of band by htmx) — as the reader may see them.
// "presence" (agents only) says who else is writing; the editor's own typing pings are plain htmx (hx-trigger).
// A refresh replaces the page's forms with fresh ones; what the reader has typed or chosen in a form and not sent
// yet (and where the cursor was) is carried over into the fresh form, so someone else's change never wipes it.
(() => {
  'use strict';

  const root = document.querySelector('[data-ticket-stream]');
  if (!root || !('EventSource' in window)) {
    return;
  }
  const status = root.querySelector('[data-live-status]');
  const writers = new Map();
  let refreshTimer = null;
  let connectedOnce = false;

  const say = (text) => {
    if (status) {
      status.textContent = text;
    }
  };

  // Several events of one change (a status and its resolution) make one request.
  const refresh = () => {
    if (refreshTimer) {
      return;
    }
    refreshTimer = window.setTimeout(() => {
      refreshTimer = null;
      if (window.htmx) {
        window.htmx.ajax('GET', root.dataset.ticketLive, { target: '#ticket-timeline', swap: 'none' });
      }
    }, 250);
  };

  const showWriters = () => {
    const region = document.querySelector('[data-presence]');
    if (!region) {
      return;
    }
    const names = [...writers.values()].map((w) => w.name);
    region.textContent = names.length === 0 ? ''
      : `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} writing on this ticket right now.`;
    region.classList.toggle('active', names.length > 0);
  };

  // The fields the reader changed and has not sent, per form (its id, or else its action): "form\u0000name" →
  // value, or for a check box or radio button "form\u0000name\u0000value" → checked.
  const unsent = new Map();
  const formKey = (form) => form.id || form.getAttribute('action');
  const formsOf = (key) => [...document.querySelectorAll('form')].filter((form) => formKey(form) === key);
  const keyOf = (field) => {
    if (!field.form || !formKey(field.form) || !field.name || field.type === 'file') {
      return null;
    }
    const base = `${formKey(field.form)}\u0000${field.name}`;
    return field.type === 'checkbox' || field.type === 'radio' ? `${base}\u0000${field.value}` : base;
  };
  const remember = (event) => {
    const field = event.target;
    const key = keyOf(field);
    if (!key) {
      return;
    }
    if (field.type === 'radio') {
      // choosing one radio button un-chooses the others of its name
      for (const other of unsent.keys()) {
        if (other.startsWith(`${formKey(field.form)}\u0000${field.name}\u0000`)) {
          unsent.delete(other);
        }
      }
    }
    unsent.set(key, field.type === 'checkbox' || field.type === 'radio' ? field.checked : field.value);
  };
  document.addEventListener('input', remember);
  document.addEventListener('change', remember);
  const forget = (form) => {
    for (const key of [...unsent.keys()]) {
      if (key.startsWith(`${formKey(form)}\u0000`)) {
        unsent.delete(key);
      }
    }
  };
  document.addEventListener('submit', (event) => forget(event.target));
  document.addEventListener('htmx:beforeRequest', (event) => {
    if (event.detail.elt && event.detail.elt.tagName === 'FORM') {
      forget(event.detail.elt);
    }
  });
  let focused = null;
  document.addEventListener('htmx:oobBeforeSwap', () => {
    const active = document.activeElement;
    focused = active && active.id ? { id: active.id, start: active.selectionStart, end: active.selectionEnd } : null;
  });
  document.addEventListener('htmx:oobAfterSwap', () => {
    for (const [key, value] of unsent) {
      const [form, name, choice] = key.split('\u0000');
      const fields = formsOf(form).flatMap((f) => [...f.elements]).filter((f) => f.name === name);
      for (const field of fields) {
        if (choice !== undefined) {
          if (field.value === choice) {
            field.checked = value;
          }
        } else {
          field.value = value;
        }
      }
    }
    if (focused) {
      const field = document.getElementById(focused.id);
      if (field && field !== document.activeElement) {
        field.focus();
        if (typeof focused.start === 'number' && typeof field.setSelectionRange === 'function') {
          try {
            field.setSelectionRange(focused.start, focused.end);
          } catch (notText) {
            // a field without a text selection
          }
        }
      }
    }
  });

  const source = new EventSource(root.dataset.ticketStream);
  source.addEventListener('ready', () => {
    if (connectedOnce) {
      // back after a lost connection: catch up on what happened meanwhile
      refresh();
    }
    connectedOnce = true;
    say('Live: this page updates when the ticket changes.');
  });
  source.addEventListener('error', () => say('Reconnecting to live updates…'));
  // What this reader did, their own form's answer has shown already (refreshing again could undo a choice
  // they are making in another form).
  source.addEventListener('change', (message) => {
    const data = JSON.parse(message.data);
    if (!data.byYou) {
      say('The ticket was just updated.');
      refresh();
    }
  });
  source.addEventListener('comment', (message) => {
    const data = JSON.parse(message.data);
    if (!data.byYou) {
      const kind = data.internal ? 'an internal note' : 'a reply';
      say(data.by ? `${data.by} just wrote ${kind}.` : `New ${kind}.`);
      refresh();
    }
  });
  source.addEventListener('presence', (message) => {
    const data = JSON.parse(message.data);
    const previous = writers.get(data.userId);
    if (previous) {
      window.clearTimeout(previous.timer);
    }
    const timer = window.setTimeout(() => {
      writers.delete(data.userId);
      showWriters();
    }, data.seconds * 1000);
    writers.set(data.userId, { name: data.name, timer });
    showWriters();
  });
  window.addEventListener('pagehide', () => source.close());
})();
