// The door's scanner page: remembers the gate on this device, keeps the code field ready for the next ticket,
// and reads QR codes with the camera (html5-qrcode), each decoded token posted like a typed code.
//   [data-manual-form]   the typed-code form (works without this script; htmx posts it when present)
//   [data-scan-form]     a hidden twin the camera fills and submits
//   [data-camera]        the camera section, shown only where a camera API exists
// The QR library (350 kB) is loaded on the first "Start camera" only. It probes for the global object with
// Function("return this") inside a try; the CSP (no 'unsafe-eval') refuses that and the library falls back.
(() => {
  'use strict';

  const GATE_KEY = 'usher.door.gate';
  const SAME_CODE_PAUSE_MS = 3000;

  const manual = document.querySelector('[data-manual-form]');
  const scanForm = document.querySelector('[data-scan-form]');
  if (!manual || !scanForm) {
    return;
  }
  const gate = manual.querySelector('[data-gate]');
  const ticket = manual.querySelector('[name="ticket"]');

  try {
    if (!gate.value && window.localStorage.getItem(GATE_KEY)) {
      gate.value = window.localStorage.getItem(GATE_KEY);
    }
  } catch (e) {
    // storage can be disabled (private mode): the gate is then typed once per page
  }
  gate.addEventListener('change', () => {
    try {
      window.localStorage.setItem(GATE_KEY, gate.value.trim());
    } catch (e) {
      // see above
    }
  });
  (gate.value ? ticket : gate).focus();

  // After an htmx check-in, clear the code for the next ticket.
  document.body.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.elt === manual && event.detail.successful) {
      ticket.value = '';
      ticket.focus();
    }
  });

  const submitScan = (token) => {
    if (!gate.value.trim()) {
      gate.reportValidity();
      return;
    }
    scanForm.querySelector('[name="ticket"]').value = token;
    scanForm.querySelector('[name="gate"]').value = gate.value.trim();
    if (window.htmx) {
      window.htmx.trigger(scanForm, 'submit');
    } else {
      scanForm.submit();
    }
  };

  const camera = document.querySelector('[data-camera]');
  const toggle = camera && camera.querySelector('[data-camera-toggle]');
  const status = camera && camera.querySelector('[data-camera-status]');
  if (!camera || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  camera.hidden = false;

  let scanner = null;
  let running = false;
  let last = { text: null, at: 0 };

  const loadLibrary = () => new Promise((resolve, reject) => {
    if (window.Html5Qrcode) {
      resolve();
      return;
    }
    const script = document.createElement('script');
    script.src = toggle.dataset.library;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('could not load the QR reader'));
    document.head.appendChild(script);
  });

  const onDecode = (text) => {
    const now = Date.now();
    // the camera sees one code many times a second: post it once, and again only after a pause
    if (text === last.text && now - last.at < SAME_CODE_PAUSE_MS) {
      return;
    }
    last = { text, at: now };
    submitScan(text);
  };

  const start = async () => {
    toggle.disabled = true;
    status.textContent = 'Starting the camera…';
    try {
      await loadLibrary();
      scanner = scanner || new window.Html5Qrcode('door-reader');
      await scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: 250 }, onDecode, () => {});
      running = true;
      toggle.textContent = 'Stop camera';
      status.textContent = 'Point the camera at a ticket’s QR code.';
    } catch (e) {
      status.textContent = 'The camera could not start. Type the codes instead.';
    } finally {
      toggle.disabled = false;
    }
  };

  const stop = async () => {
    toggle.disabled = true;
    try {
      await scanner.stop();
    } catch (e) {
      // already stopped
    }
    running = false;
    toggle.textContent = 'Start camera';
    status.textContent = '';
    toggle.disabled = false;
  };

  toggle.addEventListener('click', () => (running ? stop() : start()));
})();
