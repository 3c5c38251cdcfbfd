// paperfeed's only script, and only an enhancement: every page works without it.
//   /      focus the search box
//   j / k  move to the next / previous paper in a list (Enter opens it)
//   copy buttons on paper pages put the citation on the clipboard
(() => {
  "use strict";

  const typing = (el) =>
    el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  function move(step) {
    const papers = [...document.querySelectorAll(".paper")];
    if (papers.length === 0) return;
    const current = papers.findIndex((p) => p.classList.contains("is-current"));
    const next = papers[Math.max(0, Math.min(papers.length - 1, current + step))];
    if (!next) return;
    papers.forEach((p) => p.classList.remove("is-current"));
    next.classList.add("is-current");
    const link = next.querySelector(".paper-title a");
    if (link) link.focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || typing(event.target))
      return;
    if (event.key === "/") {
      const box = document.getElementById("site-q");
      if (box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
    } else if (event.key === "j") {
      move(1);
    } else if (event.key === "k") {
      move(-1);
    }
  });

  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy";
      }
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
})();
