// A desk ticket page that follows its ticket live: listens to the ticket's Server-Sent Events
// (GET …/stream) and, when another person changed or wrote something ("change", "comment"), asks the server
// for the changing parts of the page (GET …/live, swapped in out of band by htmx) — as the reader may see them.
// "presence" (agents only) says who else is writing; the editor's own typing pings are plain htmx (hx-trigger).
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
