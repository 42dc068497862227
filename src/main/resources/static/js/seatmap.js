// Picking seats on the event page's SVG seat map. Each seat the event sells is a checkbox (role="checkbox",
// aria-checked) labelled "Section A, row 3, seat 12, free". Click a seat, or move between seats with the arrow
// keys (Home/End: ends of the row) and press Space or Enter. The picked seats become hidden "seat" inputs of
// the seat form. Seats taken by others, live from availability.js, turn grey; a picked seat that someone else
// takes is let go, and the page says so.
(() => {
  'use strict';

  const map = document.querySelector('svg.seat-map[data-selectable]');
  const form = document.getElementById('seat-form');
  if (!map || !form) {
    return;
  }
  const MAX_PER_REQUEST = 20;
  const inputs = form.querySelector('[data-selected-inputs]');
  const summary = form.querySelector('[data-seat-summary]');
  const announcer = form.querySelector('[data-seat-announcer]');
  const submit = form.querySelector('[data-seat-submit]');
  const seats = Array.from(map.querySelectorAll('[role="checkbox"][data-seat]'));
  const byId = new Map(seats.map((seat) => [seat.dataset.seat, seat]));
  const rows = Array.from(map.querySelectorAll('.seat-row'))
    .map((row) => Array.from(row.querySelectorAll('[role="checkbox"][data-seat]')))
    .filter((row) => row.length > 0);
  const rowOf = new Map();
  rows.forEach((row, index) => row.forEach((seat) => rowOf.set(seat, index)));

  const WORDS = { free: 'free', selected: 'selected', taken: 'taken' };

  const section = (seat) => seat.closest('[data-ticket-type]');
  const isSelected = (seat) => seat.getAttribute('aria-checked') === 'true';
  const isTaken = (seat) => seat.getAttribute('aria-disabled') === 'true';

  const setState = (seat, state) => {
    seat.dataset.state = state;
    seat.classList.remove('free', 'selected', 'taken');
    seat.classList.add(state);
    seat.setAttribute('aria-checked', state === 'selected' ? 'true' : 'false');
    if (state === 'taken') {
      seat.setAttribute('aria-disabled', 'true');
    } else {
      seat.removeAttribute('aria-disabled');
    }
    seat.setAttribute('aria-label', `${seat.dataset.label}, ${WORDS[state]}`);
  };

  const announce = (text) => {
    // Cleared first, so the same sentence twice is read twice.
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  };

  const selected = () => seats.filter(isSelected);

  const render = () => {
    const picked = selected();
    inputs.replaceChildren(...picked.map((seat) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'seat';
      input.value = seat.dataset.seat;
      return input;
    }));
    if (picked.length === 0) {
      summary.textContent = 'No seats picked yet.';
      submit.textContent = 'Hold the picked seats';
      submit.disabled = true;
      return;
    }
    const names = picked.map((seat) => seat.dataset.label.replace(', accessible seat', ' (accessible)'));
    summary.textContent = `${picked.length === 1 ? '1 seat' : `${picked.length} seats`} picked: ${names.join('; ')}.`;
    submit.textContent = picked.length === 1 ? 'Hold 1 seat' : `Hold ${picked.length} seats`;
    submit.disabled = false;
  };

  const toggle = (seat) => {
    if (isTaken(seat)) {
      announce(`${seat.dataset.label} is taken.`);
      return;
    }
    if (isSelected(seat)) {
      setState(seat, 'free');
      render();
      return;
    }
    const group = section(seat);
    const max = Number(group.dataset.max || MAX_PER_REQUEST);
    const sameType = selected().filter((other) => section(other).dataset.ticketType === group.dataset.ticketType);
    if (sameType.length >= max) {
      announce(`At most ${max} ${group.dataset.ticketName} seats per order.`);
      summary.textContent = `At most ${max} ${group.dataset.ticketName} seats per order.`;
      return;
    }
    if (selected().length >= MAX_PER_REQUEST) {
      announce(`At most ${MAX_PER_REQUEST} seats at once.`);
      return;
    }
    setState(seat, 'selected');
    render();
  };

  // One seat is in the tab order (a picked one, else the first free one); arrow keys move between the others.
  let current = null;
  const focusable = (seat) => {
    if (current && current !== seat) {
      current.setAttribute('tabindex', '-1');
    }
    if (seat) {
      seat.setAttribute('tabindex', '0');
      current = seat;
    }
  };
  const moveTo = (seat) => {
    if (seat) {
      focusable(seat);
      seat.focus();
    }
  };
  const nearestIn = (row, seat) => {
    const x = Number(seat.getAttribute('cx') || seat.getAttribute('x'));
    let best = row[0];
    for (const candidate of row) {
      const cx = Number(candidate.getAttribute('cx') || candidate.getAttribute('x'));
      const bx = Number(best.getAttribute('cx') || best.getAttribute('x'));
      if (Math.abs(cx - x) < Math.abs(bx - x)) {
        best = candidate;
      }
    }
    return best;
  };

  map.addEventListener('click', (event) => {
    const seat = event.target.closest('[role="checkbox"][data-seat]');
    if (seat) {
      focusable(seat);
      toggle(seat);
    }
  });

  map.addEventListener('keydown', (event) => {
    const seat = event.target.closest('[role="checkbox"][data-seat]');
    if (!seat) {
      return;
    }
    const row = rows[rowOf.get(seat)];
    const index = row.indexOf(seat);
    const r = rowOf.get(seat);
    switch (event.key) {
      case ' ':
      case 'Enter':
        toggle(seat);
        break;
      case 'ArrowRight':
        moveTo(row[index + 1]);
        break;
      case 'ArrowLeft':
        moveTo(row[index - 1]);
        break;
      case 'ArrowDown':
        moveTo(r + 1 < rows.length ? nearestIn(rows[r + 1], seat) : null);
        break;
      case 'ArrowUp':
        moveTo(r > 0 ? nearestIn(rows[r - 1], seat) : null);
        break;
      case 'Home':
        moveTo(row[0]);
        break;
      case 'End':
        moveTo(row[row.length - 1]);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener('usher:availability', (event) => {
    const lost = [];
    for (const type of event.detail.ticketTypes) {
      for (const state of type.seats || []) {
        const seat = byId.get(state.id);
        if (!seat) {
          continue;
        }
        const taken = state.state !== 'FREE';
        if (taken && isSelected(seat)) {
          lost.push(seat.dataset.label);
        }
        if (taken) {
          setState(seat, 'taken');
        } else if (isTaken(seat)) {
          setState(seat, 'free');
        }
      }
    }
    if (lost.length > 0) {
      render();
      const text = `Someone else has just taken ${lost.join('; ')}. Pick another seat.`;
      summary.textContent = text;
      announce(text);
    }
  });

  focusable(selected()[0] || seats.find((seat) => !isTaken(seat)) || seats[0]);
  render();
})();
