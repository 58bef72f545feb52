// The page editor sends one save at a time.
//
// Wagtail's autosave (the w-autosave controller) posts the form in the background half a second
// after a change; an action button ("Gửi duyệt", "Lưu bản nháp", "Xuất bản") posts it too. On a
// new page both requests go to the create view and both create the page: the second fails ("slug
// already in use", and the article is left unsubmitted) or makes a duplicate. So: once a button
// has posted the form, no autosave starts; a button clicked while an autosave is on its way waits
// for it, then posts to the address the autosave moved the form to (the new page's edit view).
(() => {
  const EDITOR = "form[data-controller~='w-autosave']";
  const state = new WeakMap(); // form -> {autosaving, submitting, pending: [name, value] | null}
  const of = (form) => {
    if (!state.has(form)) state.set(form, { autosaving: false, submitting: false, pending: null });
    return state.get(form);
  };
  const editor = (event) => (event.target instanceof HTMLFormElement && event.target.matches(EDITOR) ? event.target : null);

  document.addEventListener("w-autosave:save", (event) => {
    const form = editor(event);
    if (!form) return;
    if (of(form).submitting) {
      event.preventDefault(); // the button's post carries the same data
    } else {
      of(form).autosaving = true;
    }
  });

  const autosaveDone = (event) => {
    const form = editor(event);
    if (!form) return;
    const current = of(form);
    current.autosaving = false;
    if (current.pending) {
      const [name, value] = current.pending;
      current.pending = null;
      // The button may have been replaced when the editor was refreshed: post its name and value.
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
      form.requestSubmit(); // a submit event again: the editor's handlers see the post as before
    }
  };
  document.addEventListener("w-autosave:success", autosaveDone);
  document.addEventListener("w-autosave:error", autosaveDone);

  // Bubbling phase on the document: runs after the editor's own submit handlers, and only for a
  // post none of them stopped.
  document.addEventListener("submit", (event) => {
    const form = editor(event);
    if (!form || event.defaultPrevented) return;
    const current = of(form);
    current.submitting = true;
    if (current.autosaving) {
      event.preventDefault();
      const button = event.submitter;
      current.pending = button && button.name ? [button.name, button.value] : ["", ""];
    }
  });
})();
