// Enhances upvote forms: sends them with fetch and updates the button in place. Without
// JavaScript the same form posts and the page reloads, so nothing depends on this file.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.enhance !== "vote") return;
  event.preventDefault();
  const button = form.querySelector("button");
  const body = new URLSearchParams(new FormData(form));
  button.disabled = true;
  try {
    const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) {
      form.submit();
      return;
    }
    const result = await response.json();
    button.setAttribute("aria-pressed", String(result.voted));
    form.querySelector("input[name=up]").value = result.voted ? "0" : "1";
    form.querySelector(".count").textContent = String(result.votes);
    const label = form.querySelector(".visually-hidden");
    if (label) label.textContent = result.voted ? "Remove your upvote" : "Upvote";
  } finally {
    button.disabled = false;
  }
});
