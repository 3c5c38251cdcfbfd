// paperfeed's only script, and only an enhancement: every page works without it.
//   /      focus the search box
//   j / k  move to the next / previous paper in a list (Enter opens it)
//   ?      the keyboard shortcuts dialog (without script: the help page's list)
//   suggestions under the search box as you type (titles, authors, categories)
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
    } else if (event.key === "?") {
      const dialog = document.getElementById("shortcuts");
      if (dialog && dialog.showModal && !dialog.open) {
        event.preventDefault();
        dialog.showModal();
      }
    }
  });

  const shortcutsLink = document.querySelector("a[data-shortcuts]");
  const shortcuts = document.getElementById("shortcuts");
  if (shortcutsLink && shortcuts && shortcuts.showModal) {
    shortcutsLink.addEventListener("click", (event) => {
      event.preventDefault();
      shortcuts.showModal();
    });
  }

  // Suggestions: a listbox under the box (ARIA combobox), filled from /search/suggest as one
  // types; arrows move, Enter opens the chosen one, Escape closes. The form submits as ever.
  const box = document.getElementById("site-q");
  if (box && box.dataset.suggest && window.fetch) {
    const list = document.createElement("ul");
    list.id = "site-q-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    box.closest("form").appendChild(list);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", list.id);
    box.setAttribute("aria-expanded", "false");
    let active = -1;
    let timer = 0;
    let asked = "";
    const options = () => [...list.querySelectorAll("[role=option]")];
    const close = () => {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const choose = (i) => {
      const all = options();
      all.forEach((o, k) => o.setAttribute("aria-selected", k === i ? "true" : "false"));
      active = i;
      if (all[i]) box.setAttribute("aria-activedescendant", all[i].id);
      else box.removeAttribute("aria-activedescendant");
    };
    const render = (answer) => {
      list.textContent = "";
      const groups = [
        ["Papers", answer.titles.map((t) => [t.title, t.href])],
        ["Authors", answer.authors.map((a) => [a.name, a.href])],
        ["Categories", answer.categories.map((c) => [c.category, c.href])],
      ];
      let n = 0;
      for (const [label, items] of groups) {
        for (const [text, href] of items) {
          const li = document.createElement("li");
          li.id = `site-q-option-${n++}`;
          li.setAttribute("role", "option");
          li.dataset.href = href;
          const kind = document.createElement("span");
          kind.className = "suggestion-kind";
          kind.textContent = label;
          li.append(kind, document.createTextNode(text));
          li.addEventListener("mousedown", (event) => {
            event.preventDefault();
            window.location.href = href;
          });
          list.appendChild(li);
        }
      }
      if (n === 0) return close();
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
      choose(-1);
    };
    const ask = async () => {
      const q = box.value.trim();
      if (q === asked) return;
      asked = q;
      if (!q) return close();
      try {
        const response = await fetch(`${box.dataset.suggest}?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
        if (response.ok && box.value.trim() === q) render(await response.json());
      } catch {
        close(); // suggestions are a convenience; the form still searches
      }
    };
    box.addEventListener("focus", () => void fetch(`${box.dataset.suggest}?q=`).catch(() => {}), { once: true });
    box.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 120);
    });
    box.addEventListener("blur", close);
    box.addEventListener("keydown", (event) => {
      const all = options();
      if (event.key === "Escape") return close();
      if (list.hidden || all.length === 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        // Past either end the box itself is chosen again (-1), as in a browser's own lists.
        let next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= all.length) next = -1;
        else if (next < -1) next = all.length - 1;
        choose(next);
      } else if (event.key === "Enter" && active >= 0 && all[active]) {
        event.preventDefault();
        window.location.href = all[active].dataset.href;
      }
    });
  }

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
