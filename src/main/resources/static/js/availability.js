// Live availability: follows the event's Server-Sent Events stream (GET …/availability/stream, event
// "availability") and keeps the page's counts current. Marked elements, by ticket type id:
//   [data-left="<id>"]          "12 left" or "Sold out" (storefront)
//   [data-quantity-for="<id>"]  quantity selects, disabled while nothing is left
//   [data-count="available|taken|held|sold|capacity"][data-ticket-type="<id>"]  numbers (organizer view)
//   svg[data-live-seats] [data-seat="<seat id>"]  seats shown free, held or sold (organizer view)
// Buyers' seat maps are left to seatmap.js, which listens for the "usher:availability" event this dispatches.
(() => {
  'use strict';

  const root = document.querySelector('[data-availability-stream]');
  if (!root || !('EventSource' in window)) {
    return;
  }
  const status = document.querySelector('[data-live-status]');
  const liveSeats = document.querySelector('svg[data-live-seats]');

  const setStatus = (text, live) => {
    if (status) {
      status.textContent = text;
      status.classList.toggle('live', live);
    }
  };

  const counts = (type) => {
    let held = 0;
    let sold = 0;
    for (const seat of type.seats || []) {
      if (seat.state === 'HELD') {
        held += 1;
      } else if (seat.state === 'SOLD') {
        sold += 1;
      }
    }
    return {
      available: type.available,
      capacity: type.capacity,
      taken: type.capacity - type.available,
      held,
      sold,
    };
  };

  const apply = (availability) => {
    for (const type of availability.ticketTypes) {
      for (const left of document.querySelectorAll(`[data-left="${type.id}"]`)) {
        left.textContent = type.available === 0 ? 'Sold out' : `${type.available.toLocaleString('en-GB')} left`;
        left.classList.toggle('sold-out', type.available === 0);
      }
      for (const select of document.querySelectorAll(`[data-quantity-for="${type.id}"]`)) {
        select.disabled = type.available === 0;
      }
      if (liveSeats) {
        for (const seat of type.seats || []) {
          const element = liveSeats.querySelector(`[data-seat="${seat.id}"]`);
          if (element) {
            const state = seat.state.toLowerCase();
            element.classList.remove('free', 'held', 'sold');
            element.classList.add(state);
            element.dataset.state = state;
          }
        }
      }
      const numbers = counts(type);
      for (const cell of document.querySelectorAll(`[data-count][data-ticket-type="${type.id}"]`)) {
        const value = numbers[cell.dataset.count];
        if (value !== undefined) {
          cell.textContent = String(value);
        }
      }
    }
    document.dispatchEvent(new CustomEvent('usher:availability', { detail: availability }));
  };

  const source = new EventSource(root.dataset.availabilityStream);
  source.addEventListener('open', () => setStatus('Live: counts update as tickets go.', true));
  source.addEventListener('error', () => setStatus('Reconnecting to live updates…', false));
  source.addEventListener('availability', (message) => apply(JSON.parse(message.data)));
  window.addEventListener('pagehide', () => source.close());
})();
