// The hold page's countdown. The server says how many milliseconds were left when it rendered the page
// (data-countdown), so a wrong clock on the visitor's machine does not matter; the page's own text (the time the
// hold ends) stays for anyone without scripts. At zero it says "expired", hides what needs an active hold
// ([data-while-active]) and shows what replaces it ([data-when-expired]).
(() => {
  'use strict';

  const element = document.querySelector('[data-countdown]');
  if (!element) {
    return;
  }
  const text = element.querySelector('[data-countdown-text]');
  const deadline = performance.now() + Number(element.dataset.countdown);

  const format = (millis) => {
    const seconds = Math.ceil(millis / 1000);
    const minutes = Math.floor(seconds / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return `${minutes}:${rest}`;
  };

  const label = (millis) => {
    const seconds = Math.ceil(millis / 1000);
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    const parts = [];
    if (minutes > 0) {
      parts.push(minutes === 1 ? '1 minute' : `${minutes} minutes`);
    }
    if (rest > 0 || minutes === 0) {
      parts.push(rest === 1 ? '1 second' : `${rest} seconds`);
    }
    return `${parts.join(' and ')} left`;
  };

  let timer;
  const tick = () => {
    const left = deadline - performance.now();
    if (left <= 0) {
      window.clearInterval(timer);
      text.textContent = 'expired';
      element.classList.add('expired');
      element.setAttribute('aria-label', 'The hold has expired');
      for (const active of document.querySelectorAll('[data-while-active]')) {
        active.hidden = true;
      }
      for (const expired of document.querySelectorAll('[data-when-expired]')) {
        expired.hidden = false;
      }
      return;
    }
    text.textContent = format(left);
    element.setAttribute('aria-label', label(left));
    element.classList.toggle('ending', left < 60_000);
  };

  tick();
  timer = window.setInterval(tick, 250);
})();
