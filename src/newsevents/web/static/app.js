// newsevents: a little behaviour of our own; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Dashboard: apply a select filter as soon as it changes.
  document.querySelectorAll("#filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  // Article: clicking a highlighted span scrolls its event card into view when there is one.
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) { target.classList.add("focus"); }
  // Review: ask before rejecting an event.
  document.querySelectorAll("form.review button[value=reject]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm("Reject this event? The review is kept in its history.")) { event.preventDefault(); }
    });
  });
});
