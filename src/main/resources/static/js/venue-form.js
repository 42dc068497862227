// The new-venue form: "Add another section" appends a blank section to the seating plan (without scripts the
// form offers a blank section to fill in each time it is shown). Indexes stay contiguous: sections[0], [1] …
(() => {
  'use strict';

  const button = document.querySelector('[data-add-section]');
  const list = document.querySelector('[data-sections]');
  const template = document.querySelector('template[data-section-template]');
  if (!button || !list || !template) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', () => {
    const index = list.querySelectorAll('[data-section]').length;
    const html = template.innerHTML.replaceAll('__index__', String(index))
      .replaceAll('__number__', String(index + 1));
    list.insertAdjacentHTML('beforeend', html);
    const added = list.lastElementChild;
    added.querySelector('input').focus();
  });
})();
